import type { DatasetSpec } from '../engine/datasets';
import type { LoaderState, ShuffleMode } from '../engine/loader';
import type { ModelSpec } from '../engine/models';
import type { SweepPoint } from '../engine/throughput';

/** What the user asks for: `auto` picks WebGL where tfjs accepts the context, else the CPU. */
export type BackendPreference = 'auto' | 'webgl' | 'webgpu' | 'wasm' | 'cpu';

/** The backend actually training, as shown to the user. */
export interface BackendInfo {
  name: 'webgl' | 'webgpu' | 'wasm' | 'cpu';
  /** e.g. "WebGL · SwiftShader" or "CPU". */
  label: string;
  /** Why the app is not using what was asked for (e.g. no WebGL); null when all is as asked. */
  notice: string | null;
  /** Whether training runs in a Web Worker (else on the main thread, frame-budgeted). */
  inWorker: boolean;
}

/** Settings shared by every run; changing any of them resets all runs. */
export interface ExperimentSpec {
  dataset: DatasetSpec;
  model: ModelSpec;
  momentum: number;
  dropLast: boolean;
}

/** One run as the trainer needs it: batch size in examples, the lr it uses, its shuffle mode. */
export interface RunSpec {
  id: string;
  batchSize: number;
  lr: number;
  shuffle: ShuffleMode;
  enabled: boolean;
}

/** When runs stop by themselves. */
export interface StopRule {
  unit: 'epochs' | 'steps';
  value: number;
}

/** `slow`: one step per run per beat with the batch highlighted; `steady`: a watchable pace; `fast`: flat out. */
export type Speed = 'slow' | 'steady' | 'fast';

/** Everything the training host needs to know; sent whole on every change. */
export interface WorkspaceSpec {
  experiment: ExperimentSpec;
  runs: RunSpec[];
  stopAt: StopRule | null;
  speed: Speed;
  /** The run whose decision boundary and current batch the data view shows. */
  focusRunId: string | null;
  /** Wall time between a run's gradient-noise measurements (ms); null: not measured. */
  noiseEveryMs: number | null;
}

/** Where a run stood: steps taken, epochs (fractional), examples seen, its own compute seconds. */
export interface RunPosition {
  step: number;
  epoch: number;
  examples: number;
  /** The run's own compute time so far (s). */
  seconds: number;
}

/**
 * The mean loss on the batch a step trained on, placed where the run stood *before* that step (the parameters
 * the loss was computed with), so a full batch's point equals the full training loss evaluated there.
 * `steps` > 1 means that many consecutive steps averaged (their positions averaged too).
 */
export interface BatchLossPoint extends RunPosition {
  loss: number;
  steps: number;
}

/** A full-set evaluation: mean losses per example, test accuracy in [0, 1] (null for regression). */
export interface EvalPoint {
  step: number;
  epoch: number;
  examples: number;
  seconds: number;
  trainLoss: number;
  testLoss: number;
  accuracy: number | null;
  /** The parameters at that point, for models of at most PATH_PARAMETERS parameters (the loss landscape draws them). */
  params?: number[];
}

/** Models up to this many parameters send them with every evaluation: their path through parameter space is drawn. */
export const PATH_PARAMETERS = 2;

/**
 * Gradient noise at the parameters a step is about to use, for the batch it is about to use: G is the full training
 * set's gradient, g_B the batch's.
 */
export interface NoisePoint extends RunPosition {
  batchSize: number;
  /** cos(g_B, G): 1 when the batch points exactly where the full set does. */
  cosine: number;
  /** |g_B − G| / |G|. */
  relativeError: number;
  /** What a random batch of this size misses by on average: √(E|g_B − G|²) / |G|. */
  expectedRelativeError: number;
  /** √(mean over every example of |g_i − G|²) / |G| = √tr(Σ) / |G|: what a single example misses by here, exactly. */
  singleRelativeError: number;
  /** The simple noise scale tr(Σ)/|G|², exact from per-example gradients (examples). */
  bSimple: number;
  /** The two-batch estimate of B_simple (null at B = N); `settled` once it can be read as a number. */
  estimate: { bSimple: number; samples: number; settled: boolean } | null;
  /** Measuring was off for some of the run's steps since its previous measurement: the charts leave a gap before it. */
  afterGap?: true;
}

/** A moment a setting changed mid-run (charts mark it). */
export interface RunEvent extends RunPosition {
  label: string;
  /** What changed, from what (so a copied CLI command can replay it after exactly `step` steps). */
  change: { kind: 'lr'; lr: number; previous: number } | { kind: 'shuffle'; shuffle: ShuffleMode; previous: ShuffleMode };
}

export type RunState = 'ready' | 'running' | 'paused' | 'finished' | 'diverged' | 'off';

/**
 * Blocks timed this long after a run's first one still pay for warming up (measured here: WebGL B = 1 read 9.9 ms/step
 * 2 s after Play, 4.4 ms at 5 s and 3.0–3.7 ms from 10 s on; the CPU backend settled within about 6 s): the figure is
 * shown as warming up until then, and nothing compares speeds from it.
 */
export const WARMUP_MS = 10_000;

/**
 * Where a run's time per step comes from: blocks timed just now, blocks timed while the device was still warming up
 * (the first seconds of training run slower: code and shaders are compiled and cached on first use), earlier blocks,
 * or none yet (null).
 */
export type TimingSource = 'live' | 'warming' | 'earlier' | null;

