import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { timeBatchSize } from '../../../src/engine/throughput-timer';
import type { SweepProgress, SweepRequest } from '../../../src/runtime/protocol';
import { createSweepHost, SLOW_STEP_MS, stopFor } from '../../../src/worker/sweep-host';

const request: SweepRequest = {
  backend: 'cpu',
  dataset: { name: 'moons', n: 64, noise: 0.2, testShare: 0.25, seed: 5 },
  model: { kind: 'mlp', hidden: [8, 8], activation: 'tanh' },
  batchSizes: [1, 2, 4, 8, 16, 32, 64],
};

describe('the sweep host (one backend in one worker)', () => {
  it('times every size in order on the CPU, reporting each as it lands, and frees what it uploaded', async () => {
    const before = tf.memory().numTensors;
    const progress: SweepProgress[] = [];
    const result = await createSweepHost().run(request, (p) => progress.push(p));
    expect(result.backend).toBe('cpu');
    expect(result.unavailable).toBeNull();
    expect(result.stop).toBeNull();
    expect(result.points.map((p) => p.batchSize)).toEqual(request.batchSizes);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(progress.every((p) => p.total === 7 && p.backend === 'cpu')).toBe(true);
    for (const point of result.points) expect(point.examplesPerSecond).toBeCloseTo((1000 * point.batchSize) / point.msPerStep, 6);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops after a size whose single step took longer than the limit, naming the next size', async () => {
    let now = 0;
    const slowClock = () => (now += SLOW_STEP_MS + 1);
    const result = await createSweepHost(slowClock).run(request, () => undefined);
    expect(result.points.map((p) => p.batchSize)).toEqual([1]);
    expect(result.stop).toMatchObject({ batchSize: 2, reason: 'slow' });
    expect(result.stop!.message).toContain('larger batches were not timed');
  });

  it('says which errors are a refused allocation and which are not', () => {
    expect(stopFor(4096, new Error('Failed to allocate memory for a texture')).reason).toBe('memory');
    expect(stopFor(4096, new RangeError('Invalid array length')).reason).toBe('memory');
    expect(stopFor(4096, new RangeError('Invalid typed array length: 8589934592')).reason).toBe('memory');
    expect(stopFor(4096, new Error('Failed to create texture')).reason).toBe('memory');
    expect(stopFor(4096, new Error('Requested texture size [70000x1] greater than WebGL maximum')).reason).toBe('memory');
    const other = stopFor(8, new Error('kernel exploded'));
    expect(other).toMatchObject({ batchSize: 8, reason: 'error' });
    expect(other.message).toContain('B = 8');
  });

  it('stops where the backend really refuses an allocation: one hidden layer of 2^20 units fits at B = 1, not at B = 8,192 (2^33 activations)', async () => {
    const before = tf.memory().numTensors;
    const wide: SweepRequest = { ...request, dataset: { ...request.dataset, n: 8192 }, model: { kind: 'mlp', hidden: [2 ** 20], activation: 'relu' }, batchSizes: [1, 8192] };
    const result = await createSweepHost().run(wide, () => undefined);
    expect(result.points.map((p) => p.batchSize)).toEqual([1]);
    expect(result.stop).toMatchObject({ batchSize: 8192, reason: 'memory' });
    expect(result.stop!.message).toMatch(/^memory ran out at B = 8,192 \(/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops at the size whose allocation fails, keeping the sizes measured before it, and frees the dataset', async () => {
    const before = tf.memory().numTensors;
    const refusing: typeof timeBatchSize = async (setup, batchSize, clock, plan) => {
      if (batchSize >= 8) throw new Error('Failed to allocate a buffer of 2 GB: out of memory');
      return timeBatchSize(setup, batchSize, clock, plan);
    };
    const result = await createSweepHost(() => performance.now(), refusing).run(request, () => undefined);
    expect(result.points.map((p) => p.batchSize)).toEqual([1, 2, 4]);
    expect(result.stop).toMatchObject({ batchSize: 8, reason: 'memory' });
    expect(result.stop!.message).toContain('memory ran out at B = 8');
    expect(tf.memory().numTensors).toBe(before);
  });
});
