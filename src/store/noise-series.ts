import { createLTTB } from 'downsample';
import type { NoisePoint } from '../runtime/protocol';
import { MAX_CHART_POINTS, bucketMeans, xOf } from './chart-series';
import type { XAxis } from './ui-store';

/** One value of a noise line at one x. */
export interface NoiseXY {
  x: number;
  y: number;
}

/** A run's gradient-noise lines on one x-axis, each ≤ MAX_CHART_POINTS. */
export interface NoiseSeries {
  /** Each measurement's |g_B − G| / |G| (faint dots): noise is the point of the view, so it is not averaged away. */
  errorDots: NoiseXY[];
  /** Centred root-mean-square average of |g_B − G| / |G|, comparable with the expectation. */
  error: NoiseXY[];
  /** What a random batch of this size misses by on average, √(E|g_B − G|²) / |G|. */
  expectedError: NoiseXY[];
  /** Centred moving average of cos(g_B, G), and each measurement. */
  cosine: NoiseXY[];
  cosineDots: NoiseXY[];
  /** B_simple from per-example gradients, and the two-batch estimate where it has settled. */
  bSimple: NoiseXY[];
  estimate: NoiseXY[];
  /**
   * How much farther a single example's gradient is from G than the run's batches', at the same parameters: the RMS
   * ratio √(Σ_k tr(Σ)/|G|² / Σ_k |g_B − G|²/|G|²) over the last RATIO_WINDOW measurements k (the single-example side
   * is exact over every example, the batch side what the run's actual batches missed by); null without any.
   */
  singleVsBatch: number | null;
  /** The latest measurement (for readouts and "what to look for"). */
  latest: NoisePoint | null;
  /** Where a stretch measured after a gap begins (x): the lines break before each, as measuring was off there. */
  breaks: number[];
}

const positive = (v: number) => Number.isFinite(v) && v > 0;

/** Measurements the single-versus-batch ratio averages over. */
export const RATIO_WINDOW = 20;

function singleVsBatch(points: readonly NoisePoint[]): number | null {
  const usable = points.filter((p) => positive(p.relativeError) && Number.isFinite(p.singleRelativeError)).slice(-RATIO_WINDOW);
  if (usable.length === 0) return null;
  const single = usable.reduce((sum, p) => sum + p.singleRelativeError ** 2, 0);
  const batch = usable.reduce((sum, p) => sum + p.relativeError ** 2, 0);
  return Math.sqrt(single / batch);
}

/** Centred moving average over `radius` points each side (shrunk symmetrically at the ends, so nothing lags). */
export function centredMeans(values: readonly number[], radius: number): number[] {
  const sums = new Float64Array(values.length + 1);
  values.forEach((v, i) => (sums[i + 1] = sums[i]! + v));
  const last = values.length - 1;
  return values.map((v, i) => {
    const r = Math.min(radius, i, last - i);
    return r <= 0 ? v : (sums[i + r + 1]! - sums[i - r]!) / (2 * r + 1);
  });
}

/** A smoothing window of about 3 % of the points, at least 2 each side. */
export function noiseRadius(count: number): number {
  return Math.max(2, Math.round(count / 30));
}

/** How a line averages: arithmetic, geometric (in log space) or root mean square. */
type Average = 'mean' | 'log' | 'rms';
const INTO: Record<Average, (v: number) => number> = { mean: (v) => v, log: Math.log, rms: (v) => v * v };
const BACK: Record<Average, (v: number) => number> = { mean: (v) => v, log: Math.exp, rms: Math.sqrt };

/** The measurements in unbroken stretches: a new one begins after each time measuring was off. */
export function measuredStretches(points: readonly NoisePoint[]): NoisePoint[][] {
  const stretches: NoisePoint[][] = [];
  for (const point of points) {
    if (point.afterGap || stretches.length === 0) stretches.push([]);
    stretches.at(-1)!.push(point);
  }
  return stretches.filter((stretch) => stretch.length > 0);
}

/** Each stretch smoothed and thinned on its own, so no average reaches across a gap; the chart budget shared by length. */
function smoothedLine(stretches: readonly NoisePoint[][], axis: XAxis, value: (p: NoisePoint) => number, average: Average): NoiseXY[] {
  const keptStretches = stretches.map((stretch) => stretch.filter((p) => (average === 'mean' ? Number.isFinite(value(p)) : positive(value(p)))));
  const total = keptStretches.reduce((sum, kept) => sum + kept.length, 0);
  return keptStretches.flatMap((kept) => {
    const means = centredMeans(kept.map((p) => INTO[average](value(p))), noiseRadius(kept.length));
    const budget = Math.max(2, Math.floor((MAX_CHART_POINTS * kept.length) / Math.max(total, 1)));
    return bucketMeans(kept.map((p, i) => ({ x: xOf(p, axis), y: means[i]! })), budget).map(({ x, y }) => ({ x, y: BACK[average](y) }));
  });
}

function dots(points: readonly NoisePoint[], axis: XAxis, value: (p: NoisePoint) => number, log: boolean): NoiseXY[] {
  const kept = points.filter((p) => (log ? positive(value(p)) : Number.isFinite(value(p)))).map((p) => ({ x: xOf(p, axis), y: value(p) }));
  if (kept.length <= MAX_CHART_POINTS) return kept;
  // Largest-triangle sampling keeps the outliers that make noise visible; in log space for a log axis.
  const lttb = createLTTB<NoiseXY>({ x: (p) => p.x, y: (p) => (log ? Math.log(p.y) : p.y) });
  return Array.from(lttb(kept, MAX_CHART_POINTS));
}

/**
 * A run's noise lines: values a log axis cannot draw (0 at B = N, ∞ where |G| = 0) are left out, and the two-batch
 * estimate only appears once it has settled.
 */
export function noiseSeries(points: readonly NoisePoint[], axis: XAxis): NoiseSeries {
  const stretches = measuredStretches(points);
  const settled = stretches.map((stretch) => stretch.filter((p) => p.estimate?.settled === true));
  const total = settled.reduce((sum, stretch) => sum + stretch.length, 0);
  const estimate = settled.flatMap((stretch) =>
    bucketMeans(
      stretch.map((p) => ({ x: xOf(p, axis), y: p.estimate!.bSimple })).filter((p) => positive(p.y)),
      Math.max(2, Math.floor((MAX_CHART_POINTS * stretch.length) / Math.max(total, 1))),
    ),
  );
  return {
    errorDots: dots(points, axis, (p) => p.relativeError, true),
    // Root mean square, like the expectation beside it (√E|g_B − G|²): a geometric mean would sit below it by design.
    error: smoothedLine(stretches, axis, (p) => p.relativeError, 'rms'),
    expectedError: smoothedLine(stretches, axis, (p) => p.expectedRelativeError, 'rms'),
    cosine: smoothedLine(stretches, axis, (p) => p.cosine, 'mean'),
    cosineDots: dots(points, axis, (p) => p.cosine, false),
    bSimple: smoothedLine(stretches, axis, (p) => p.bSimple, 'log'),
    estimate,
    singleVsBatch: singleVsBatch(points),
    latest: points.at(-1) ?? null,
    breaks: stretches.slice(1).map((stretch) => xOf(stretch[0]!, axis)),
  };
}
