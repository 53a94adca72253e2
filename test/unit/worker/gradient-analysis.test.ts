import { describe, expect, it } from 'vitest';
import { ANALYSIS_ENTRIES, analyseGradients, analysisRows, createMatrixCache, VARIANCE_BATCHES } from '../../../src/worker/gradient-analysis';
import { makeTrainer, trainFor } from '../engine/trainer-helpers';

describe('gradient analysis in the worker', () => {
  it('uses every example while N·P fits, else a seeded subset of rows within ANALYSIS_ENTRIES', () => {
    expect(analysisRows(512, 354, 42)).toBeNull();
    const subset = analysisRows(65_536, 2274, 42)!;
    expect(subset.length).toBe(Math.floor(ANALYSIS_ENTRIES / 2274));
    expect(new Set(subset).size).toBe(subset.length);
    expect(Array.from(analysisRows(65_536, 2274, 42)!)).toEqual(Array.from(subset));
  });

  it('gives the variance curve of a run at its parameters: near theory below N, 0 at N; the cloud at the asked size', async () => {
    const run = makeTrainer({ n: 64, batchSize: 8 });
    await trainFor(run.trainer, 20);
    const cache = createMatrixCache();
    const analysis = await analyseGradients({ id: 'mini', trainer: run.trainer, n: 64, seed: 1 }, cache, 8);
    expect(analysis.step).toBe(20);
    expect(analysis.rows).toBe(64);
    expect(analysis.variance.map((v) => v.batchSize)).toEqual([1, 2, 4, 8, 16, 32, 64]);
    for (const v of analysis.variance.slice(0, -1)) {
      expect(v.batches).toBe(VARIANCE_BATCHES);
      expect(v.measured / v.theory).toBeGreaterThan(1 / 1.5);
      expect(v.measured / v.theory).toBeLessThan(1.5);
    }
    expect(analysis.variance.at(-1)!.theory).toBe(0);
    expect(analysis.variance.at(-1)!.measured).toBeLessThan(1e-10);
    expect(analysis.cloud.batchSize).toBe(8);
    expect(analysis.cloud.kind).toBe('projection');
    expect(analysis.cloud.points.length).toBeGreaterThan(100);
    // The trainer's own noise statistics agree with the matrix's.
    const stats = await run.trainer.measureNoise();
    expect(analysis.traceSigma / stats.traceSigma).toBeCloseTo(1, 3);
    // Another cloud at the same step reuses the matrix: the curve is the same, the cloud collapses at B = N.
    const again = await analyseGradients({ id: 'mini', trainer: run.trainer, n: 64, seed: 1 }, cache, 1000);
    expect(again.variance).toEqual(analysis.variance);
    expect(again.cloud.batchSize).toBe(64);
    expect(again.cloud.points).toHaveLength(1);
    run.dispose();
  });
});
