import type { ShuffleMode } from '../engine/loader';
import { DEFAULTS_V1, defaultModelFor, type ExperimentConfig } from './config';

/** The run-specific part of a CLI command. */
export interface CliRun {
  batchSize: number | 'full';
  lr: number;
  shuffle: ShuffleMode;
  steps: number;
}

/** An `npm run experiment` line that reproduces a run's curves on the CPU backend; defaults are left out. */
export function cliCommand(config: ExperimentConfig, run: CliRun): string {
  const flags: string[] = [`--dataset ${config.dataset}`];
  const add = (flag: string, value: string | number, defaultValue: string | number) => {
    if (value !== defaultValue) flags.push(`--${flag} ${value}`);
  };
  add('n', config.n, DEFAULTS_V1.n);
  add('noise', config.noise, DEFAULTS_V1.noise);
  add('test-share', config.testShare, DEFAULTS_V1.testShare);
  add('seed', config.seed, DEFAULTS_V1.seed);
  add('model', config.model, defaultModelFor(config.dataset));
  if (config.model === 'mlp') {
    add('hidden', config.hidden.join(','), DEFAULTS_V1.hidden.join(','));
    add('activation', config.activation, DEFAULTS_V1.activation);
  }
  flags.push(`--batch ${run.batchSize}`);
  flags.push(`--lr ${Number(run.lr.toPrecision(6))}`);
  add('momentum', config.momentum, DEFAULTS_V1.momentum);
  add('shuffle', run.shuffle, DEFAULTS_V1.shuffle);
  if (config.dropLast) flags.push('--drop-last');
  flags.push(`--steps ${Math.max(1, run.steps)}`);
  return `npm run -s experiment -- ${flags.join(' ')}`;
}
