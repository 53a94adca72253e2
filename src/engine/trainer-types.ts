import type { DeviceDataset } from './device-data';
import type { LoaderBatch, LoaderState, ShuffleMode } from './loader';
import type { ModelSpec, ParameterArrays } from './models';
import type { SmoothedNoiseEstimate } from './noise';

/** One run's training setup. batchSize ≥ 1 (≥ N: full batch); lr > 0; momentum in [0, 1). */
export interface TrainerConfig {
  data: DeviceDataset;
  model: ModelSpec;
  batchSize: number;
  lr: number;
  momentum: number;
  shuffle: ShuffleMode;
  dropLast: boolean;
  seed: number;
  /**
   * Most rows a step computes in one pass (default PIECE_ROWS): larger batches are cut into pieces so a shared GPU
   * keeps drawing. The batch-size sweep passes Infinity, so its steps (and their memory) are whole.
   */
  pieceRows?: number;
}

export type TrainerStatus = 'ok' | 'diverged';

/** Where a run stands: steps taken, epochs completed (fractional), examples consumed. */
export interface TrainingProgress {
  step: number;
  epoch: number;
  examplesSeen: number;
  status: TrainerStatus;
  /** The step whose loss or parameters first became non-finite. */
  divergedAtStep: number | null;
}

/** One SGD step as read back: the mean loss over the batch it used, before the update. */
export interface StepRecord {
  step: number;
  epoch: number;
  examplesSeen: number;
  batchSize: number;
  batchLoss: number;
  /** The batch's epoch (0-based) and its position in that epoch. */
  batchEpoch: number;
  batchInEpoch: number;
}

/** Losses (mean per example) on the whole training and test sets; accuracies in [0, 1], null for regression. */
export interface Evaluation {
  step: number;
  epoch: number;
  examplesSeen: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number | null;
  testAccuracy: number | null;
}

/** Gradient-noise statistics at the current parameters, for the batch the next step will use. */
export interface NoiseStats {
  step: number;
  batchSize: number;
  gradNormSq: number;
  traceSigma: number;
  bSimple: number;
  cosine: number;
  batchErrorSq: number;
  /** The two-batch estimator (B_small = this run's B, B_big = bigBatchSize), smoothed; null when B = N. */
  estimate: (SmoothedNoiseEstimate & { bigBatchSize: number }) | null;
}

/** Per-example gradients: row i (of n) is ∇ℓ_i, in parameter order; p columns. */
export interface PerExampleGradients {
  n: number;
  p: number;
  values: Float32Array;
}

/** The largest N·P for which perExampleGradients() will build the matrix. */
export const MAX_PER_EXAMPLE_ENTRIES = 4_000_000;

/** A training run. Methods that read numbers back are async; step ops are queued without waiting. */
export interface Trainer {
  readonly parameterCount: number;
  readonly batchSize: number;
  readonly progress: Readonly<TrainingProgress>;
  /** Dispatches `count` steps and reads their losses back in one transfer; returns nothing once diverged. */
  runSteps(count: number): Promise<StepRecord[]>;
  /** Full-set losses; with `withParams`, the parameters come back in the same transfer (a free resume snapshot). */
  evaluate(options?: { withParams?: boolean }): Promise<Evaluation & { params?: ParameterArrays }>;
  measureNoise(): Promise<NoiseStats>;
  /** Per-example gradients of every training example, or of the rows `rows` only (a subset when N·P is too large). */
  perExampleGradients(rows?: Int32Array): Promise<PerExampleGradients>;
  /** Parameters [W1, b1, …] in one readback. */
  getParams(): Promise<ParameterArrays>;
  /** Model outputs (class probabilities, or predictions) for `count` inputs, row-major; one readback. */
  predict(inputs: Float32Array, count: number): Promise<Float32Array>;
  /** Moves the loader to where it stands after `step` steps (used with setParams to resume a snapshot). */
  seekToStep(step: number, examplesSeen: number): void;
  setParams(params: ParameterArrays): void;
  setLearningRate(lr: number): void;
  setShuffle(mode: ShuffleMode): void;
  /** The batch the next step will use. */
  peekBatch(): LoaderBatch;
  /** The loader's position and the shuffle modes its epochs were cut with. */
  loaderState(): LoaderState;
  dispose(): void;
}
