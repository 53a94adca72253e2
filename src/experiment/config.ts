import type { DatasetName, DatasetSpec } from '../engine/datasets';
import type { ShuffleMode } from '../engine/loader';
import type { Activation, ModelSpec } from '../engine/models';

/** A batch size as the user sets it: a number of examples, or `full` (= N, whatever N is). */
export type BatchSizeSetting = number | 'full';

export type ModelKind = 'linear' | 'mlp';

/** Everything that defines an experiment (never its results): what a deep link and the CLI carry. */
export interface ExperimentConfig {
  dataset: DatasetName;
  /** Training examples. */
  n: number;
  /** Std of the Gaussian jitter added to each example. */
  noise: number;
  /** Held-out share of n for the test split. */
  testShare: number;
  seed: number;
  model: ModelKind;
  /** MLP hidden layer widths. */
  hidden: number[];
  activation: Activation;
  lr: number;
  momentum: number;
  shuffle: ShuffleMode;
  dropLast: boolean;
  /** The runs' batch sizes, compared side by side. */
  batchSizes: BatchSizeSetting[];
  /** Steps between full-set evaluations. */
  evalEvery: number;
  /** Steps between gradient-noise measurements; 0 = off. */
  noiseEvery: number;
}

/** Bumped whenever a default below changes, so old links keep meaning what they meant. */
export const CONFIG_VERSION = 1;

/** Version 1's defaults. Frozen: deep links omit values equal to these. */
export const DEFAULTS_V1: Readonly<ExperimentConfig> = Object.freeze({
  dataset: 'moons',
  n: 512,
  noise: 0.2,
  testShare: 0.25,
  seed: 42,
  model: 'mlp',
  hidden: [16, 16],
  activation: 'tanh',
  lr: 0.1,
  momentum: 0,
  shuffle: 'on',
  dropLast: false,
  batchSizes: [1, 32, 'full'],
  evalEvery: 10,
  noiseEvery: 0,
} satisfies ExperimentConfig);

/** A fresh, mutable copy of the current defaults. */
export function defaultConfig(): ExperimentConfig {
  return { ...DEFAULTS_V1, hidden: [...DEFAULTS_V1.hidden], batchSizes: [...DEFAULTS_V1.batchSizes] };
}

/** The model a dataset starts with: the 2-parameter linear model for `line`, the MLP otherwise. */
export function defaultModelFor(dataset: DatasetName): ModelKind {
  return dataset === 'line' ? 'linear' : 'mlp';
}

/** A batch-size setting in examples for a training set of n. */
export function resolveBatchSize(setting: BatchSizeSetting, n: number): number {
  return setting === 'full' ? n : Math.min(n, setting);
}

/** The dataset part of a config, as the engine takes it. */
export function datasetSpecOf(config: ExperimentConfig): DatasetSpec {
  return { name: config.dataset, n: config.n, noise: config.noise, testShare: config.testShare, seed: config.seed };
}

/** The model part of a config, as the engine takes it. */
export function modelSpecOf(config: ExperimentConfig): ModelSpec {
  return config.model === 'linear'
    ? { kind: 'linear' }
    : { kind: 'mlp', hidden: [...config.hidden], activation: config.activation };
}
