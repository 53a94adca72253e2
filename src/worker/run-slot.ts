import type { DeviceDataset } from '../engine/device-data';
import { stepsPerEpoch } from '../engine/loader';
import type { ModelSpec, ParameterArrays } from '../engine/models';
import { createTrainer, type StepRecord, type Trainer } from '../engine/trainer';
import type { EvalPoint, RunEvent, RunSpec, RunStatus, RunUpdate, StepChunk, StopRule } from '../runtime/protocol';

/** What a run needs from the experiment around it. */
export interface SlotContext {
  data: DeviceDataset;
  model: ModelSpec;
  momentum: number;
  dropLast: boolean;
  seed: number;
  /** Whether to save a resume snapshot with each evaluation (where the device can be lost: WebGL). */
  snapshotsWanted(): boolean;
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
  /** Steps one chunk should take to last about `targetMs`, never past the stop rule. */
  chunkSize(targetMs: number): number;
  runChunk(steps: number): Promise<StepRecord[]>;
  evaluate(): Promise<void>;
  /** The state saved at the last evaluation (WebGL only keeps one), to resume after a lost context. */
  lastSnapshot(): RunSnapshot | null;
  msSinceEval(now: number): number;
  /** True when steps were taken since the last evaluation. */
  needsEvaluation(): boolean;
  finished(): boolean;
  updateSpec(next: RunSpec): void;
  status(playing: boolean): RunStatus;
  /** Measurements since the last call. */
  drain(playing: boolean): RunUpdate;
  restore(snapshot: RunSnapshot): void;
  dispose(): void;
}

function stopStepOf(stop: StopRule | null, perEpoch: number): number | null {
  if (!stop) return null;
  return stop.unit === 'steps' ? stop.value : stop.value * perEpoch;
}

