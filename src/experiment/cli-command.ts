import type { ShuffleMode } from '../engine/loader';
import { DATASET_DEFAULTS, DEFAULTS_V2, type ExperimentConfig } from './config';

/** A learning-rate change made mid-run: after `step` steps (≥ 1) the lr becomes `lr`. */
export interface LrChange {
  step: number;
  lr: number;
}

/** A shuffle change made mid-run: after `step` steps (≥ 1) the loader switches to `shuffle` from its next epoch. */
export interface ShuffleChange {
  step: number;
  shuffle: ShuffleMode;
}

/** The run-specific part of a CLI command; `lr` and `shuffle` are the values at step 0, changes in step order. */
export interface CliRun {
  batchSize: number | 'full';
  lr: number;
  shuffle: ShuffleMode;
  steps: number;
  lrChanges?: LrChange[];
  shuffleChanges?: ShuffleChange[];
}

// The CLI takes strictly increasing steps ≥ 1: a change before the first step is the starting value, and of several at one step the last wins, as in the app.
function settle<C extends { step: number }>(start: C, changes: readonly C[]): [C, ...C[]] {
  const settled: [C, ...C[]] = [start];
  for (const change of [...changes].sort((a, b) => a.step - b.step)) {
    const at = { ...change, step: Math.max(0, Math.round(change.step)) };
    if (settled[settled.length - 1]!.step === at.step) settled.pop();
    settled.push(at);
  }
  return settled;
}

// Six significant digits: an lr the app derived (e.g. scaled by B) prints short yet reproduces the run.
const formatLr = (lr: number): number => Number(lr.toPrecision(6));

/** An `npm run experiment` line that reproduces a run's curves on the CPU backend; the dataset's defaults are left out. */
export function cliCommand(config: ExperimentConfig, run: CliRun): string {
  const flags: string[] = [`--dataset ${config.dataset}`];
  const add = (flag: string, value: string | number, defaultValue: string | number) => {
    if (value !== defaultValue) flags.push(`--${flag} ${value}`);
  };
  const datasetDefaults = DATASET_DEFAULTS[config.dataset];
  add('n', config.n, DEFAULTS_V2.n);
  add('noise', config.noise, datasetDefaults.noise);
  add('test-share', config.testShare, DEFAULTS_V2.testShare);
  add('seed', config.seed, DEFAULTS_V2.seed);
  add('model', config.model, datasetDefaults.model);
  if (config.model === 'mlp') {
    add('hidden', config.hidden.join(','), datasetDefaults.hidden.join(','));
    add('activation', config.activation, datasetDefaults.activation);
  }
  const [lr, ...lrChanges] = settle({ step: 0, lr: run.lr }, run.lrChanges ?? []);
  const [shuffle, ...shuffleChanges] = settle({ step: 0, shuffle: run.shuffle }, run.shuffleChanges ?? []);
  flags.push(`--batch ${run.batchSize}`);
  flags.push(`--lr ${formatLr(lr.lr)}`);
  for (const change of lrChanges) flags.push(`--lr-at ${change.step}:${formatLr(change.lr)}`);
  add('momentum', config.momentum, DEFAULTS_V2.momentum);
  add('shuffle', shuffle.shuffle, DEFAULTS_V2.shuffle);
  for (const change of shuffleChanges) flags.push(`--shuffle-at ${change.step}:${change.shuffle}`);
  if (config.dropLast) flags.push('--drop-last');
  flags.push(`--steps ${Math.max(1, run.steps)}`);
  return `npm run -s experiment -- ${flags.join(' ')}`;
}
