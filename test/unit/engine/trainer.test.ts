import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/engine/datasets';
import { epochBatches } from '../../../src/engine/loader';
import { PIECE_ROWS } from '../../../src/engine/row-pieces';
import { meanLossAndGradient, type ReferenceModel } from './reference-network';
import { makeTrainer, trainFor } from './trainer-helpers';

function leastSquares(x: Float32Array, y: Float32Array): { w: number; b: number } {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
  }
  const w = sxy / sxx;
  return { w, b: my - w * mx };
}

describe('trainer', () => {
  it('full-batch gradient descent on line converges to the least-squares solution', async () => {
    const run = makeTrainer({ dataset: 'line', n: 200, noise: 0.3, batchSize: 200, lr: 0.5 });
    await trainFor(run.trainer, 400, 100);
    const [w, b] = await run.trainer.getParams();
    const dataset = generateDataset({ name: 'line', n: 200, noise: 0.3, testShare: 0.25, seed: 1 });
    const exact = leastSquares(dataset.train.x, dataset.train.y);
    expect(w![0]).toBeCloseTo(exact.w, 4);
    expect(b![0]).toBeCloseTo(exact.b, 4);
    run.dispose();
  });

  it('counts one epoch per step at B = N, and ⌈N/B⌉ steps per epoch otherwise', async () => {
    const full = makeTrainer({ n: 40, batchSize: 40 });
    const records = await full.trainer.runSteps(3);
    expect(records.map((r) => r.epoch)).toEqual([1, 2, 3]);
    expect(records.map((r) => r.examplesSeen)).toEqual([40, 80, 120]);
    full.dispose();
    const mini = makeTrainer({ n: 40, batchSize: 16 });
    const miniRecords = await mini.trainer.runSteps(3);
    expect(miniRecords.map((r) => r.batchSize)).toEqual([16, 16, 8]);
    expect(miniRecords[2]!.epoch).toBe(1);
    expect(miniRecords[2]!.examplesSeen).toBe(40);
    mini.dispose();
  });

  it('reports each step’s batch loss as the mean loss over exactly that batch, before the update', async () => {
    const run = makeTrainer({ n: 32, batchSize: 8, shuffle: 'on', seed: 4 });
    const dataset = generateDataset({ name: 'moons', n: 32, noise: 0.2, testShare: 0.25, seed: 4 });
    const reference: ReferenceModel = { widths: [2, 8, 8, 2], activation: 'tanh', task: 'classification' };
    const params = await run.trainer.getParams();
    const batch = run.trainer.peekBatch().indices;
    expect(batch).toEqual(epochBatches({ n: 32, batchSize: 8, shuffle: 'on', dropLast: false, seed: 4 }, 0)[0]);
    const [record] = await run.trainer.runSteps(1);
    const expected = meanLossAndGradient(reference, params, dataset.train.x, dataset.train.y, batch);
    expect(record!.batchLoss).toBeCloseTo(expected.loss, 5);
    const after = await run.trainer.getParams();
    const flatBefore = params.flatMap((p) => Array.from(p));
    const flatAfter = after.flatMap((p) => Array.from(p));
    flatAfter.forEach((v, i) => expect(v).toBeCloseTo(flatBefore[i]! - 0.1 * expected.gradient[i]!, 5));
    run.dispose();
  });

  it('evaluates the whole training and test sets: losses and accuracy equal a direct computation', async () => {
    const run = makeTrainer({ n: 48, batchSize: 8 });
    await trainFor(run.trainer, 30);
    const evaluation = await run.trainer.evaluate();
    const params = await run.trainer.getParams();
    const dataset = generateDataset({ name: 'moons', n: 48, noise: 0.2, testShare: 0.25, seed: 1 });
    const reference: ReferenceModel = { widths: [2, 8, 8, 2], activation: 'tanh', task: 'classification' };
    const all = (count: number) => Array.from({ length: count }, (_, i) => i);
    const train = meanLossAndGradient(reference, params, dataset.train.x, dataset.train.y, all(48));
    const test = meanLossAndGradient(reference, params, dataset.test.x, dataset.test.y, all(dataset.test.count));
    expect(evaluation.trainLoss).toBeCloseTo(train.loss, 5);
    expect(evaluation.testLoss).toBeCloseTo(test.loss, 5);
    expect(evaluation.step).toBe(30);
    expect(evaluation.testAccuracy).toBeGreaterThanOrEqual(0);
    expect(evaluation.testAccuracy! * dataset.test.count).toBeCloseTo(Math.round(evaluation.testAccuracy! * dataset.test.count), 6);
    run.dispose();
  });

  it('gives the same curves for the same seed and different ones for another seed', async () => {
    const curve = async (seed: number) => {
      const run = makeTrainer({ seed, batchSize: 4 });
      const losses = await trainFor(run.trainer, 60, 7);
      run.dispose();
      return losses;
    };
    const a = await curve(3);
    expect(await curve(3)).toEqual(a);
    expect(await curve(4)).not.toEqual(a);
  });

  it('gives the same losses whatever the chunking of steps into readbacks', async () => {
    const a = makeTrainer({ batchSize: 5 });
    const b = makeTrainer({ batchSize: 5 });
    expect(await trainFor(a.trainer, 40, 40)).toEqual(await trainFor(b.trainer, 40, 3));
    a.dispose();
    b.dispose();
  });

  it('stops a run whose loss blows up with status diverged and the step it happened', async () => {
    const run = makeTrainer({ dataset: 'line', n: 64, batchSize: 64, lr: 10 });
    const losses = await trainFor(run.trainer, 500, 10);
    expect(run.trainer.progress.status).toBe('diverged');
    const at = run.trainer.progress.divergedAtStep!;
    expect(at).toBeGreaterThan(1);
    expect(Number.isFinite(losses[at - 1]!)).toBe(false);
    expect(losses.slice(0, at - 1).every(Number.isFinite)).toBe(true);
    expect(run.trainer.progress.step).toBe(at);
    expect(await run.trainer.runSteps(5)).toEqual([]);
    run.dispose();
  });

  it('an lr change applies from the next step without resetting the run', async () => {
    const run = makeTrainer({ dataset: 'line', n: 32, batchSize: 32, lr: 0.1 });
    await run.trainer.runSteps(5);
    const before = await run.trainer.getParams();
    run.trainer.setLearningRate(0);
    await run.trainer.runSteps(3);
    expect(await run.trainer.getParams()).toEqual(before);
    expect(run.trainer.progress.step).toBe(8);
    run.dispose();
  });

  it('restores a parameter snapshot exactly (what survives a lost WebGL context)', async () => {
    const run = makeTrainer();
    await run.trainer.runSteps(10);
    const snapshot = await run.trainer.getParams();
    expect((await run.trainer.evaluate({ withParams: true })).params).toEqual(snapshot);
    await run.trainer.runSteps(10);
    run.trainer.setParams(snapshot);
    expect(await run.trainer.getParams()).toEqual(snapshot);
    expect(() => run.trainer.setParams([new Float32Array(3)])).toThrow(RangeError);
    run.dispose();
  });

  it('with momentum still reaches a low loss on line', async () => {
    const run = makeTrainer({ dataset: 'line', n: 64, batchSize: 16, lr: 0.05, momentum: 0.9, noise: 0.1 });
    await trainFor(run.trainer, 200);
    expect((await run.trainer.evaluate()).trainLoss).toBeLessThan(0.02);
    run.dispose();
  });

  it('trains every dataset: the training loss falls', async () => {
    for (const dataset of ['moons', 'circles', 'spiral', 'blobs'] as const) {
      const run = makeTrainer({ dataset, n: 128, batchSize: 16, lr: 0.3, model: { kind: 'mlp', hidden: [16, 16], activation: 'tanh' } });
      const start = (await run.trainer.evaluate()).trainLoss;
      // The spiral needs many more steps before the MLP bends its boundary round the arms.
      await trainFor(run.trainer, dataset === 'spiral' ? 4000 : 600, 200);
      const end = (await run.trainer.evaluate()).trainLoss;
      expect(end, dataset).toBeLessThan(start * 0.9);
      run.dispose();
    }
  });

  it('over more than PIECE_ROWS rows, steps and evaluation run in pieces and still equal a direct computation', async () => {
    const baseline = tf.memory().numTensors;
    const n = 2 * PIECE_ROWS + 1000;
    const dataset = generateDataset({ name: 'moons', n, noise: 0.2, testShare: 0.25, seed: 1 });
    const reference: ReferenceModel = { widths: [2, 8, 8, 2], activation: 'tanh', task: 'classification' };
    const all = (count: number) => Array.from({ length: count }, (_, i) => i);
    for (const batchSize of [n, PIECE_ROWS + 500]) {
      const run = makeTrainer({ n, batchSize, lr: 0.5 });
      const params = await run.trainer.getParams();
      const batch = run.trainer.peekBatch().indices;
      const [record] = await run.trainer.runSteps(1);
      const expected = meanLossAndGradient(reference, params, dataset.train.x, dataset.train.y, batch);
      expect(record!.batchLoss).toBeCloseTo(expected.loss, 5);
      const after = await run.trainer.getParams();
      const flatBefore = params.flatMap((p) => Array.from(p));
      after.flatMap((p) => Array.from(p)).forEach((v, i) => expect(v).toBeCloseTo(flatBefore[i]! - 0.5 * expected.gradient[i]!, 5));
      const evaluation = await run.trainer.evaluate({ withParams: true });
      expect(evaluation.params!.flatMap((p) => Array.from(p))).toEqual(after.flatMap((p) => Array.from(p)));
      const train = meanLossAndGradient(reference, after, dataset.train.x, dataset.train.y, all(n));
      const test = meanLossAndGradient(reference, after, dataset.test.x, dataset.test.y, all(dataset.test.count));
      expect(evaluation.trainLoss).toBeCloseTo(train.loss, 5);
      expect(evaluation.testLoss).toBeCloseTo(test.loss, 5);
      run.dispose();
    }
    expect(tf.memory().numTensors).toBe(baseline);
  }, 60_000);

  it('leaks no tensors: after warm-up 1,000 more steps leave the count unchanged, dispose returns to baseline', async () => {
    const baseline = tf.memory().numTensors;
    const run = makeTrainer({ n: 100, batchSize: 16, momentum: 0.5 });
    await trainFor(run.trainer, 50, 10);
    await run.trainer.evaluate();
    await run.trainer.measureNoise();
    const warm = tf.memory().numTensors;
    await trainFor(run.trainer, 1050, 13);
    await run.trainer.evaluate();
    await run.trainer.measureNoise();
    run.trainer.setLearningRate(0.05);
    await trainFor(run.trainer, 1060, 10);
    expect(tf.memory().numTensors).toBe(warm);
    run.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('resumes from a snapshot: params + seekToStep give the same next losses as the original run', async () => {
    const original = makeTrainer({ n: 30, batchSize: 7, shuffle: 'on' });
    await trainFor(original.trainer, 25, 25);
    const params = await original.trainer.getParams();
    const resumed = makeTrainer({ n: 30, batchSize: 7, shuffle: 'on' });
    resumed.trainer.setParams(params);
    resumed.trainer.seekToStep(25, original.trainer.progress.examplesSeen);
    expect(resumed.trainer.progress.epoch).toBeCloseTo(original.trainer.progress.epoch, 10);
    expect(resumed.trainer.peekBatch()).toEqual(original.trainer.peekBatch());
    expect(await resumed.trainer.runSteps(10)).toEqual(await original.trainer.runSteps(10));
    original.dispose();
    resumed.dispose();
  });

  it('predicts class probabilities for arbitrary inputs (the data view’s decision boundary)', async () => {
    const run = makeTrainer({ n: 16, batchSize: 4 });
    await run.trainer.runSteps(5);
    const params = await run.trainer.getParams();
    const inputs = new Float32Array([0, 0, 1, -0.5, -1.2, 0.7]);
    const probabilities = await run.trainer.predict(inputs, 3);
    const reference: ReferenceModel = { widths: [2, 8, 8, 2], activation: 'tanh', task: 'classification' };
    for (let i = 0; i < 3; i++) {
      // The loss of class 0 is −log p₀, so exp(−loss) recovers the reference probability.
      const x = [inputs[2 * i]!, inputs[2 * i + 1]!];
      const p0 = Math.exp(-meanLossAndGradient(reference, params, x, [0], [0]).loss);
      expect(probabilities[2 * i]!).toBeCloseTo(p0, 5);
      expect(probabilities[2 * i]! + probabilities[2 * i + 1]!).toBeCloseTo(1, 5);
    }
    run.dispose();
  });
});
