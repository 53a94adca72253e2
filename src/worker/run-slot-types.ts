import type { ParameterArrays } from '../engine/models';
import type { StepRecord, Trainer } from '../engine/trainer';
import type { LoaderSnapshot, RunSpec, RunStatus, RunUpdate, StopRule } from '../runtime/protocol';
import type { NoiseCostBook, NoiseOccasion } from './noise-meter';
import type { TrainerContext } from './run-trainer';

/** What a run needs from the experiment around it. */
export interface SlotContext extends TrainerContext {
  /** Whether to save a resume snapshot with each evaluation (where the device can be lost: WebGL). */
  snapshotsWanted(): boolean;
  /** The backend's current readback round trip (ms), subtracted from each chunk's wall time. */
  readbackMs(): number;
  /** What a noise measurement costs on this dataset, shared by its runs. */
  noiseCosts: NoiseCostBook;
}

/** A run's parameters and position, enough to resume it on another backend. */
export interface RunSnapshot {
  params: ParameterArrays;
  step: number;
  examplesSeen: number;
  computeSeconds: number;
}

/** One run in the workspace: a trainer plus its measured compute time and unsent measurements. */
export interface RunSlot {
  readonly id: string;
  spec: RunSpec;
  readonly trainer: Trainer;
  readonly stopStep: number | null;
  setStop(stop: StopRule | null): void;
  /** Steps one chunk should take to last about `targetMs` (at least `minSteps`), never past the stop rule. */
  chunkSize(targetMs: number, minSteps?: number): number;
  /** A step where a chunk pauses to call `atStop` (the run owes an evaluation there: see TwinPlan); null for none. */
  setEvaluationStop(step: number | null, atStop: () => Promise<void>): void;
  /** The steps the run was evaluated at, ascending. */
  readonly evaluatedSteps: readonly number[];
  /** Equal for runs that take the very same steps: batch size, lr, shuffle, and each change at the step it came. */
  twinKey(): string;
  /**
   * `timed`: the steps run back to back as a block worth timing (not single slow-motion steps). `leadIn`: the
   * block follows a rest, so its first quarter runs on its own, untimed, and wakes the device and the code up.
   */
  runChunk(steps: number, timed?: boolean, leadIn?: boolean): Promise<StepRecord[]>;
  evaluate(): Promise<void>;
  /** The state saved at the last evaluation (WebGL only keeps one), to resume after a lost context. */
  lastSnapshot(): RunSnapshot | null;
  msSinceEval(now: number): number;
  /** Wall time the last full-set evaluation took (ms). */
  readonly lastEvalMs: number;
  /** True when steps were taken since the last evaluation. */
  needsEvaluation(): boolean;
  /**
   * Measures gradient noise for the batch the next step will use (off the run's compute clock). Only `paced` ones
   * count towards the share of training time (see NoiseOccasion).
   */
  measureNoise(occasion?: NoiseOccasion): Promise<void>;
  /**
   * Whether a noise measurement is due (noiseIsDue): steps were taken since the last, `everyMs` of wall time passed,
   * and the run's training time leaves room for one more. `always` skips the pacing (slow motion, a pause).
   */
  noiseDue(now: number, everyMs: number, always: boolean): boolean;
  /**
   * Times one noise measurement for the dataset's cost book and keeps nothing else of it (no point, no pacing): a run
   * resumed on a new backend has no initial measurement to pace its first one by.
   */
  calibrateNoise(): Promise<void>;
  /** The run took steps while measuring was off: its next measurement starts a new stretch of the noise lines. */
  noiseLapsed(): void;
  finished(): boolean;
  /** The loader's state and the last steps' batch losses, for the DataLoader view. */
  loaderSnapshot(): LoaderSnapshot;
  updateSpec(next: RunSpec): void;
  status(playing: boolean): RunStatus;
  /** Measurements since the last call. */
  drain(playing: boolean): RunUpdate;
  restore(snapshot: RunSnapshot): void;
  dispose(): void;
}
