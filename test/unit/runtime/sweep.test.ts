import { beforeEach, describe, expect, it } from 'vitest';
import { pointFromBlocks } from '../../../src/engine/throughput';
import type { BackendSweep, SweepHostApi, SweepProgress, SweepRequest } from '../../../src/runtime/protocol';
import { startSweep } from '../../../src/runtime/sweep-controller';
import { runSweep, type SweepWorker } from '../../../src/runtime/sweep-runner';
import { useMetricsStore } from '../../../src/store/metrics-store';
import { initialSettings, useSettingsStore } from '../../../src/store/settings-store';
import { useSweepStore } from '../../../src/store/sweep-store';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fake sweep workers: each reports its sizes `everyMs` apart; `log` records spawns, runs and terminations. */
function fakeWorkers(everyMs = 5, failFor: string | null = null) {
  const log: string[] = [];
  let count = 0;
  const spawn = (): SweepWorker => {
    const id = ++count;
    let terminated = false;
    log.push(`spawn ${id}`);
    const host: SweepHostApi = {
      async run(request: SweepRequest, onProgress: (p: SweepProgress) => void): Promise<BackendSweep> {
        log.push(`run ${id} ${request.backend}`);
        if (request.backend === failFor) throw new Error('the worker script failed');
        const points = [];
        for (const [i, b] of request.batchSizes.entries()) {
          await sleep(everyMs);
          if (terminated) return new Promise<never>(() => undefined);
          const point = pointFromBlocks(b, 1, [1 + b / 100], { peakBytes: 1000 + 10 * b, stepBytes: 10 * b });
          points.push(point);
          onProgress({ backend: request.backend, point, done: i + 1, total: request.batchSizes.length });
        }
        return { backend: request.backend, label: request.backend.toUpperCase(), points, stop: null, unavailable: null };
      },
    };
    return {
      host,
      terminate: () => {
        terminated = true;
        log.push(`terminate ${id}`);
      },
    };
  };
  return { spawn, log };
}

const request = (backend: SweepRequest['backend']): SweepRequest => ({
  backend,
  dataset: { name: 'moons', n: 8, noise: 0.2, testShare: 0.25, seed: 1 },
  model: { kind: 'linear' },
  batchSizes: [1, 2, 4, 8],
});
const silent = { onBackendStart: () => undefined, onProgress: () => undefined, onBackendDone: () => undefined };

describe('the sweep runner', () => {
  it('runs one backend at a time, each in a fresh worker that is ended after it', async () => {
    const workers = fakeWorkers();
    const sweep = runSweep([request('cpu'), request('webgl')], silent, workers.spawn);
    const { cancelled, results } = await sweep.done;
    expect(cancelled).toBe(false);
    expect(results.map((r) => r.backend)).toEqual(['cpu', 'webgl']);
    expect(workers.log).toEqual(['spawn 1', 'run 1 cpu', 'terminate 1', 'spawn 2', 'run 2 webgl', 'terminate 2']);
  });

  it('ends the current worker at once on cancel and starts no other', async () => {
    const workers = fakeWorkers(20);
    const progress: SweepProgress[] = [];
    const sweep = runSweep([request('cpu'), request('webgl')], { ...silent, onProgress: (p) => progress.push(p) }, workers.spawn);
    await sleep(50);
    sweep.cancel();
    const { cancelled, results } = await sweep.done;
    expect(cancelled).toBe(true);
    expect(results).toEqual([]);
    expect(workers.log).toEqual(['spawn 1', 'run 1 cpu', 'terminate 1']);
    const heard = progress.length;
    await sleep(100);
    expect(progress.length).toBe(heard);
  });

  it('reports every backend as not timed, with why, where no worker can start (no Web Workers)', async () => {
    const noWorkers = () => {
      throw new ReferenceError('Worker is not defined');
    };
    const { cancelled, results } = await runSweep([request('cpu'), request('webgl')], silent, noWorkers).done;
    expect(cancelled).toBe(false);
    expect(results.map((r) => r.unavailable)).toEqual(['its worker failed (Worker is not defined)', 'its worker failed (Worker is not defined)']);
  });

  it('reports a backend whose worker failed as unavailable, with why, and carries on', async () => {
    const workers = fakeWorkers(1, 'wasm');
    const { results } = await runSweep([request('wasm'), request('cpu')], silent, workers.spawn).done;
    expect(results[0]).toMatchObject({ backend: 'wasm', points: [], unavailable: 'its worker failed (the worker script failed)' });
    expect(results[1]!.points).toHaveLength(4);
  });
});

