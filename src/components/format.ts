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

/** Numbers for reading: 3 significant digits, thousands separated, no exponent noise for everyday sizes. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e7)) return scientific(value, digits);
  if (magnitude >= 10 ** digits) return DECIMAL.format(Math.round(value));
  return DECIMAL.format(Number(value.toPrecision(digits)));
}

/** An axis tick: as `formatNumber`, but a bare power of ten reads "10⁻⁵" so tick labels stay short. */
export function formatTick(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e7)) {
    const exponent = Math.round(Math.log10(magnitude));
    if (Math.abs(magnitude / 10 ** exponent - 1) < 1e-9) return `${value < 0 ? '-' : ''}10${superscript(exponent)}`;
  }
  return formatNumber(value);
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
