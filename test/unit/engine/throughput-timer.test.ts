import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/engine/datasets';
import { uploadDataset, type DeviceDataset } from '../../../src/engine/device-data';
import type { ModelSpec } from '../../../src/engine/models';
import { SWEEP_PLAN, timeBatchSize } from '../../../src/engine/throughput-timer';

/** A clock that moves `ms` on every reading: each timed run then lasts exactly `ms`. */
function tickingClock(ms: number): () => number {
  let now = 0;
  return () => (now += ms);
}

describe('timing one batch size (CPU backend)', () => {
  let data: DeviceDataset;
  const model: ModelSpec = { kind: 'mlp', hidden: [16, 16], activation: 'tanh' };
  beforeAll(() => {
    data = uploadDataset(generateDataset({ name: 'moons', n: 512, noise: 0.2, testShare: 0.25, seed: 3 }));
  });
  afterAll(() => data.dispose());

  it('sizes blocks from one step and takes the median block, as the plan says', async () => {
    // Every run reads 5 ms: one step 5 ms → 8 steps per 40 ms block → 0.625 ms per step.
    const { point, oneStepMs } = await timeBatchSize({ data, model, seed: 3 }, 32, tickingClock(5));
    expect(oneStepMs).toBe(5);
    expect(point.stepsPerBlock).toBe(Math.ceil(SWEEP_PLAN.targetBlockMs / 5));
    expect(point.blockMsPerStep).toHaveLength(SWEEP_PLAN.blocks);
    expect(point.msPerStep).toBeCloseTo(5 / 8, 12);
    expect(point.examplesPerSecond).toBeCloseTo((1000 * 32) / (5 / 8), 6);
  });

  it('times fewer blocks of single steps when one step is long', async () => {
    const { point } = await timeBatchSize({ data, model, seed: 3 }, 512, tickingClock(400));
    expect(point.stepsPerBlock).toBe(1);
    expect(point.blockMsPerStep).toEqual([400, 400, 400]);
    expect(point.batchSize).toBe(512);
  });

  it('measures a step’s peak bytes, which grow with B by the activations of the extra examples, and leaks no tensor', async () => {
    const before = tf.memory().numTensors;
    const clock = () => performance.now();
    const small = (await timeBatchSize({ data, model, seed: 3 }, 8, clock)).point;
    const large = (await timeBatchSize({ data, model, seed: 3 }, 264, clock)).point;
    expect(tf.memory().numTensors).toBe(before);
    expect(small.msPerStep).toBeGreaterThan(0);
    expect(small.peakBytes!).toBeGreaterThanOrEqual(tf.memory().numBytes);
    expect(large.stepBytes!).toBeGreaterThan(small.stepBytes!);
    // Forward and backward keep at least the two hidden layers' 16 + 16 activations per example (4 bytes each).
    const perExample = (large.peakBytes! - small.peakBytes!) / (264 - 8);
    expect(perExample).toBeGreaterThanOrEqual(4 * 32);
    expect(perExample).toBeLessThan(4 * 32 * 20);
  });

  it('times a full batch of a set larger than one piece in one pass (its memory is not capped by pieces)', async () => {
    const big = uploadDataset(generateDataset({ name: 'moons', n: 8192, noise: 0.2, testShare: 0.1, seed: 3 }));
    try {
      const half = (await timeBatchSize({ data: big, model, seed: 3 }, 4096, () => performance.now())).point;
      const full = (await timeBatchSize({ data: big, model, seed: 3 }, 8192, () => performance.now())).point;
      expect(full.stepBytes! / half.stepBytes!).toBeGreaterThan(1.6);
    } finally {
      big.dispose();
    }
  });
});
