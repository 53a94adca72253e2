/**
 * The batch-size sweep's maths, on plain numbers: which sizes to time, the median of timed blocks, the regimes read
 * from the measured curve, where one backend overtakes another, and a straight-line fit of memory against B.
 * No tensors here; the timing itself is in throughput-timer.ts.
 */

/** The largest batch a sweep times (and the size of its dataset): 2^16. */
export const SWEEP_MAX_BATCH = 65_536;

/** One batch size measured on one backend. */
export interface SweepPoint {
  batchSize: number;
  /** Median over the timed blocks of (block time ÷ steps in the block), ms. */
  msPerStep: number;
  /** batchSize ÷ msPerStep, per second. */
  examplesPerSecond: number;
  /** Each timed block's ms per step, in the order timed. */
  blockMsPerStep: number[];
  stepsPerBlock: number;
  /** Most bytes of tensors alive at once during one step (dataset and parameters included); null where not measured. */
  peakBytes: number | null;
  /** Of those, what the step itself added on top of what was held before it. */
  stepBytes: number | null;
}

/** Where a measured curve sits: ms/step flat (fixed cost per step dominates), examples/s flat, or in between. */
export type Regime = 'overhead-bound' | 'transition' | 'saturated';

/** A stretch of batch sizes [from, to] in one regime (edges halfway between measured sizes, on a log scale). */
export interface RegimeSpan {
  regime: Regime;
  from: number;
  to: number;
}

// Overhead-bound while a step takes at most this many times as long as at the smallest B: the fixed cost is still
// at least two thirds of it. (For t = t₀ + c·B that is B ≤ ½·t₀/c.)
const OVERHEAD_FACTOR = 1.5;
// Saturated where log(ms/step) rises at least this steeply with log(B): time nearly in proportion to B, so
// examples/s has stopped growing. (For t = t₀ + c·B that is B ≥ 2.3·t₀/c.)
const SATURATED_SLOPE = 0.7;
// Two backends less than 5% apart are a tie: noise, not an overtaking.
const TIE_RATIO = 1.05;

/** 1, 2, 4, … up to `largest` (itself included when it is not a power of two); `largest` is clamped to 1…SWEEP_MAX_BATCH. */
export function sweepBatchSizes(largest: number): number[] {
  const top = Math.max(1, Math.min(SWEEP_MAX_BATCH, Math.floor(largest)));
  const sizes: number[] = [];
  for (let b = 1; b <= top; b *= 2) sizes.push(b);
  if (sizes[sizes.length - 1] !== top) sizes.push(top);
  return sizes;
}

/** The median (mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A point from timed blocks: the median block's ms/step, and examples/s from it. */
export function pointFromBlocks(batchSize: number, stepsPerBlock: number, blockMs: readonly number[], memory: { peakBytes: number | null; stepBytes: number | null }): SweepPoint {
  const blockMsPerStep = blockMs.map((ms) => ms / stepsPerBlock);
  const msPerStep = median(blockMsPerStep);
  return { batchSize, msPerStep, examplesPerSecond: (1000 * batchSize) / msPerStep, blockMsPerStep, stepsPerBlock, ...memory };
}

/** Steps per timed block so that one block lasts about `targetMs`, given one step's time: 1 … `maxSteps`. */
export function stepsPerBlock(oneStepMs: number, targetMs: number, maxSteps: number): number {
  if (!(oneStepMs > 0)) return maxSteps;
  return Math.max(1, Math.min(maxSteps, Math.ceil(targetMs / oneStepMs)));
}

/**
 * The closest non-decreasing sequence to `values` in least squares (pool adjacent violators). A step over more
 * examples does not take less time, so a dip in measured ms/step is noise (a warm-up, a collection); pooling it
 * keeps one noisy size from inventing a regime.
 */
export function nonDecreasing(values: readonly number[]): number[] {
  const blocks: { sum: number; count: number }[] = [];
  for (const value of values) {
    blocks.push({ sum: value, count: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2]!.sum / blocks[blocks.length - 2]!.count > blocks[blocks.length - 1]!.sum / blocks[blocks.length - 1]!.count) {
      const last = blocks.pop()!;
      blocks[blocks.length - 1]!.sum += last.sum;
      blocks[blocks.length - 1]!.count += last.count;
    }
  }
  return blocks.flatMap((b) => new Array<number>(b.count).fill(b.sum / b.count));
}

/**
 * d log(ms/step) / d log(B) at each measured size (sorted by B), from its neighbours on either side (one side at the
 * ends), on the non-decreasing fit of log(ms/step): 0 where a step costs the same at any B, 1 where it costs in
 * proportion to B.
 */
