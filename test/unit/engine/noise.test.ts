import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { generateDataset } from '../../../src/engine/datasets';
import { PIECE_ROWS } from '../../../src/engine/row-pieces';
import {
  createNoiseScaleEstimator,
  estimateSettled,
  expectedBatchErrorSq,
  relativeError,
  SETTLED_SAMPLES,
  samplingVarianceFactor,
  twoBatchEstimate,
} from '../../../src/engine/noise';
import { dot, meanLossAndGradient, type ReferenceModel } from './reference-network';
import { makeTrainer, trainFor } from './trainer-helpers';

const REFERENCE: ReferenceModel = { widths: [2, 8, 8, 2], activation: 'tanh', task: 'classification' };

function sub(a: number[], b: number[]): number[] {
  return a.map((v, i) => v - b[i]!);
}

/** Every k-subset of 0..n−1. */
function subsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  if (n < k) return [];
  return [...subsets(n - 1, k), ...subsets(n - 1, k - 1).map((s) => [...s, n - 1])];
}

describe('noise maths', () => {
  it('the sampling factor is 1 at B = 1 and 0 at B = N', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10_000 }), (n) => {
        expect(samplingVarianceFactor(n, 1)).toBe(1);
        expect(samplingVarianceFactor(n, n)).toBe(0);
        expect(samplingVarianceFactor(n, n + 5)).toBe(0);
      }),
    );
  });

  it('E|g_B − G|² = tr(Σ)/B · (N − B)/(N − 1): exact over every batch of B out of N', () => {
    // Fixed per-example "gradients" in 3-D; the average over all C(N, B) batches is the expectation itself.
    const n = 7;
    const g = Array.from({ length: n }, (_, i) => [Math.sin(i), Math.cos(3 * i), i / 3 - 1]);
    const full = [0, 1, 2].map((c) => g.reduce((s, gi) => s + gi[c]!, 0) / n);
    const traceSigma = g.reduce((s, gi) => s + dot(sub(gi, full), sub(gi, full)), 0) / n;
    for (let b = 1; b <= n; b++) {
      const batches = subsets(n, b);
      const mean =
        batches.reduce((s, rows) => {
          const gb = [0, 1, 2].map((c) => rows.reduce((t, r) => t + g[r]![c]!, 0) / b);
          const e = sub(gb, full);
          return s + dot(e, e);
        }, 0) / batches.length;
      expect(mean).toBeCloseTo(expectedBatchErrorSq(traceSigma, n, b), 12);
    }
    expect(expectedBatchErrorSq(traceSigma, n, n)).toBe(0);
  });

  it('the two-batch estimator recovers |G|² and tr(Σ) from exact expected norms', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 5000 }),
        fc.double({ min: 1e-4, max: 10, noNaN: true }),
        fc.double({ min: 1e-4, max: 100, noNaN: true }),
        (n, gradNormSq, traceSigma) => {
          const expectedNormSq = (b: number) => gradNormSq + samplingVarianceFactor(n, b) * traceSigma;
          const small = Math.max(1, Math.floor(n / 20));
          const big = Math.min(n, 10 * small);
          const estimate = twoBatchEstimate(n, { batchSize: small, normSq: expectedNormSq(small) }, { batchSize: big, normSq: expectedNormSq(big) })!;
          expect(estimate.gradNormSq).toBeCloseTo(gradNormSq, 6);
          expect(estimate.traceSigma / traceSigma).toBeCloseTo(1, 6);
        },
      ),
    );
    expect(twoBatchEstimate(10, { batchSize: 10, normSq: 1 }, { batchSize: 10, normSq: 1 })).toBeNull();
  });

  it('the estimator reports the ratio of the moving averages, not the average of ratios', () => {
    const estimator = createNoiseScaleEstimator(0.5);
    const n = 1000;
    const sample = (gradNormSq: number, traceSigma: number) => {
      const norm = (b: number) => gradNormSq + samplingVarianceFactor(n, b) * traceSigma;
      return estimator.update(n, { batchSize: 10, normSq: norm(10) }, { batchSize: 100, normSq: norm(100) })!;
    };
    const first = sample(1, 10);
    expect(first.bSimple).toBeCloseTo(10, 6);
    const second = sample(3, 10);
    // Bias-corrected EMA with decay 0.5 over two samples weights them 1/3 and 2/3.
    expect(second.gradNormSq).toBeCloseTo(1 / 3 + 2, 6);
    expect(second.traceSigma).toBeCloseTo(10, 6);
    expect(second.bSimple).toBeCloseTo(10 / (7 / 3), 6);
  });
});

