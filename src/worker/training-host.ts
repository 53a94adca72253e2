import { generateDataset, type Dataset } from '../engine/datasets';
import { uploadDataset, type DeviceDataset } from '../engine/device-data';
import type { BackendInfo, HostMessage, TrainingHostApi, WorkspaceSpec } from '../runtime/protocol';
import { contextLost, fallBackToCpu, liveTensorCount, selectBackend, watchContextLoss } from './backend';
import { modelView } from './model-view';
import { analyseGradients, createMatrixCache } from './gradient-analysis';
import { freshLatency, type ReadbackLatency } from './readback-latency';
import { createNoiseCostBook } from './noise-meter';
import { createRunSlot, type RunSlot, type RunSnapshot, type SlotContext } from './run-slot';
import { createEvaluationSchedule } from './evaluation-schedule';
import { createScheduler } from './scheduler';
import { messageOf } from '../runtime/error-message';

/** Wall-clock spacing of the page's updates and model views (ms); evaluations keep their own (evaluation-schedule). */
export const CADENCE = { flush: 100, view: 1000 } as const;

/** The training side of the app: owns tfjs, the dataset on the device and every run; talks through messages. */
export function createTrainingHost(inWorker: boolean): TrainingHostApi {
  let listener: (message: HostMessage) => void = () => undefined;
  let backend: BackendInfo | null = null;
  let spec: WorkspaceSpec | null = null;
  let experimentKey = '';
  let dataset: Dataset | null = null;
  let data: DeviceDataset | null = null;
  let slots: RunSlot[] = [];
  let generation = 0;
  // Bumped by every rebuild: one abandoned on a lost context finds it changed and leaves the runs alone.
  let builds = 0;
  let lastFlush = 0;
  let lastView = 0;
  let unwatchContext: () => void = () => undefined;
  let latency: ReadbackLatency | null = null;
  // Reset with the data: a measurement's cost depends on N.
  let noiseCosts = createNoiseCostBook();
  const matrices = createMatrixCache();
  const evaluations = createEvaluationSchedule(() => slots, contextLost);

  let disposed = false;
  const emit = (message: HostMessage) => {
    if (!disposed) listener(message);
  };
  const context = (): SlotContext => ({
    data: data!,
    model: spec!.experiment.model,
    momentum: spec!.experiment.momentum,
    dropLast: spec!.experiment.dropLast,
    seed: spec!.experiment.dataset.seed,
    // A readback from a lost context returns zeros: never keep that as a resume point.
    snapshotsWanted: () => backend?.name === 'webgl' && !contextLost(),
    readbackMs: () => latency?.ms ?? 0,
    noiseCosts,
  });

  const focusSlot = () => slots.find((s) => s.id === spec?.focusRunId && s.spec.enabled) ?? slots.find((s) => s.spec.enabled) ?? null;
  const runnable = () => slots.filter((s) => s.spec.enabled && s.trainer.progress.status === 'ok' && !s.finished());

  function flush(): void {
    lastFlush = performance.now();
    emit({ kind: 'metrics', generation, playing: scheduler.playing, updates: slots.map((s) => s.drain(scheduler.playing)) });
  }

  async function refreshView(): Promise<void> {
    lastView = performance.now();
    if (!dataset) return;
    const view = await modelView(dataset, slots, focusSlot());
    if (view) emit({ kind: 'view', generation, view });
  }

  function disposeAll(): void {
    matrices.clear();
    for (const slot of slots) slot.dispose();
    slots = [];
    data?.dispose();
    data = null;
  }

  /** Regenerates the data and recreates every run (all start again from step 0, or from `resume` snapshots). */
  async function rebuild(resume: Map<string, RunSnapshot> | null): Promise<void> {
    const build = ++builds;
    disposeAll();
    if (!resume) generation++;
    dataset = generateDataset(spec!.experiment.dataset);
    data = uploadDataset(dataset);
    noiseCosts = createNoiseCostBook();
    for (const run of spec!.runs) {
      const snapshot = resume?.get(run.id) ?? null;
      const slot = await createRunSlot(context(), run, spec!.stopAt, snapshot);
      if (build !== builds) return slot.dispose();
      slots.push(slot);
      // A run without a snapshot (a context lost while it was being built) starts afresh.
      if (!snapshot) await evaluations.evaluate(slot);
      if (!snapshot && spec!.noiseEveryMs !== null) await slot.measureNoise('initial');
    }
    evaluations.regroup();
    // Resumed runs skip the initial measurement (its point would go back in time): time one for the new backend's book.
    if (resume?.size && spec!.noiseEveryMs !== null) await slots.find((s) => s.spec.enabled && s.trainer.progress.status === 'ok')?.calibrateNoise();
    flush();
    await refreshView();
  }

  /** Brings the runs in line with the spec: new runs start, a changed batch size restarts that run. */
  async function syncRuns(next: WorkspaceSpec): Promise<void> {
    const build = builds;
    const kept: RunSlot[] = [];
    for (const run of next.runs) {
      const existing = slots.find((s) => s.id === run.id);
      if (existing && existing.spec.batchSize === run.batchSize) {
        existing.updateSpec(run);
        existing.setStop(next.stopAt);
        kept.push(existing);
        continue;
      }
      if (existing) {
        // Out of the list before it is freed, so a failure below never leaves a disposed run behind.
        slots = slots.filter((s) => s !== existing);
        existing.dispose();
      }
      const slot = await createRunSlot(context(), run, next.stopAt);
      if (build !== builds) return slot.dispose();
      kept.push(slot);
      slots = [...slots, slot];
      await slot.evaluate();
      if (next.noiseEveryMs !== null) await slot.measureNoise('initial');
    }
    for (const slot of slots) if (!kept.includes(slot)) slot.dispose();
    slots = kept;
    evaluations.regroup();
  }

  /** After a lost WebGL context: continue every run on the CPU from its last snapshot, keeping its history. */
  async function recoverOnCpu(resumePlaying: boolean): Promise<void> {
    if (disposed || backend?.name !== 'webgl') return;
    scheduler.pause();
    unwatchContext();
    const snapshots = new Map<string, RunSnapshot>();
    for (const slot of slots) {
      const saved = slot.lastSnapshot();
      if (saved) snapshots.set(slot.id, saved);
    }
    try {
      disposeAll();
    } catch {
      // The lost context's textures may refuse to be freed; they went with the context anyway.
      slots = [];
      data = null;
    }
    backend = { ...backend!, name: 'cpu', label: 'CPU', notice: 'The GPU (WebGL) context was lost. Training moved to the CPU and resumed each run from its last saved state.' };
    try {
      await fallBackToCpu();
      latency = await freshLatency(latency);
      emit({ kind: 'backend', info: backend });
      await rebuild(snapshots);
      if (resumePlaying) scheduler.play();
    } catch (error) {
      emit({ kind: 'problem', message: `The GPU context was lost and training could not move to the CPU: ${messageOf(error)}` });
    }
  }

  async function onChunkError(error: unknown): Promise<void> {
    if (backend?.name === 'webgl') {
      await recoverOnCpu(scheduler.playing);
      return;
    }
    scheduler.pause();
    emit({ kind: 'problem', message: `Training stopped: ${messageOf(error)}` });
    flush();
  }

  const scheduler = createScheduler({
    inWorker,
    runnable,
    speed: () => spec?.speed ?? 'fast',
    onBatch: (slot, indices) => {
      if (slot === focusSlot()) emit({ kind: 'batch', generation, runId: slot.id, indices });
    },
    afterChunk: async (slot) => {
      // Reads on a lost context return zeros rather than failing, so check before trusting this chunk's numbers.
      if (contextLost()) {
        await recoverOnCpu(scheduler.playing);
        return;
      }
      const now = performance.now();
      // Right after a readback the queue is idle: the moment to time a bare round trip.
      await latency?.maybeProbe(now);
      await evaluations.afterChunk(slot, now);
      const noiseEvery = spec?.noiseEveryMs ?? null;
      if (noiseEvery === null) slot.noiseLapsed();
      else if (slot.noiseDue(now, noiseEvery, spec?.speed === 'slow')) await slot.measureNoise(spec?.speed === 'slow' ? 'extra' : 'paced');
      // At Steady the page hears of a round only once it rests (beforeRest): drawn between blocks, its pictures
      // would share the device with every timed block, and no block would show the run's own speed.
      if (spec?.speed === 'steady') return;
      if (now - lastView >= CADENCE.view || spec?.speed === 'slow') await refreshView();
      if (now - lastFlush >= CADENCE.flush || spec?.speed === 'slow') flush();
    },
    beforeRest: async () => {
      if (performance.now() - lastView >= CADENCE.view) await refreshView();
      flush();
    },
    onIdle: async () => {
      for (const slot of slots) if (slot.spec.enabled && slot.needsEvaluation()) await evaluations.evaluate(slot);
      if (spec?.noiseEveryMs != null) for (const slot of slots) if (slot.spec.enabled && slot.noiseDue(0, 0, true)) await slot.measureNoise('extra');
      flush();
      await refreshView();
    },
    onError: onChunkError,
  });

  return {
    async start(preference, onMessage) {
      listener = onMessage;
      backend = await selectBackend(preference, inWorker);
      latency = await freshLatency(latency);
      unwatchContext = watchContextLoss(() => {
        if (backend?.name !== 'webgl') return;
        // A readback pending on the lost context never resolves: abandon it rather than wait behind it.
        const wasPlaying = scheduler.playing;
        void scheduler.abandon(() => recoverOnCpu(wasPlaying));
      });
      emit({ kind: 'backend', info: backend });
      return backend;
    },

    apply: (next) =>
      scheduler.exclusive(async () => {
        const key = JSON.stringify(next.experiment);
        const previous = spec;
        spec = next;
        if (key !== experimentKey || !previous) {
          experimentKey = key;
          await rebuild(null);
        } else {
          await syncRuns(next);
          flush();
          if (next.focusRunId !== previous.focusRunId || next.runs.length !== previous.runs.length) await refreshView();
        }
        if (runnable().length === 0) scheduler.pause();
        return generation;
      }),

    // Behind any restart already queued, so Play pressed mid-rebuild starts the rebuilt runs instead of none.
    play: () =>
      scheduler.exclusive(async () => {
        scheduler.play();
        return scheduler.playing;
      }),
    pause: () => scheduler.pause(),
    step: () => scheduler.stepOnce(),

    reset: () =>
      scheduler.exclusive(async () => {
        scheduler.pause();
        if (spec) await rebuild(null);
        return generation;
      }),

    resetRun: (id) =>
      scheduler.exclusive(async () => {
        const old = slots.find((s) => s.id === id);
        if (!old || !spec) return;
        // Out of the list before it is freed, so a failure below never leaves a disposed run behind.
        slots = slots.filter((s) => s !== old);
        old.dispose();
        const build = builds;
        const fresh = await createRunSlot(context(), old.spec, spec.stopAt);
        if (build !== builds) return fresh.dispose();
        slots = [...slots, fresh].sort((a, b) => spec!.runs.findIndex((r) => r.id === a.id) - spec!.runs.findIndex((r) => r.id === b.id));
        await fresh.evaluate();
        evaluations.regroup();
        if (spec.noiseEveryMs !== null) await fresh.measureNoise('initial');
        flush();
      }),

    // Under the lock: training waits while the matrix is built and taken apart (its numbers are of one step).
    analyseGradients: (runId, cloudBatchSize) =>
      scheduler.exclusive(async () => {
        const slot = slots.find((s) => s.id === runId);
        if (!slot || !spec || !data || slot.trainer.progress.status !== 'ok') return null;
        return analyseGradients({ id: slot.id, trainer: slot.trainer, n: data.train.count, seed: spec.experiment.dataset.seed }, matrices, cloudBatchSize);
      }),

    // Under the lock: between chunks, the loader's position and the recent losses are of the same step.
    loaderState: (runId) =>
      scheduler.exclusive(async () => {
        const slot = slots.find((s) => s.id === runId);
        return slot ? slot.loaderSnapshot() : null;
      }),

    // Under the lock, so the count never catches a rebuild or a model view half done.
    tensorCount: () => scheduler.exclusive(async () => liveTensorCount()),

    dispose() {
      disposed = true;
      unwatchContext();
      void scheduler.abandon(async () => {
        disposeAll();
        latency?.dispose();
      });
    },
  };
}
