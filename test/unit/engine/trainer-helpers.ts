import { generateDataset, type DatasetName } from '../../../src/engine/datasets';
import { uploadDataset, type DeviceDataset } from '../../../src/engine/device-data';
import type { ModelSpec } from '../../../src/engine/models';
import { createTrainer, type Trainer, type TrainerConfig } from '../../../src/engine/trainer';

export const SMALL_MLP: ModelSpec = { kind: 'mlp', hidden: [8, 8], activation: 'tanh' };

/** A trainer on a fresh dataset; dispose both through the returned `dispose`. */
export function makeTrainer(
  options: Partial<Omit<TrainerConfig, 'data'>> & { dataset?: DatasetName; n?: number; noise?: number } = {},
): { trainer: Trainer; data: DeviceDataset; dispose: () => void } {
  const name = options.dataset ?? 'moons';
  const dataset = generateDataset({ name, n: options.n ?? 64, noise: options.noise ?? 0.2, testShare: 0.25, seed: options.seed ?? 1 });
  const data = uploadDataset(dataset);
  const trainer = createTrainer({
    data,
    model: options.model ?? (name === 'line' ? { kind: 'linear' } : SMALL_MLP),
    batchSize: options.batchSize ?? 8,
    lr: options.lr ?? 0.1,
    momentum: options.momentum ?? 0,
    shuffle: options.shuffle ?? 'on',
    dropLast: options.dropLast ?? false,
    seed: options.seed ?? 1,
  });
  return {
    trainer,
    data,
    dispose: () => {
      trainer.dispose();
      data.dispose();
    },
  };
}

/** Runs `steps` steps in chunks of `chunk` and returns every step record's batch loss. */
export async function trainFor(trainer: Trainer, steps: number, chunk = 25): Promise<number[]> {
  const losses: number[] = [];
  while (trainer.progress.step < steps && trainer.progress.status === 'ok') {
    const records = await trainer.runSteps(Math.min(chunk, steps - trainer.progress.step));
    losses.push(...records.map((r) => r.batchLoss));
  }
  return losses;
}
