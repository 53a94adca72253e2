import { expectedBatchErrorSq } from './noise';
import type { Rng } from './rng';
import type { PerExampleGradients } from './trainer-types';

/** E|g_B − G|² at one batch size: averaged over sampled batches, and what theory says for random batches. */
export interface VariancePoint {
  batchSize: number;
  measured: number;
  theory: number;
  batches: number;
}

/** Means and spread of the per-example gradients (rows of the matrix), in float64. */
export interface GradientMoments {
  /** G: the mean row. */
  mean: Float64Array;
  gradNormSq: number;
  /** tr(Σ) = (1/N) Σ_i |g_i − G|². */
  traceSigma: number;
}

export function gradientMoments({ n, p, values }: PerExampleGradients): GradientMoments {
  const mean = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[j]! += values[i * p + j]!;
  for (let j = 0; j < p; j++) mean[j]! /= n;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      const d = values[i * p + j]! - mean[j]!;
      spread += d * d;
    }
  }
  return { mean, gradNormSq: mean.reduce((s, v) => s + v * v, 0), traceSigma: spread / n };
}

/** Batch sizes 1, 2, 4, … below N, then N itself. */
export function powerOfTwoSizes(n: number): number[] {
  const sizes: number[] = [];
  for (let b = 1; b < n; b *= 2) sizes.push(b);
  sizes.push(n);
  return sizes;
}

/** Adds row `row` of the matrix into `into` (float64). */
function addRow(into: Float64Array, { p, values }: PerExampleGradients, row: number): void {
  const offset = row * p;
  for (let j = 0; j < p; j++) into[j]! += values[offset + j]!;
}

/**
 * The mean of `size` rows drawn without replacement, for each of `count` batches (a partial Fisher–Yates over a
 * reused pool). Calls `visit` with each batch's mean gradient (the same buffer, overwritten batch after batch).
 */
export function forEachBatchMean(matrix: PerExampleGradients, size: number, count: number, rng: Rng, visit: (mean: Float64Array) => void): void {
  const pool = Int32Array.from({ length: matrix.n }, (_, i) => i);
  const sum = new Float64Array(matrix.p);
  for (let k = 0; k < count; k++) {
    sum.fill(0);
    for (let i = 0; i < size; i++) {
      const j = i + rng.int(matrix.n - i);
      const held = pool[i]!;
      pool[i] = pool[j]!;
      pool[j] = held;
      addRow(sum, matrix, pool[i]!);
    }
    for (let j = 0; j < matrix.p; j++) sum[j]! /= size;
    visit(sum);
  }
}

/**
 * The measured E|g_B − G|² for each batch size, each the mean over `batches` batches drawn without replacement and
 * formed by averaging rows of the per-example matrix (no backward passes), beside tr(Σ)/B · (N − B)/(N − 1).
 * B = N is one batch (every row): its error is 0 up to rounding.
 */
export function batchVarianceCurve(matrix: PerExampleGradients, sizes: readonly number[], batches: number, rng: Rng): { moments: GradientMoments; points: VariancePoint[] } {
  const moments = gradientMoments(matrix);
  const points = sizes.map((size) => {
    const count = size >= matrix.n ? 1 : batches;
    let total = 0;
    forEachBatchMean(matrix, Math.min(size, matrix.n), count, rng, (mean) => {
      let errorSq = 0;
      for (let j = 0; j < matrix.p; j++) errorSq += (mean[j]! - moments.mean[j]!) ** 2;
      total += errorSq;
    });
    return { batchSize: size, measured: total / count, theory: expectedBatchErrorSq(moments.traceSigma, matrix.n, size), batches: count };
  });
  return { moments, points };
}

/** A sampled mini-batch gradient, in two coordinates the cloud view can draw. */
export type CloudPoint = [number, number];

/**
 * `count` mini-batch gradients of size `size` and the full gradient in two coordinates: the parameters themselves
 * when there are exactly two (∂w, ∂b), else (g_B·Ĝ, |g_B − (g_B·Ĝ)Ĝ|), the component along G and the size of the
 * rest, so a cloud cannot look tight while its directions disagree.
 */
export function gradientCloud(matrix: PerExampleGradients, size: number, count: number, rng: Rng): { kind: 'parameters' | 'projection'; points: CloudPoint[]; full: CloudPoint } {
  const { mean, gradNormSq } = gradientMoments(matrix);
  const kind = matrix.p === 2 ? 'parameters' : 'projection';
  const norm = Math.sqrt(gradNormSq);
  const place = (g: Float64Array): CloudPoint => {
    if (kind === 'parameters') return [g[0]!, g[1]!];
    let along = 0;
    for (let j = 0; j < matrix.p; j++) along += (g[j]! * mean[j]!) / (norm || 1);
    let restSq = 0;
    for (let j = 0; j < matrix.p; j++) restSq += (g[j]! - (along * mean[j]!) / (norm || 1)) ** 2;
    return [along, Math.sqrt(Math.max(0, restSq))];
  };
  const points: CloudPoint[] = [];
  forEachBatchMean(matrix, Math.min(size, matrix.n), size >= matrix.n ? 1 : count, rng, (g) => points.push(place(g)));
  return { kind, points, full: place(mean) };
}
