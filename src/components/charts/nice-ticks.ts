import { nice, ticks } from 'd3-array';

/** A closed numeric range [from, to] on one axis. */
export type Domain = [number, number];

/** An axis as the chart draws it: its domain and the ticks we label (recharts' own ends can be odd, e.g. 579). */
export interface AxisScale {
  domain: Domain;
  ticks: number[];
}

// Above this many decades a log axis is labelled at powers of ten only; below it 1-2-5 ticks keep it from looking empty.
const SPARSE_DECADES = 2;
// The most power-of-ten ticks a log axis shows before it labels every other (or every third …) decade.
const MAX_DECADE_TICKS = 7;

/** Nice linear ticks inside [from, to] (no odd last tick); whole numbers only when `integer` (steps, examples). */
export function linearTicks([from, to]: Domain, count: number, integer = false): number[] {
  const all = ticks(from, to, count);
  return integer ? all.filter(Number.isInteger) : all;
}

/** A range that has width: one value (one point, or flat data) is padded by 10% either side, zero by ±0.5. */
export function widen([from, to]: Domain): Domain {
  if (to - from > 1e-9 * Math.max(Math.abs(from), Math.abs(to))) return [from, to];
  const pad = to === 0 ? 0.5 : Math.abs(to) * 0.1;
  return [from - pad, to + pad];
}

/** A linear axis over [low, high], widened if flat, rounded out to nice numbers; never below zero when `low` ≥ 0. */
export function linearScale(low: number, high: number, count = 5): AxisScale {
  const [from, to] = widen([low, high]);
  const [niceFrom, niceTo] = nice(low >= 0 ? Math.max(0, from) : from, to, count);
  return { domain: [niceFrom, niceTo], ticks: ticks(niceFrom, niceTo, count) };
}

// Built from a decimal string so 2 × 10⁻⁷ is exactly 2e-7, not 1.9999999999999998e-7.
const decimal = (mantissa: number, exponent: number) => Number(`${mantissa}e${exponent}`);

function niceLogFloor(value: number, steps: readonly number[]): number {
  const exponent = Math.floor(Math.log10(value) + 1e-9);
  const mantissa = value / 10 ** exponent;
  const step = [...steps].reverse().find((s) => mantissa >= s * (1 - 1e-9)) ?? 1;
  return decimal(step, exponent);
}

function niceLogCeil(value: number, steps: readonly number[]): number {
  const exponent = Math.floor(Math.log10(value) + 1e-9);
  const mantissa = value / 10 ** exponent;
  const step = steps.find((s) => mantissa <= s * (1 + 1e-9));
  return step === undefined ? decimal(1, exponent + 1) : decimal(step, exponent);
}

// Mantissas for the ends (and, where 1-2-5 leaves fewer than MIN_TICKS, the ticks) of a log axis under a decade or so.
const FINE_STEPS = [1, 1.5, 2, 3, 4, 5, 6, 8] as const;
const COARSE_STEPS = [1, 2, 5] as const;
const MIN_TICKS = 3;
// A log range narrower than this factor (one point, or flat data) is widened to it around its geometric middle.
const MIN_LOG_FACTOR = 2;

function logTicksBetween([from, to]: Domain, steps: readonly number[]): number[] {
  const values: number[] = [];
  for (let e = Math.floor(Math.log10(from) + 1e-9); e <= Math.floor(Math.log10(to) + 1e-9); e++) for (const m of steps) values.push(decimal(m, e));
  return values.filter((v) => v >= from * (1 - 1e-9) && v <= to * (1 + 1e-9));
}

/**
 * A log axis over [low, high] (both > 0), widened to at least a factor MIN_LOG_FACTOR; up to SPARSE_DECADES the ends
 * are rounded to 1-2-5 values (finer under a decade) and ticks sit at 1-2-5 (finer where that leaves too few); beyond
 * it ends and ticks are powers of ten (thinned to ≤ MAX_DECADE_TICKS).
 */
export function logScale(low: number, high: number): AxisScale {
  const middle = Math.sqrt(low * high);
  const [from, to] = high / low < MIN_LOG_FACTOR ? [middle / Math.SQRT2, middle * Math.SQRT2] : [low, high];
  if (Math.log10(to / from) <= SPARSE_DECADES) {
    const endSteps = Math.log10(to / from) > 1 ? COARSE_STEPS : FINE_STEPS;
    const domain: Domain = [niceLogFloor(from, endSteps), niceLogCeil(to, endSteps)];
    const coarse = logTicksBetween(domain, COARSE_STEPS);
    return { domain, ticks: coarse.length >= MIN_TICKS ? coarse : logTicksBetween(domain, FINE_STEPS) };
  }
  const first = Math.floor(Math.log10(from) + 1e-9);
  const last = Math.ceil(Math.log10(to) - 1e-9);
  const every = Math.ceil((last - first + 1) / MAX_DECADE_TICKS);
  const values: number[] = [];
  for (let e = last; e >= first; e -= every) values.unshift(decimal(1, e));
  return { domain: [decimal(1, first), decimal(1, last)], ticks: values };
}
