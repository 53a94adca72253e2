import { stepsPerEpoch } from '../engine/loader';
import type { StepRecord } from '../engine/trainer';
import { PATH_PARAMETERS, type BatchLossPoint, type EvalPoint, type NoisePoint, type RunEvent, type RunPosition, type RunSpec, type RunUpdate, type StopRule } from '../runtime/protocol';
import { batchLossPoints } from './batch-loss-points';
import { createBatchLossRing } from './recent-batch-losses';
import { createNoiseMeter, noisePoint } from './noise-meter';
import { createStepClock } from './step-clock';
import { trainerFor, warmUp } from './run-trainer';
import type { RunSlot, RunSnapshot, SlotContext } from './run-slot-types';

export type { RunSlot, RunSnapshot, SlotContext } from './run-slot-types';

/** The longest a chunk is stretched to reach its minimum number of steps (ms). */
const MAX_CHUNK_MS = 400;


function stopStepOf(stop: StopRule | null, perEpoch: number): number | null {
  if (!stop) return null;
  return stop.unit === 'steps' ? stop.value : stop.value * perEpoch;
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
  // Wall time per step of recent chunks, smoothed, only for sizing the next chunk.
  let wallMsPerStep: number | null = null;
  const clock = createStepClock();
  let lastEvalAt = Number.NEGATIVE_INFINITY;
  let lastEvalMs = 0;
  let readbacks = 0;
  let snapshot: RunSnapshot | null = null;
  let lastEvalStep = -1;
  const evaluatedSteps: number[] = [];
  let evaluationStop: number | null = null;
  let atEvaluationStop: () => Promise<void> = async () => undefined;
  // Every lr or shuffle change at the step it came: runs alike in their settings but not in this took other steps.
  const changes: string[] = [];
  // A resumed run continues its charts; a new one tells the page to clear them.
  let resetPending = resume === null;
  let batchLosses: BatchLossPoint[] = [];
  let evals: EvalPoint[] = [];
  let events: RunEvent[] = [];
  let noise: NoisePoint[] = [];
  const meter = createNoiseMeter(context.noiseCosts);
  let noiseGap = false;
  const recentLosses = createBatchLossRing();

  const at = (): RunPosition => ({
    step: trainer.progress.step,
    epoch: trainer.progress.epoch,
    examples: trainer.progress.examplesSeen,
    seconds: computeSeconds,
  });

  /** Runs `steps` steps with one readback and charges them to the run's clock. */
  const runBlock = async (steps: number, timed: boolean): Promise<StepRecord[]> => {
    const before = at();
    const started = performance.now();
    const records = await trainer.runSteps(steps);
    const wallMs = performance.now() - started;
    meter.trained(wallMs);
    readbacks++;
    if (records.length === 0) return records;
    const examples = records.reduce((sum, r) => sum + r.batchSize, 0);
    wallMsPerStep = wallMsPerStep === null ? wallMs / records.length : 0.7 * wallMsPerStep + (0.3 * wallMs) / records.length;
    computeSeconds += clock.record({ steps: records.length, examples, wallMs, readbackMs: context.readbackMs(), timed }) / 1000;
    batchLosses.push(...batchLossPoints(before, records, computeSeconds, records[0]!.batchSize >= n));
    recentLosses.push(records);
    return records;
  };

  /** Runs `steps` steps, pausing at the evaluation stop (if it falls inside) to evaluate there, then going on. */
  const runPart = async (steps: number, timed: boolean): Promise<StepRecord[]> => {
    const records: StepRecord[] = [];
    let left = steps;
    while (left > 0) {
      const step = trainer.progress.step;
      const stop = evaluationStop !== null && evaluationStop > step ? evaluationStop : null;
      const part = stop === null ? left : Math.min(left, stop - step);
      const block = await runBlock(part, timed);
      records.push(...block);
      left -= part;
      if (block.length < part || trainer.progress.status !== 'ok') break;
      if (stop !== null && trainer.progress.step === stop) await atEvaluationStop();
    }
    return records;
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

    chunkSize(targetMs, minSteps = 1) {
      // Never let the minimum stretch one chunk past MAX_CHUNK_MS: the other runs and a pause wait behind it.
      const floor = wallMsPerStep === null ? minSteps : Math.max(1, Math.min(minSteps, Math.floor(MAX_CHUNK_MS / wallMsPerStep)));
      const guess = wallMsPerStep === null ? floor : Math.max(floor, Math.floor(targetMs / Math.max(wallMsPerStep, 1e-3)));
      const remaining = stopStep === null ? Infinity : stopStep - trainer.progress.step;
      return Math.max(1, Math.min(guess, 5000, remaining));
    },

    async runChunk(steps, timed = true, leadIn = false) {
      if (!(timed && leadIn && steps > 1)) return runPart(steps, timed);
      const lead = Math.max(1, Math.floor(steps / 4));
      const first = await runPart(lead, false);
      if (first.length === 0 || trainer.progress.status !== 'ok') return first;
      return [...first, ...(await runPart(steps - lead, true))];
    },

    async evaluate() {
      lastEvalAt = performance.now();
      const pathWanted = trainer.parameterCount <= PATH_PARAMETERS;
      const e = await trainer.evaluate({ withParams: context.snapshotsWanted() || pathWanted });
      lastEvalMs = performance.now() - lastEvalAt;
      readbacks++;
      lastEvalStep = e.step;
      if (evaluatedSteps.at(-1) !== e.step) evaluatedSteps.push(e.step);
      if (e.params && trainer.progress.status === 'ok' && context.snapshotsWanted()) snapshot = { params: e.params, step: e.step, examplesSeen: e.examplesSeen, computeSeconds };
      const params = pathWanted && e.params ? e.params.flatMap((p) => Array.from(p)) : undefined;
      evals.push({ ...at(), step: e.step, epoch: e.epoch, examples: e.examplesSeen, trainLoss: e.trainLoss, testLoss: e.testLoss, accuracy: e.testAccuracy, ...(params ? { params } : {}) });
    },

    setEvaluationStop(step, atStop) {
      evaluationStop = step;
      atEvaluationStop = atStop;
    },
    evaluatedSteps,
    twinKey: () => [Math.min(spec.batchSize, n), spec.lr, spec.shuffle, ...changes].join('|'),

    msSinceEval: (now) => now - lastEvalAt,
    get lastEvalMs() {
      return lastEvalMs;
    },
    needsEvaluation: () => lastEvalStep !== trainer.progress.step,

    async measureNoise(occasion = 'paced') {
      const started = performance.now();
      const stats = await trainer.measureNoise();
      const now = performance.now();
      meter.measured(stats.step, now - started, now, occasion);
      readbacks++;
      noise.push({ ...noisePoint(at(), stats, n), ...(noiseGap ? { afterGap: true as const } : {}) });
      noiseGap = false;
    },

    async calibrateNoise() {
      const started = performance.now();
      await trainer.measureNoise();
      context.noiseCosts.record(performance.now() - started);
      readbacks++;
    },

    noiseLapsed() {
      noiseGap = true;
    },

    noiseDue: (now, everyMs, always) => meter.due(now, trainer.progress.step, trainer.progress.status === 'ok', everyMs, always),

    finished: () => stopStep !== null && trainer.progress.step >= stopStep,

    loaderSnapshot: () => ({ runId: spec.id, loader: trainer.loaderState(), recent: recentLosses.snapshot() }),

    updateSpec(next) {
      if (next.lr !== spec.lr) {
        trainer.setLearningRate(next.lr);
        changes.push(`${trainer.progress.step}:lr ${next.lr}`);
        events.push({ ...at(), label: `lr ${formatLr(next.lr)}`, change: { kind: 'lr', lr: next.lr, previous: spec.lr } });
      }
      if (next.shuffle !== spec.shuffle) {
        trainer.setShuffle(next.shuffle);
        changes.push(`${trainer.progress.step}:shuffle ${next.shuffle}`);
        events.push({ ...at(), label: `shuffle ${next.shuffle} (from next epoch)`, change: { kind: 'shuffle', shuffle: next.shuffle, previous: spec.shuffle } });
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
        ...clock.rates(),
        divergedAtStep: p.divergedAtStep,
        readbacks,
        noiseShare: meter.share(),
      };
    },

    drain(playing) {
      const update: RunUpdate = { status: slot.status(playing), reset: resetPending, batchLosses, evals, events, noise };
      resetPending = false;
      noise = [];
      batchLosses = [];
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