function trainerFor(context: SlotContext, spec: RunSpec): Trainer {
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
async function warmUp(context: SlotContext, spec: RunSpec): Promise<void> {
  const trainer = trainerFor(context, spec);
  try {
    await trainer.runSteps(1);
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

/** Creates a run: warms its shapes up, then builds its trainer with a clock at zero. */
export async function createRunSlot(
  context: SlotContext,
  initial: RunSpec,
  stop: StopRule | null,
  resume: RunSnapshot | null = null,
): Promise<RunSlot> {
  await warmUp(context, initial);
  let spec = initial;
  const trainer = trainerFor(context, spec);
  const n = context.data.train.count;
  const perEpoch = stepsPerEpoch(n, spec.batchSize, context.dropLast);
  let stopStep = stopStepOf(stop, perEpoch);
  let computeSeconds = 0;
  // Smoothed per-chunk cost, for sizing the next chunk.
  let msPerStep: number | null = null;
  let lastEvalAt = Number.NEGATIVE_INFINITY;
  let readbacks = 0;
  let snapshot: RunSnapshot | null = null;
  let lastEvalStep = -1;
  // A resumed run continues its charts; a new one tells the page to clear them.
  let resetPending = resume === null;
  let chunks: StepChunk[] = [];
  let evals: EvalPoint[] = [];
  let events: RunEvent[] = [];
  // Recent chunks (steps, seconds) for rates over about the last two seconds of compute.
  const recent: { steps: number; examples: number; seconds: number }[] = [];

  const at = () => ({
    step: trainer.progress.step,
    epoch: trainer.progress.epoch,
    examples: trainer.progress.examplesSeen,
    seconds: computeSeconds,
  });

  const rates = () => {
    const steps = recent.reduce((s, c) => s + c.steps, 0);
    const examples = recent.reduce((s, c) => s + c.examples, 0);
    const seconds = recent.reduce((s, c) => s + c.seconds, 0);
    if (steps === 0 || seconds <= 0) return { stepsPerSecond: null, examplesPerSecond: null, msPerStep: null };
    // One window for all three numbers, so a card's steps/s, examples/s and ms/step always agree.
    return { stepsPerSecond: steps / seconds, examplesPerSecond: examples / seconds, msPerStep: (1000 * seconds) / steps };
  };

  const slot: RunSlot = {
    id: spec.id,
    get spec() {
      return spec;
    },
    set spec(next) {
      spec = next;
    },
    trainer,
    get stopStep() {
      return stopStep;
    },
    setStop(next) {
      stopStep = stopStepOf(next, perEpoch);
    },

    chunkSize(targetMs) {
      const guess = msPerStep === null ? 1 : Math.floor(targetMs / Math.max(msPerStep, 1e-3));
      const remaining = stopStep === null ? Infinity : stopStep - trainer.progress.step;
      return Math.max(1, Math.min(guess, 5000, remaining));
    },

    async runChunk(steps) {
      const started = performance.now();
      const records = await trainer.runSteps(steps);
      const seconds = (performance.now() - started) / 1000;
      readbacks++;
      if (records.length === 0) return records;
      computeSeconds += seconds;
      msPerStep = msPerStep === null ? (seconds * 1000) / records.length : 0.7 * msPerStep + (0.3 * seconds * 1000) / records.length;
      recent.push({ steps: records.length, examples: records.reduce((sum, r) => sum + r.batchSize, 0), seconds });
      while (recent.length > 1 && recent.reduce((s, c) => s + c.seconds, 0) - recent[0]!.seconds > 2) recent.shift();
      const finite = records.map((r) => r.batchLoss).filter(Number.isFinite);
      const mean = finite.length ? finite.reduce((s, v) => s + v, 0) / finite.length : Number.NaN;
      const variance = finite.length ? finite.reduce((s, v) => s + (v - mean) ** 2, 0) / finite.length : 0;
      chunks.push({ ...at(), lossMean: mean, lossStd: Math.sqrt(variance), steps: records.length });
      return records;
    },

    async evaluate() {
      lastEvalAt = performance.now();
      const e = await trainer.evaluate({ withParams: context.snapshotsWanted() });
      readbacks++;
      lastEvalStep = e.step;
      if (e.params && trainer.progress.status === 'ok' && context.snapshotsWanted()) snapshot = { params: e.params, step: e.step, examplesSeen: e.examplesSeen, computeSeconds };
      evals.push({ ...at(), step: e.step, epoch: e.epoch, examples: e.examplesSeen, trainLoss: e.trainLoss, testLoss: e.testLoss, accuracy: e.testAccuracy });
    },

    msSinceEval: (now) => now - lastEvalAt,
    needsEvaluation: () => lastEvalStep !== trainer.progress.step,

    finished: () => stopStep !== null && trainer.progress.step >= stopStep,

    updateSpec(next) {
      if (next.lr !== spec.lr) {
        trainer.setLearningRate(next.lr);
        events.push({ ...at(), label: `lr ${formatLr(next.lr)}` });
      }
      if (next.shuffle !== spec.shuffle) {
        trainer.setShuffle(next.shuffle);
        events.push({ ...at(), label: `shuffle ${next.shuffle} (from next epoch)` });
      }
      spec = next;
    },

    status(playing) {
      const p = trainer.progress;
      const state = !spec.enabled
        ? 'off'
        : p.status === 'diverged'
          ? 'diverged'
          : slot.finished()
            ? 'finished'
            : playing
              ? 'running'
              : p.step > 0
                ? 'paused'
                : 'ready';
      return {
        id: spec.id,
        state,
        batchSize: Math.min(spec.batchSize, n),
        lr: spec.lr,
        step: p.step,
        epoch: p.epoch,
        examplesSeen: p.examplesSeen,
        computeSeconds,
        ...rates(),
        divergedAtStep: p.divergedAtStep,
        readbacks,
      };
    },

    drain(playing) {
      const update: RunUpdate = { status: slot.status(playing), reset: resetPending, chunks, evals, events };
      resetPending = false;
      chunks = [];
      evals = [];
      events = [];
      return update;
    },

    lastSnapshot: () => snapshot,

    restore(snapshot) {
      trainer.setParams(snapshot.params);
      trainer.seekToStep(snapshot.step, snapshot.examplesSeen);
      computeSeconds = snapshot.computeSeconds;
    },

    dispose: () => trainer.dispose(),
  };
  if (resume) slot.restore(resume);
  return slot;
}

/** An lr for labels: 3 significant digits. */
export function formatLr(lr: number): string {
  return Number(lr.toPrecision(3)).toString();
}
