import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTrainer, trainFor } from './trainer-helpers';

/** Trains the same seeded run on the CPU backend and on WASM: the engine must not depend on which computes. */
async function losses(backend: 'cpu' | 'wasm', options: Parameters<typeof makeTrainer>[0]) {
  await tf.setBackend(backend);
  const run = makeTrainer(options);
  try {
    const batch = await trainFor(run.trainer, 30, 10);
    const evaluation = await run.trainer.evaluate();
    const noise = await run.trainer.measureNoise();
    return { batch, trainLoss: evaluation.trainLoss, traceSigma: noise.traceSigma };
  } finally {
    run.dispose();
  }
}

describe('the engine on the WASM backend (tfjs-backend-wasm in Node)', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const [name, options] of [
    ['the MLP on moons, B = 8', { dataset: 'moons', batchSize: 8 }],
    ['the linear model on line, B = N', { dataset: 'line', batchSize: 64 }],
  ] as const) {
    it(`trains ${name} to the CPU backend's losses, evaluation and noise`, async () => {
      const cpu = await losses('cpu', options);
      const wasm = await losses('wasm', options);
      expect(wasm.batch).toHaveLength(30);
      wasm.batch.forEach((loss, i) => expect(loss).toBeCloseTo(cpu.batch[i]!, 4));
      expect(wasm.trainLoss).toBeCloseTo(cpu.trainLoss, 4);
      expect(wasm.traceSigma / cpu.traceSigma).toBeCloseTo(1, 3);
    });
  }
});