export function logSlopes(points: readonly SweepPoint[]): number[] {
  const sorted = [...points].sort((a, b) => a.batchSize - b.batchSize);
  const logMs = nonDecreasing(sorted.map((p) => Math.log(p.msPerStep)));
  return sorted.map((_, i) => {
    const left = Math.max(0, i - 1);
    const right = Math.min(sorted.length - 1, i + 1);
    if (left === right) return Number.NaN;
    return (logMs[right]! - logMs[left]!) / Math.log(sorted[right]!.batchSize / sorted[left]!.batchSize);
  });
}

/** Sorted by B, with ms/step replaced by its non-decreasing fit (the curve the regimes are read from). */
function smoothed(points: readonly SweepPoint[]): { batchSize: number; msPerStep: number }[] {
  const sorted = [...points].sort((a, b) => a.batchSize - b.batchSize);
  const logMs = nonDecreasing(sorted.map((p) => Math.log(p.msPerStep)));
  return sorted.map((p, i) => ({ batchSize: p.batchSize, msPerStep: Math.exp(logMs[i]!) }));
}

/**
 * Each measured size's regime, in order along B: overhead-bound while a step costs at most OVERHEAD_FACTOR × the
 * smallest B's step; saturated from the first size where the curve rises at least SATURATED_SLOPE steeply both there
 * and on average from there to the largest size (so one noisy stretch does not saturate and un-saturate); in
 * between otherwise. Sorted by B.
 */
export function regimesOf(points: readonly SweepPoint[]): Regime[] {
  const curve = smoothed(points);
  const slopes = logSlopes(points);
  const floor = curve[0]?.msPerStep ?? Number.NaN;
  const last = curve[curve.length - 1];
  const risesToEnd = (i: number) => last !== undefined && last.batchSize > curve[i]!.batchSize && Math.log(last.msPerStep / curve[i]!.msPerStep) / Math.log(last.batchSize / curve[i]!.batchSize) >= SATURATED_SLOPE;
  let saturatedFrom = curve.findIndex((p, i) => p.msPerStep > OVERHEAD_FACTOR * floor && slopes[i]! >= SATURATED_SLOPE && (risesToEnd(i) || i === curve.length - 1));
  if (saturatedFrom < 0) saturatedFrom = curve.length;
  return curve.map((p, i) => (i >= saturatedFrom ? 'saturated' : p.msPerStep <= OVERHEAD_FACTOR * floor ? 'overhead-bound' : 'transition'));
}

/** The measured curve cut into regimes; stretches of one regime are merged, edges halfway (in log B) between sizes. */
export function regimeSpans(points: readonly SweepPoint[]): RegimeSpan[] {
  const sorted = [...points].sort((a, b) => a.batchSize - b.batchSize);
  if (sorted.length < 2) return [];
  const regimes = regimesOf(sorted);
  const edge = (i: number) => Math.sqrt(sorted[i]!.batchSize * sorted[i + 1]!.batchSize);
  const spans: RegimeSpan[] = [];
  sorted.forEach((point, i) => {
    const regime = regimes[i]!;
    const from = i === 0 ? point.batchSize : edge(i - 1);
    const to = i === sorted.length - 1 ? point.batchSize : edge(i);
    const last = spans[spans.length - 1];
    if (last && last.regime === regime) last.to = to;
    else spans.push({ regime, from, to });
  });
  return spans;
}

/**
 * The knee: where a step first takes twice as long as at the smallest B — the fixed cost per step and the work on
 * its examples take about equal time (t₀ + c·B has it at B = t₀/c). Interpolated in log–log; null if never reached.
 */
export function kneeBatchSize(points: readonly SweepPoint[]): number | null {
  const curve = smoothed(points);
  if (curve.length < 2) return null;
  const target = Math.log(2 * curve[0]!.msPerStep);
  for (let i = 1; i < curve.length; i++) {
    const [a, b] = [curve[i - 1]!, curve[i]!];
    if (Math.log(b.msPerStep) < target) continue;
    const rise = Math.log(b.msPerStep / a.msPerStep);
    const t = rise > 0 ? (target - Math.log(a.msPerStep)) / rise : 1;
    return Math.exp(Math.log(a.batchSize) + t * Math.log(b.batchSize / a.batchSize));
  }
  return null;
}

/** A named measured curve, for comparing backends. */
export interface NamedCurve {
  name: string;
  points: readonly SweepPoint[];
}

/** Where the faster of two curves changes: at about `batchSize`, `faster` becomes the faster one. */
export interface Overtaking {
  batchSize: number;
  faster: string;
  slower: string;
}