describe('reading the two-batch estimate', () => {
  const estimate = (samples: number, gradNormSq: number, traceSigma: number) => ({ samples, gradNormSq, traceSigma, bSimple: traceSigma / gradNormSq });

  it('is not settled before SETTLED_SAMPLES samples, or while either averaged term is not positive', () => {
    expect(estimateSettled(estimate(SETTLED_SAMPLES - 1, 1, 5))).toBe(false);
    expect(estimateSettled(estimate(SETTLED_SAMPLES, 1, 5))).toBe(true);
    expect(estimateSettled(estimate(50, -0.1, 5))).toBe(false);
    expect(estimateSettled(estimate(50, 1, -2))).toBe(false);
    expect(estimateSettled({ ...estimate(50, 0, 5), bSimple: Number.POSITIVE_INFINITY })).toBe(false);
  });

  it('relative error is |g_B − G| / |G|, infinite when G vanishes', () => {
    expect(relativeError(4, 16)).toBeCloseTo(0.5, 12);
    expect(relativeError(0, 16)).toBe(0);
    expect(relativeError(1, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('trainer noise measurements', () => {
  it('match a direct per-example computation: |G|², tr(Σ), B_simple, cos(g_B, G), |g_B − G|²', async () => {
    const run = makeTrainer({ n: 40, batchSize: 6, seed: 2 });
    await trainFor(run.trainer, 15, 15);
    const params = await run.trainer.getParams();
    const batch = run.trainer.peekBatch().indices;
    const stats = await run.trainer.measureNoise();
    const dataset = generateDataset({ name: 'moons', n: 40, noise: 0.2, testShare: 0.25, seed: 2 });
    const all = Array.from({ length: 40 }, (_, i) => i);
    const full = meanLossAndGradient(REFERENCE, params, dataset.train.x, dataset.train.y, all);
    const g = full.gradient;
    const traceSigma = full.perExample.reduce((s, gi) => s + dot(sub(gi, g), sub(gi, g)), 0) / 40;
    const gb = meanLossAndGradient(REFERENCE, params, dataset.train.x, dataset.train.y, batch).gradient;
    const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
    expect(relative(stats.gradNormSq, dot(g, g))).toBeLessThan(1e-4);
    expect(relative(stats.traceSigma, traceSigma)).toBeLessThan(1e-4);
    expect(relative(stats.bSimple, traceSigma / dot(g, g))).toBeLessThan(1e-3);
    expect(stats.cosine).toBeCloseTo(dot(gb, g) / Math.sqrt(dot(gb, gb) * dot(g, g)), 4);
    expect(relative(stats.batchErrorSq, dot(sub(gb, g), sub(gb, g)))).toBeLessThan(1e-3);
    expect(stats.step).toBe(15);
    expect(stats.batchSize).toBe(6);
    expect(stats.estimate?.bigBatchSize).toBe(40);
    run.dispose();
  });

  it('over more than PIECE_ROWS examples, measures in pieces and still matches the direct computation', async () => {
    const n = PIECE_ROWS + 1500;
    const baseline = tf.memory().numTensors;
    const run = makeTrainer({ n, batchSize: PIECE_ROWS + 200, seed: 3 });
    const params = await run.trainer.getParams();
    const batch = run.trainer.peekBatch().indices;
    const stats = await run.trainer.measureNoise();
    const dataset = generateDataset({ name: 'moons', n, noise: 0.2, testShare: 0.25, seed: 3 });
    const full = meanLossAndGradient(REFERENCE, params, dataset.train.x, dataset.train.y, Array.from({ length: n }, (_, i) => i));
    const g = full.gradient;
    const traceSigma = full.perExample.reduce((s, gi) => s + dot(sub(gi, g), sub(gi, g)), 0) / n;
    const gb = meanLossAndGradient(REFERENCE, params, dataset.train.x, dataset.train.y, batch).gradient;
    const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
    expect(relative(stats.gradNormSq, dot(g, g))).toBeLessThan(1e-4);
    expect(relative(stats.traceSigma, traceSigma)).toBeLessThan(1e-3);
    expect(stats.cosine).toBeCloseTo(dot(gb, g) / Math.sqrt(dot(gb, gb) * dot(g, g)), 4);
    run.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  }, 60_000);

  it('returns the per-example gradient matrix, row i = ∇ℓ_i in parameter order', async () => {
    const run = makeTrainer({ n: 20, batchSize: 4, seed: 5 });
    await run.trainer.runSteps(3);
    const params = await run.trainer.getParams();
    const matrix = await run.trainer.perExampleGradients();
    const dataset = generateDataset({ name: 'moons', n: 20, noise: 0.2, testShare: 0.25, seed: 5 });
    const rows = Array.from({ length: 20 }, (_, i) => i);
    const reference = meanLossAndGradient(REFERENCE, params, dataset.train.x, dataset.train.y, rows).perExample;
    expect(matrix.n).toBe(20);
    expect(matrix.p).toBe(run.trainer.parameterCount);
    reference.forEach((row, i) =>
      row.forEach((v, j) => expect(matrix.values[i * matrix.p + j]!).toBeCloseTo(v, 5)),
    );
    run.dispose();
  });

  it('has no noise at B = N: cos = 1, |g_B − G|² = 0, and no two-batch estimate', async () => {
    const run = makeTrainer({ n: 30, batchSize: 30 });
    const stats = await run.trainer.measureNoise();
    expect(stats.cosine).toBeCloseTo(1, 5);
    expect(stats.batchErrorSq).toBeLessThan(1e-9);
    expect(stats.estimate).toBeNull();
    run.dispose();
  });
});
