import { batchVarianceCurve, gradientCloud, powerOfTwoSizes } from '../engine/batch-variance';
import { createRng, sampleWithoutReplacement } from '../engine/rng';
import type { PerExampleGradients, Trainer } from '../engine/trainer';
import type { GradientAnalysis } from '../runtime/protocol';

/**
 * Most entries (rows × parameters) of the per-example matrix one analysis builds: it costs about 200 × this in
 * multiply-adds (200 batches of every size), some 0.2–0.5 s of the worker; above it a seeded subset of rows is used.
 */
export const ANALYSIS_ENTRIES = 1_000_000;
/** Batches averaged per batch size (at least 200), and mini-batch gradients sampled for the cloud. */
export const VARIANCE_BATCHES = 200;
export const CLOUD_POINTS = 300;

/** The rows the matrix holds: every example (null), or a seeded random subset that keeps rows × P ≤ ANALYSIS_ENTRIES. */
export function analysisRows(n: number, parameters: number, seed: number): Int32Array | null {
  const rows = Math.max(Math.min(n, 64), Math.floor(ANALYSIS_ENTRIES / parameters));
  return rows >= n ? null : sampleWithoutReplacement(n, rows, createRng(seed, 'noise-probe', -1));
}

/** One run as the analysis needs it. */
export interface AnalysedRun {
  id: string;
  trainer: Trainer;
  /** Training examples. */
  n: number;
  seed: number;
}

/** Keeps the last matrix (one run, one step), so a slider asking for another cloud does not rebuild it. */
export interface MatrixCache {
  get(run: AnalysedRun): Promise<PerExampleGradients>;
  clear(): void;
}

export function createMatrixCache(): MatrixCache {
  let cached: { trainer: Trainer; step: number; matrix: PerExampleGradients } | null = null;
  return {
    async get({ trainer, n, seed }) {
      const step = trainer.progress.step;
      if (cached?.trainer === trainer && cached.step === step) return cached.matrix;
      const matrix = await trainer.perExampleGradients(analysisRows(n, trainer.parameterCount, seed) ?? undefined);
      cached = { trainer, step, matrix };
      return matrix;
    },
    clear() {
      cached = null;
    },
  };
}

/** The variance curve and a cloud at `cloudBatchSize`, for one run at its current parameters. */
export async function analyseGradients(run: AnalysedRun, cache: MatrixCache, cloudBatchSize: number): Promise<GradientAnalysis> {
  const started = performance.now();
  const matrix = await cache.get(run);
  const step = run.trainer.progress.step;
  // Seeded by the step, so the same request at the same point gives the same picture.
  const { moments, points } = batchVarianceCurve(matrix, powerOfTwoSizes(matrix.n), VARIANCE_BATCHES, createRng(run.seed, 'noise-probe', step * 2 + 1));
  const size = Math.max(1, Math.min(Math.round(cloudBatchSize), matrix.n));
  const cloud = gradientCloud(matrix, size, CLOUD_POINTS, createRng(run.seed, 'noise-probe', step * 2 + 2));
  return {
    runId: run.id,
    step,
    n: run.n,
    rows: matrix.n,
    parameters: matrix.p,
    gradNormSq: moments.gradNormSq,
    traceSigma: moments.traceSigma,
    variance: points,
    cloud: { batchSize: size, ...cloud },
    ms: performance.now() - started,
  };
}
