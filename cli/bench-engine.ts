// npm run bench:engine — SGD speed of the engine on the Node CPU backend, and kernels dispatched per step.
import * as tf from '@tensorflow/tfjs-core';
// The umbrella package registers every gradient (the autodiff comparison needs them; the engine does not).
import '@tensorflow/tfjs';
import { generateDataset } from '../src/engine/datasets';
import { uploadDataset, type DeviceDataset } from '../src/engine/device-data';
import { createTrainer, type Trainer } from '../src/engine/trainer';
import { defaultConfig, modelSpecOf } from '../src/experiment/config';
import { useCpuBackend } from './cpu-backend';

const N = 1024;
const SECONDS_PER_SIZE = Number(process.env.BENCH_SECONDS ?? 2);
const CHUNK = 20;

function trainerFor(data: DeviceDataset, batchSize: number): Trainer {
  const config = defaultConfig();
  return createTrainer({ data, model: modelSpecOf(config), batchSize, lr: 0.1, momentum: 0, shuffle: 'on', dropLast: false, seed: 1 });
}

/** Kernels one step dispatches: (kernels of 11 steps − kernels of 1 step) / 10 removes the per-readback overhead. */
async function kernelsPerStep(run: (steps: number) => Promise<unknown>): Promise<number> {
  const one = (await tf.profile(async () => void (await run(1)))).kernels.length;
  const eleven = (await tf.profile(async () => void (await run(11)))).kernels.length;
  return (eleven - one) / 10;
}

/** The same model and SGD step through tfjs autodiff (optimizer.minimize), for comparison. */
function autodiffStepper(data: DeviceDataset, batchSize: number): { run: (steps: number) => Promise<void>; dispose: () => void } {
  const widths = [2, 16, 16, 2];
  const params = tf.tidy(() =>
    widths.slice(1).flatMap((out, l) => [tf.variable(tf.randomUniform([widths[l]!, out], -0.5, 0.5, 'float32', 1)), tf.variable(tf.zeros([out]))]),
  );
  const optimizer = tf.train.sgd(0.1);
  const rows = tf.keep(tf.range(0, batchSize, 1, 'int32'));
  const run = async (steps: number) => {
    let loss: tf.Scalar | null = null;
    for (let s = 0; s < steps; s++) {
      loss?.dispose();
      loss = optimizer.minimize(() => {
        let h: tf.Tensor = tf.gather(data.train.x, rows);
        for (let l = 0; l < 3; l++) {
          h = tf.add(tf.matMul(h as tf.Tensor2D, params[2 * l] as tf.Tensor2D), params[2 * l + 1]!);
          if (l < 2) h = tf.tanh(h);
        }
        return tf.losses.softmaxCrossEntropy(tf.gather(data.train.targets, rows), h) as tf.Scalar;
      }, true);
    }
    await loss?.data();
    loss?.dispose();
  };
  return {
    run,
    dispose: () => {
      tf.dispose([...params, rows]);
      optimizer.dispose();
    },
  };
}

async function main(): Promise<void> {
  await useCpuBackend();
  tf.env().set('IS_TEST', false);
  const config = defaultConfig();
  const data = uploadDataset(generateDataset({ name: 'moons', n: N, noise: config.noise, testShare: config.testShare, seed: 1 }));
  console.log(`Batchscope engine benchmark — moons, N = ${N}, MLP 2-16-16-2 tanh, plain SGD, tfjs ${tf.version_core} backend ${tf.getBackend()} (Node)`);
  console.log('');
  console.log(' batch |   steps/s | examples/s | ms/step');
  console.log('-------|-----------|------------|--------');
  for (const batchSize of [1, 8, 32, 128, N]) {
    const trainer = trainerFor(data, batchSize);
    await trainer.runSteps(CHUNK);
    let steps = 0;
    const start = performance.now();
    while (performance.now() - start < SECONDS_PER_SIZE * 1000) {
      await trainer.runSteps(CHUNK);
      steps += CHUNK;
    }
    const seconds = (performance.now() - start) / 1000;
    const label = batchSize === N ? `N=${N}` : String(batchSize);
    const stepsPerSecond = steps / seconds;
    console.log(
      `${label.padStart(5)} | ${stepsPerSecond.toFixed(0).padStart(9)} | ${(stepsPerSecond * batchSize).toFixed(0).padStart(10)} | ${(1000 / stepsPerSecond).toFixed(3).padStart(7)}`,
    );
    trainer.dispose();
  }
  const trainer = trainerFor(data, 32);
  const mine = await kernelsPerStep((s) => trainer.runSteps(s));
  trainer.dispose();
  const autodiff = autodiffStepper(data, 32);
  const theirs = await kernelsPerStep(autodiff.run);
  autodiff.dispose();
  data.dispose();
  console.log('');
  console.log(`kernels per SGD step (autodiff, optimizer.minimize): ${theirs}`);
  console.log(`kernels per SGD step: ${mine}`);
  console.log(`goal: ≤ 40 → ${mine <= 40 ? 'met' : 'NOT met'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
