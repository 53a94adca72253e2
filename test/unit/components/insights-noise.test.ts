import { describe, expect, it } from 'vitest';
import { measuredInsights, noiseSentence } from '../../../src/components/explain/insights';

const labels = { single: 'B = 1', mini: 'B = 32', full: 'B = N (512)' };

describe('the noise sentence of “What to look for”', () => {
  it('reads the mini-batch run’s measured single-versus-batch ratio, beside √(B(N − 1)/(N − B))', () => {
    const text = noiseSentence(labels, [
      { id: 'single', batchSize: 1, singleVsBatch: 1 },
      { id: 'mini', batchSize: 32, singleVsBatch: 5.2 },
      { id: 'full', batchSize: 512, singleVsBatch: 300 },
    ], 512);
    expect(text).toContain('At B = 32’s weights, a single example’s gradient misses the full-data gradient by 5.2× as much as its batches of 32 did');
    // √(32 · 511 / 480) = 5.84 for random batches.
    expect(text).toContain(`sampling theory for random batches says ${Number(Math.sqrt((32 * 511) / 480).toPrecision(2))}×`);
  });

  it('says nothing until a run with 1 < B < N has been measured', () => {
    expect(noiseSentence(labels, [{ id: 'single', batchSize: 1, singleVsBatch: 1 }, { id: 'full', batchSize: 512, singleVsBatch: 40 }], 512)).toBeNull();
    expect(noiseSentence(labels, [{ id: 'mini', batchSize: 32, singleVsBatch: null }], 512)).toBeNull();
  });

  it('joins the measured insights once training has started', () => {
    const status = (id: string, batchSize: number) => ({ id, state: 'running' as const, batchSize, lr: 0.1, step: 10, epoch: 1, examplesSeen: 10, computeSeconds: 1, stepsPerSecond: null, examplesPerSecond: null, msPerStep: null, timingSource: null, divergedAtStep: null, readbacks: 1, noiseShare: null });
    const sentences = measuredInsights({ labels, statuses: [status('single', 1), status('mini', 32)], comparison: null, noise: [{ id: 'mini', batchSize: 32, singleVsBatch: 4 }], n: 512 });
    expect(sentences.some((s) => s.startsWith('At B = 32’s weights, a single example’s gradient'))).toBe(true);
  });
});
