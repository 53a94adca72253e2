const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** An integer exponent in Unicode superscript (−5 → "⁻⁵"), so no font or markup is needed to read it. */
export function superscript(exponent: number): string {
  const digits = Array.from(String(Math.abs(Math.trunc(exponent))), (d) => SUPERSCRIPT_DIGITS[Number(d)]).join('');
  return exponent < 0 ? `⁻${digits}` : digits;
}

/** Scientific notation for reading: "1.53 × 10⁻⁵"; the mantissa keeps `digits` significant digits, trailing zeros dropped. */
function scientific(value: number, digits: number): string {
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  return `${Number(mantissa)} × 10${superscript(Number(exponent))}`;
}

// One formatter, built once: toLocaleString with options builds a new Intl.NumberFormat on every call, which made
// the charts' tick labels (formatted on every redraw) a visible share of each frame.
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** As formatNumber, with a true minus sign: for a number set in a sentence beside "−1" (a slope). */
export function formatSigned(value: number, digits = 3): string {
  return formatNumber(value, digits).replace(/^-/, '−');
}

const THREE_SIGNIFICANT = new Intl.NumberFormat('en-US', { minimumSignificantDigits: 3, maximumSignificantDigits: 3 });

/**
 * A live measurement beside others of its kind (a card's losses): as formatNumber, but keeping the zeros of its 3
 * significant digits ("0.700", not "0.7" beside "0.698"), so neighbouring readings show the same precision.
 */
export function formatReading(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return formatNumber(value);
  const magnitude = Math.abs(value);
  if (magnitude === 0 || magnitude < 1e-3 || magnitude >= 1000) return formatNumber(value);
  return THREE_SIGNIFICANT.format(value);
}

/** Numbers for reading: 3 significant digits, thousands separated, no exponent noise for everyday sizes. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e7)) return scientific(value, digits);
  if (magnitude >= 10 ** digits) return DECIMAL.format(Math.round(value));
  return DECIMAL.format(Number(value.toPrecision(digits)));
}

const isPowerOfTen = (magnitude: number) => magnitude > 0 && Math.abs(magnitude / 10 ** Math.round(Math.log10(magnitude)) - 1) < 1e-9;
// Where formatNumber itself switches to "× 10ⁿ", a bare power of ten on an axis reads "10ⁿ".
const needsPower = (magnitude: number) => magnitude < 1e-3 || magnitude >= 1e7;

/**
 * An axis tick: as `formatNumber` (with `digits` significant digits), but a bare power of ten beyond everyday sizes
 * reads "10⁻⁵" so tick labels stay short; `powers`: every power of ten reads so (one notation along an axis).
 */
export function formatTick(value: number, digits = 3, powers = false): string {
  const magnitude = Math.abs(value);
  if (isPowerOfTen(magnitude) && (powers || needsPower(magnitude))) return `${value < 0 ? '-' : ''}10${superscript(Math.round(Math.log10(magnitude)))}`;
  return formatNumber(value, digits);
}

// The most significant digits a tick label gets while telling neighbouring ticks apart.
const MAX_TICK_DIGITS = 12;

/**
 * How one axis labels its ticks: one notation for its powers of ten ("10⁴ … 10¹⁰", never "10,000" beside "10⁸"), and
 * as many significant digits as it takes for no two labels to read the same (zoomed deep: "137.01, 137.02").
 */
export function tickFormatter(ticks: readonly number[]): (value: number) => string {
  const powers = ticks.some((t) => isPowerOfTen(Math.abs(t)) && needsPower(Math.abs(t)));
  for (let digits = 3; digits < MAX_TICK_DIGITS; digits++) {
    const labels = ticks.map((t) => formatTick(t, digits, powers));
    if (new Set(labels).size === labels.length) return (value) => formatTick(value, digits, powers);
  }
  return (value) => formatTick(value, MAX_TICK_DIGITS, powers);
}

/** A whole count with thousands separators. */
export function formatCount(value: number): string {
  return DECIMAL.format(Math.round(value));
}

/** Milliseconds for a duration, 3 significant digits. */
export function formatMs(ms: number | null): string {
  return ms === null ? '—' : `${formatNumber(ms)} ms`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Bytes for reading, in powers of 1,024: "512 B", "1.5 KiB", "3.2 MiB". */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return '—';
  let value = bytes;
  let unit = 0;
  // Compared after rounding, so 1,048,575.99 bytes reads 1 MiB, not 1,024 KiB.
  while (Math.abs(Math.round(value)) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value)} ${BYTE_UNITS[unit]}`;
}
