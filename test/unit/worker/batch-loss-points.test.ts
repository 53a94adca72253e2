import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../../src/engine/trainer-types';
import { batchLossPoints, FULL_BATCH_POINTS, MAX_POINTS_PER_CHUNK } from '../../../src/worker/batch-loss-points';

/** Steps of batch size 4 on 10 examples (the last batch of each epoch holds 2), starting after `from` steps. */
function records(from: number, count: number, loss: (step: number) => number): StepRecord[] {
  const perEpoch = 3;
  return Array.from({ length: count }, (_, i) => {
    const step = from + i + 1;
    const inEpoch = (step - 1) % perEpoch;
    const epoch = Math.floor((step - 1) / perEpoch);
    return { step, epoch: epoch + (inEpoch + 1) / perEpoch, examplesSeen: epoch * 10 + Math.min(10, (inEpoch + 1) * 4), batchSize: inEpoch === 2 ? 2 : 4, batchLoss: loss(step), batchEpoch: epoch, batchInEpoch: inEpoch };
  });
}

describe('batch-loss points', () => {
  it('places each step’s loss where the run stood before that step', () => {
    const before = { step: 0, epoch: 0, examples: 0, seconds: 0 };
    const points = batchLossPoints(before, records(0, 3, (s) => s / 10), 0.3, true);
    expect(points.map((p) => p.step)).toEqual([0, 1, 2]);
    expect(points.map((p) => p.examples)).toEqual([0, 4, 8]);
    expect(points.map((p) => p.loss)).toEqual([0.1, 0.2, 0.3]);
    points.forEach((p, i) => expect(p.seconds).toBeCloseTo(0.1 * i, 12));
    expect(points.every((p) => p.steps === 1)).toBe(true);
  });

  it('keeps every step of a full batch up to FULL_BATCH_POINTS, and beyond that as many exact steps, first and last included', () => {
    const before = { step: 0, epoch: 0, examples: 0, seconds: 0 };
    expect(batchLossPoints(before, records(0, FULL_BATCH_POINTS, () => 1), 1, true)).toHaveLength(FULL_BATCH_POINTS);
    const long = batchLossPoints(before, records(0, 1000, (s) => s * s), 1, true);
    expect(long).toHaveLength(FULL_BATCH_POINTS);
    expect(long[0]).toMatchObject({ step: 0, loss: 1, steps: 1 });
    expect(long.at(-1)).toMatchObject({ step: 999, loss: 1000 * 1000 });
    // Each point is one measured step, never a mean of several (a mean of a blow-up would sit far off the loss curve).
    for (const p of long) {
      expect(Number.isInteger(p.step)).toBe(true);
      expect(p.loss).toBe((p.step + 1) ** 2);
    }
  });

  it('averages consecutive steps of a long chunk into at most MAX_POINTS_PER_CHUNK points, weights intact', () => {
    const before = { step: 0, epoch: 0, examples: 0, seconds: 0 };
    const points = batchLossPoints(before, records(0, 100, (s) => s), 1, false);
    expect(points).toHaveLength(MAX_POINTS_PER_CHUNK);
    expect(points.reduce((s, p) => s + p.steps, 0)).toBe(100);
    const mean = points.reduce((s, p) => s + p.loss * p.steps, 0) / 100;
    expect(mean).toBeCloseTo(50.5, 10);
  });

  it('leaves out the non-finite loss of a diverging step', () => {
    const before = { step: 4, epoch: 1, examples: 12, seconds: 1 };
    const points = batchLossPoints(before, records(4, 3, (s) => (s === 7 ? Number.NaN : 1)), 2, true);
    expect(points.map((p) => p.step)).toEqual([4, 5]);
  });
});