/**
 * Where `a` and `b` trade places, over the sizes both measured (on their non-decreasing fits, as the regimes): each
 * change of which is faster (ties within 5% keep the earlier order) gives one overtaking, placed where the two
 * log-curves cross between the measured sizes.
 */
export function overtakings(a: NamedCurve, b: NamedCurve): Overtaking[] {
  const ofB = new Map(smoothed(b.points).map((p) => [p.batchSize, p.msPerStep]));
  const shared = smoothed(a.points)
    .filter((p) => ofB.has(p.batchSize))
    .map((p) => ({ batchSize: p.batchSize, logRatio: Math.log(p.msPerStep / ofB.get(p.batchSize)!) }));
  const result: Overtaking[] = [];
  let leader: 'a' | 'b' | null = null;
  let previous: { batchSize: number; logRatio: number } | null = null;
  for (const point of shared) {
    const now = point.logRatio > Math.log(TIE_RATIO) ? 'b' : point.logRatio < -Math.log(TIE_RATIO) ? 'a' : null;
    if (now && leader && now !== leader && previous) {
      const span = previous.logRatio - point.logRatio;
      const t = span !== 0 ? previous.logRatio / span : 0.5;
      const at = Math.exp(Math.log(previous.batchSize) + Math.min(1, Math.max(0, t)) * Math.log(point.batchSize / previous.batchSize));
      result.push({ batchSize: at, faster: now === 'a' ? a.name : b.name, slower: now === 'a' ? b.name : a.name });
    }
    if (now) leader = now;
    previous = point;
  }
  return result;
}

/**
 * Which curve is fastest at each size measured by all of them (on their non-decreasing fits), merged into stretches
 * [from, to] of one leader; the leader changes only when another is more than 5% faster (a tie is noise).
 */
export function fastestStretches(curves: readonly NamedCurve[]): { name: string; from: number; to: number }[] {
  if (curves.length === 0) return [];
  const maps = curves.map((c) => new Map(smoothed(c.points).map((p) => [p.batchSize, p.msPerStep])));
  const sizes = [...maps[0]!.keys()].filter((b) => maps.every((m) => m.has(b))).sort((x, y) => x - y);
  const stretches: { name: string; from: number; to: number }[] = [];
  let leader = -1;
  for (const b of sizes) {
    let best = 0;
    maps.forEach((m, i) => {
      if (m.get(b)! < maps[best]!.get(b)!) best = i;
    });
    if (leader < 0 || maps[leader]!.get(b)! > TIE_RATIO * maps[best]!.get(b)!) leader = best;
    const name = curves[leader]!.name;
    const last = stretches[stretches.length - 1];
    if (last && last.name === name) last.to = b;
    else stretches.push({ name, from: b, to: b });
  }
  return stretches;
}

/** Memory as a straight line in B: peak bytes ≈ fixedBytes + bytesPerExample · B. */
export interface MemoryFit {
  fixedBytes: number;
  bytesPerExample: number;
  /** How many measured sizes the fit rests on. */
  points: number;
}

/** Least-squares line through the measured peak bytes against B (at least two distinct sizes); slope kept ≥ 0. */
export function fitMemory(points: readonly SweepPoint[]): MemoryFit | null {
  const usable = points.filter((p): p is SweepPoint & { peakBytes: number } => p.peakBytes !== null && Number.isFinite(p.peakBytes));
  if (new Set(usable.map((p) => p.batchSize)).size < 2) return null;
  const count = usable.length;
  const meanB = usable.reduce((s, p) => s + p.batchSize, 0) / count;
  const meanBytes = usable.reduce((s, p) => s + p.peakBytes, 0) / count;
  let covariance = 0;
  let variance = 0;
  for (const p of usable) {
    covariance += (p.batchSize - meanB) * (p.peakBytes - meanBytes);
    variance += (p.batchSize - meanB) ** 2;
  }
  const bytesPerExample = Math.max(0, covariance / variance);
  return { fixedBytes: meanBytes - bytesPerExample * meanB, bytesPerExample, points: count };
}

/** The largest B whose fitted peak stays within `budgetBytes` (Infinity if memory does not grow; 0 if nothing fits). */
export function largestFittingBatch(fit: MemoryFit, budgetBytes: number): number {
  if (fit.bytesPerExample <= 0) return fit.fixedBytes <= budgetBytes ? Number.POSITIVE_INFINITY : 0;
  return Math.max(0, Math.floor((budgetBytes - fit.fixedBytes) / fit.bytesPerExample));
}
