import type { DeviceDataset } from '../engine/device-data';
import { stepsPerEpoch } from '../engine/loader';
import type { ModelSpec } from '../engine/models';
import { createTrainer, type Trainer } from '../engine/trainer';
import type { RunSpec } from '../runtime/protocol';
import { MIN_TIMED_STEPS } from './step-clock';

/** The experiment a run's trainer belongs to. */
export interface TrainerContext {
  data: DeviceDataset;
  model: ModelSpec;
  momentum: number;
  dropLast: boolean;
  seed: number;
}

/** A fresh trainer for one run of the experiment, at its seeded initial parameters. */
export function trainerFor(context: TrainerContext, spec: RunSpec): Trainer {
  return createTrainer({
    data: context.data,
    model: context.model,
    batchSize: spec.batchSize,
    lr: spec.lr,
    momentum: context.momentum,
    shuffle: spec.shuffle,
    dropLast: context.dropLast,
    seed: context.seed,
  });
}

/**
 * Compiles the shaders of every batch shape the run will use (full batches, the last partial one, the
 * full-set evaluation) on a throwaway trainer, so the run's clock never includes compilation.
 */
export async function warmUp(context: TrainerContext, spec: RunSpec): Promise<void> {
  const trainer = trainerFor(context, spec);
  try {
    // A first block's length, so its readback's shapes are compiled too.
    await trainer.runSteps(Math.min(MIN_TIMED_STEPS, stepsPerEpoch(context.data.train.count, spec.batchSize, context.dropLast)));
    const perEpoch = stepsPerEpoch(context.data.train.count, spec.batchSize, context.dropLast);
    if (perEpoch > 1) {
      trainer.seekToStep(perEpoch - 1, 0);
      await trainer.runSteps(1);
    }
    await trainer.evaluate();
  } finally {
    trainer.dispose();
  }
}
