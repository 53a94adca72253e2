import * as tf from '@tensorflow/tfjs-core';
import type { DeviceDataset } from './device-data';
import type { ModelSpec } from './models';
import { pointFromBlocks, stepsPerBlock, type SweepPoint } from './throughput';
import { createTrainer } from './trainer';

/** How one batch size is timed. */
export interface TimingPlan {
  /** Untimed steps first: the first steps at a new shape compile kernels and upload. */
  warmupSteps: number;
  /** Timed blocks; their median is the figure. */
  blocks: number;
  /** Fewer blocks once one step takes longer than this (ms): the median of 3 long blocks is steady enough. */
  longStepMs: number;
  /** Steps per block are chosen so that a block lasts about this long (ms). */
  targetBlockMs: number;
  maxStepsPerBlock: number;
}

export const SWEEP_PLAN: TimingPlan = { warmupSteps: 2, blocks: 5, longStepMs: 250, targetBlockMs: 40, maxStepsPerBlock: 128 };

// Small enough that no toy dataset diverges during the timing (a diverged run would stop stepping); lr does not
// change the work of a step.
const SWEEP_LR = 1e-4;

/** What a sweep times: a model on a dataset already on the device, with the run's seed. */
export interface TimingSetup {
  data: DeviceDataset;
  model: ModelSpec;
  seed: number;
}

/** One batch size timed, and how long its single calibration step took (ms). */
export interface BatchTiming {
  point: SweepPoint;
  oneStepMs: number;
}

/**
 * Times SGD steps at one batch size: warm-up, one step to size the blocks, an untimed block, then timed blocks that each end in one
 * readback (so queued GPU work is inside the block), then one more step under tf.profile for its peak bytes.
 * Steps are whole (no pieces) and shuffled, as in training. `clock` is in ms (performance.now).
 */
export async function timeBatchSize(setup: TimingSetup, batchSize: number, clock: () => number, plan: TimingPlan = SWEEP_PLAN): Promise<BatchTiming> {
  const trainer = createTrainer({ data: setup.data, model: setup.model, batchSize, lr: SWEEP_LR, momentum: 0, shuffle: 'on', dropLast: false, seed: setup.seed, pieceRows: Number.POSITIVE_INFINITY });
  const run = async (steps: number): Promise<number> => {
    const start = clock();
    const records = await trainer.runSteps(steps);
    const ms = clock() - start;
    if (records.length !== steps) throw new Error(`the model diverged while being timed at B = ${batchSize}`);
    return ms;
  };
  try {
    await run(plan.warmupSteps);
    const oneStepMs = await run(1);
    const steps = stepsPerBlock(oneStepMs, plan.targetBlockMs, plan.maxStepsPerBlock);
    const blocks = oneStepMs > plan.longStepMs ? Math.min(3, plan.blocks) : plan.blocks;
    // One untimed block at the timed length first: the JavaScript engine and the drivers settle into it.
    await run(steps);
    const blockMs: number[] = [];
    for (let k = 0; k < blocks; k++) blockMs.push(await run(steps));
    const heldBefore = tf.memory().numBytes;
    const profile = await tf.profile(async () => {
      await trainer.runSteps(1);
    });
    const peakBytes = Math.max(profile.peakBytes, heldBefore);
    return { point: pointFromBlocks(trainer.batchSize, steps, blockMs, { peakBytes, stepBytes: peakBytes - heldBefore }), oneStepMs };
  } finally {
    trainer.dispose();
  }
}