describe('starting a sweep from the workspace', () => {
  const training = () => {
    const calls: string[] = [];
    return { calls, controls: { play: () => void calls.push('play'), pause: () => void calls.push('pause') } };
  };
  beforeEach(() => {
    useSettingsStore.setState(initialSettings('cpu'));
    useSweepStore.setState({ running: false, current: null, kept: [], progress: null, cancel: null, offers: null });
    useSweepStore.getState().setOptions({ backends: ['cpu', 'webgl'], largest: 256, width: 256 });
    useMetricsStore.setState({ playing: true, starting: false });
  });

  it('pauses training, sends every chosen backend the same sized model and dataset, keeps results as they land, and resumes', async () => {
    const seen: SweepRequest[] = [];
    const workers = fakeWorkers();
    const { calls, controls } = training();
    const sweep = startSweep(controls, (requests, listener) => {
      seen.push(...requests);
      return runSweep(requests, listener, workers.spawn);
    })!;
    expect(calls).toEqual(['pause']);
    expect(useSweepStore.getState().running).toBe(true);
    expect(seen.map((r) => r.backend)).toEqual(['cpu', 'webgl']);
    expect(seen[0]!.batchSizes).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256]);
    expect(seen[0]!.dataset).toMatchObject({ name: 'moons', n: 256, seed: useSettingsStore.getState().experiment.seed });
    expect(seen[0]!.model).toEqual({ kind: 'mlp', hidden: [256, 256], activation: useSettingsStore.getState().experiment.activation });
    await sleep(30);
    expect(useSweepStore.getState().current!.backends[0]!.points.length).toBeGreaterThan(0);
    await sweep.done;
    await sleep(0);
    const { current, running, progress } = useSweepStore.getState();
    expect(running).toBe(false);
    expect(progress).toBeNull();
    expect(current!.backends.map((b) => b.points.length)).toEqual([9, 9]);
    expect(current!.title).toBe('hidden 256×2, moons, N = 256');
    expect(calls).toEqual(['pause', 'play']);
  });

  it('keeps what was measured when cancelled, marks the sweep cancelled, and resumes training', async () => {
    const workers = fakeWorkers(15);
    const { calls, controls } = training();
    const sweep = startSweep(controls, (requests, listener) => runSweep(requests, listener, workers.spawn))!;
    await sleep(50);
    useSweepStore.getState().cancel!();
    await sweep.done;
    await sleep(0);
    const { current, running } = useSweepStore.getState();
    expect(running).toBe(false);
    expect(current!.cancelled).toBe(true);
    expect(current!.backends.map((b) => b.backend)).toEqual(['cpu']);
    expect(current!.backends[0]!.points.length).toBeGreaterThan(0);
    expect(calls).toEqual(['pause', 'play']);
  });

  it('does not resume training that was not playing, and starts nothing while a sweep runs or with no backend chosen', async () => {
    useMetricsStore.setState({ playing: false, starting: false });
    const workers = fakeWorkers();
    const { calls, controls } = training();
    const run = (requests: readonly SweepRequest[], listener: Parameters<typeof runSweep>[1]) => runSweep(requests, listener, workers.spawn);
    const first = startSweep(controls, run)!;
    expect(startSweep(controls, run)).toBeNull();
    await first.done;
    await sleep(0);
    expect(calls).toEqual([]);
    useSweepStore.getState().setOptions({ backends: [] });
    expect(startSweep(controls, run)).toBeNull();
  });

  it('skips backends this browser does not offer', () => {
    useSweepStore.getState().setOffers([
      { backend: 'cpu', available: true, reason: null },
      { backend: 'webgl', available: false, reason: 'no WebGL' },
    ]);
    const seen: SweepRequest[] = [];
    const sweep = startSweep(training().controls, (requests, listener) => {
      seen.push(...requests);
      return runSweep(requests, listener, fakeWorkers().spawn);
    });
    expect(seen.map((r) => r.backend)).toEqual(['cpu']);
    sweep!.cancel();
  });
});