/** A run's live numbers. Rates are per second of the run's own compute time. */
export interface RunStatus {
  id: string;
  state: RunState;
  batchSize: number;
  lr: number;
  step: number;
  epoch: number;
  examplesSeen: number;
  computeSeconds: number;
  stepsPerSecond: number | null;
  examplesPerSecond: number | null;
  msPerStep: number | null;
  /** 'earlier' while the latest steps were too short to time (single slow-motion steps). */
  timingSource: TimingSource;
  divergedAtStep: number | null;
  readbacks: number;
  /** Wall time spent measuring gradient noise, as a share of the wall time spent training (null before any training). */
  noiseShare: number | null;
}

/** New measurements of one run since the last message. `reset` means earlier points no longer apply. */
export interface RunUpdate {
  status: RunStatus;
  reset: boolean;
  batchLosses: BatchLossPoint[];
  evals: EvalPoint[];
  events: RunEvent[];
  noise: NoisePoint[];
}

/** A run's most recent steps, one entry per step, oldest first: the batch's epoch, its place in it and its loss. */
export interface RecentBatchLosses {
  epochs: Int32Array;
  batches: Int32Array;
  losses: Float32Array;
}

/** What the DataLoader view needs of a run: how its loader cuts epochs, where it stands, and its latest batch losses. */
export interface LoaderSnapshot {
  runId: string;
  loader: LoaderState;
  recent: RecentBatchLosses;
}

/** What the data view draws from the model: a probability grid (classification) or fitted curves (regression). */
export type ModelView =
  | { kind: 'boundary'; runId: string; resolution: number; extent: [number, number, number, number]; classes: number; probabilities: Float32Array }
  | { kind: 'curves'; xs: Float32Array; curves: { runId: string; ys: Float32Array }[] };

/**
 * One run's gradients taken apart at its current parameters, from the per-example gradient matrix: variance against
 * batch size, and a cloud of sampled mini-batch gradients.
 */
export interface GradientAnalysis {
  runId: string;
  step: number;
  /** Training examples, and how many of them the matrix holds (a seeded random subset when N·P is too large). */
  n: number;
  rows: number;
  parameters: number;
  gradNormSq: number;
  traceSigma: number;
  /** E|g_B − G|² measured over `batches` sampled batches of each size (over the rows used), and its theory value. */
  variance: { batchSize: number; measured: number; theory: number; batches: number }[];
  cloud: { batchSize: number; kind: 'parameters' | 'projection'; points: [number, number][]; full: [number, number] };
  /** Wall time it took (ms), training paused meanwhile. */
  ms: number;
}

/** Messages from the training host to the page. */
export type HostMessage =
  | { kind: 'metrics'; generation: number; playing: boolean; updates: RunUpdate[] }
  | { kind: 'batch'; generation: number; runId: string; indices: Int32Array }
  | { kind: 'view'; generation: number; view: ModelView }
  | { kind: 'backend'; info: BackendInfo }
  | { kind: 'problem'; message: string };

/** The training host's API (in a Worker through Comlink, or on the main thread as a fallback). */
export interface TrainingHostApi {
  start(preference: BackendPreference, listener: (message: HostMessage) => void): Promise<BackendInfo>;
  apply(spec: WorkspaceSpec): Promise<number>;
  /** Starts training once every change queued before it has landed; resolves to whether anything is training. */
  play(): Promise<boolean>;
  pause(): void;
  step(): Promise<void>;
  /** Starts every run again from step 0; resolves to the new generation. */
  reset(): Promise<number>;
  /** Starts one run again from step 0 (the others carry on). */
  resetRun(id: string): Promise<void>;
  /** Takes one run's gradients apart at its current parameters (null: no such run); the cloud uses batches of `cloudBatchSize`. */
  analyseGradients(runId: string, cloudBatchSize: number): Promise<GradientAnalysis | null>;
  /** The run's loader and recent batch losses, between chunks; null for a run that is not there. */
  loaderState(runId: string): Promise<LoaderSnapshot | null>;
  /** Live tensors on the device (leak checks in tests). */
  tensorCount(): Promise<number>;
  dispose(): void;
}

/** A tfjs backend by name. */
export type BackendName = BackendInfo['name'];

/** One backend's part of a batch-size sweep: time these sizes of this model on a seeded dataset. */
export interface SweepRequest {
  backend: BackendName;
  /** The dataset to time on (a larger seeded copy of the workspace's). */
  dataset: DatasetSpec;
  model: ModelSpec;
  /** Ascending. */
  batchSizes: number[];
}

/** Why a backend's sweep ended before its largest size: an allocation failed, steps got too slow, or another error. */
export interface SweepStop {
  batchSize: number;
  reason: 'memory' | 'slow' | 'error';
  message: string;
}

/** What one backend measured; `unavailable` (with no points) when it could not start, saying why. */
export interface BackendSweep {
  backend: BackendName;
  label: string;
  points: SweepPoint[];
  stop: SweepStop | null;
  unavailable: string | null;
}

/** One more size measured on one backend. */
export interface SweepProgress {
  backend: BackendName;
  point: SweepPoint;
  /** Sizes measured so far on this backend, of `total`. */
  done: number;
  total: number;
}

/** The sweep worker's API (one worker per backend, through Comlink). */
export interface SweepHostApi {
  run(request: SweepRequest, onProgress: (progress: SweepProgress) => void): Promise<BackendSweep>;
}
