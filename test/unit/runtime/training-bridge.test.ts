import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostConnection } from '../../../src/runtime/host-connection';
import type { HostMessage, RunUpdate, TrainingHostApi, WorkspaceSpec } from '../../../src/runtime/protocol';
import { startTrainingBridge, type TrainingControls } from '../../../src/runtime/training-bridge';
import { useMetricsStore } from '../../../src/store/metrics-store';
import { initialSettings, useSettingsStore } from '../../../src/store/settings-store';
import { status } from '../../component/fixtures';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A host that restarts (new generation) when the experiment changes and whose play() waits for `release`; with
 * `slowFirstApply` its first apply (building the first runs at start-up) waits for `finishFirstApply`; with
 * `slowPause` its pause() waits for `releasePause` (the host stops between chunks).
 */
function fakeHost({ slowFirstApply = false, slowPause = false } = {}) {
  let listener: (m: HostMessage) => void = () => undefined;
  let generation = 0;
  let key = '';
  let release: (() => void) | null = null;
  let releasePause: (() => void) | null = null;
  let finishFirst: (() => void) | null = null;
  const firstApplyDone = slowFirstApply ? new Promise<void>((resolve) => (finishFirst = resolve)) : Promise.resolve();
  const calls: string[] = [];
  const update = (step: number): RunUpdate => ({ status: status({ id: 'mini', step }), reset: false, batchLosses: [], evals: [], events: [], noise: [] });
  const host: TrainingHostApi = {
    start: async () => ({ name: 'cpu', label: 'CPU', notice: null, inWorker: true }),
    async apply(spec: WorkspaceSpec) {
      const next = JSON.stringify(spec.experiment);
      if (next !== key) {
        key = next;
        generation++;
      }
      calls.push(`apply ${generation} n=${spec.experiment.dataset.n}`);
      if (generation === 1) await firstApplyDone;
      return generation;
    },
    play: () =>
      new Promise<boolean>((resolve) => {
        calls.push('play');
        release = () => resolve(true);
      }),
    pause: () => {
      calls.push('pause');
      if (slowPause) return new Promise<void>((resolve) => (releasePause = resolve));
    },
    step: async () => undefined,
    reset: async () => {
      calls.push('reset');
      return ++generation;
    },
    resetRun: async () => undefined,
    tensorCount: async () => 0,
    analyseGradients: async () => null,
    loaderState: async () => null,
    dispose: () => undefined,
  };
  const connect = async (_preference: unknown, onMessage: (m: HostMessage) => void): Promise<HostConnection> => {
    listener = onMessage;
    return { host, info: { name: 'cpu', label: 'CPU', notice: null, inWorker: true }, loseContextForTest: async () => false, close: () => undefined };
  };
  return {
    connect,
    calls,
    send: (gen: number, step: number, playing = false) => listener({ kind: 'metrics', generation: gen, playing, updates: [update(step)] }),
    get generation() {
      return generation;
    },
    releasePlay: () => release?.(),
    releasePause: () => releasePause?.(),
    finishFirstApply: () => finishFirst?.(),
  };
}

/** A bridge on `host`, playing: Play pressed and the host's start released. */
async function playingBridge(host: ReturnType<typeof fakeHost>): Promise<TrainingControls> {
  const bridge = startTrainingBridge(host.connect);
  await sleep(20);
  bridge.play();
  await sleep(20);
  host.releasePlay();
  await sleep(10);
  expect(useMetricsStore.getState().playing).toBe(true);
  return bridge;
}

describe('training bridge', () => {
  let bridge: TrainingControls;
  beforeEach(() => {
    useSettingsStore.setState(initialSettings());
    useMetricsStore.setState({ playing: false, starting: false, statuses: {}, series: {}, noise: {}, paths: {}, latest: {}, health: {}, trouble: {}, comparison: null });
  });
  afterEach(() => bridge?.dispose());

  it('hides the old runs’ numbers at once when the experiment changes, and ignores their late messages', async () => {
    const host = fakeHost();
    bridge = startTrainingBridge(host.connect);
    await sleep(20);
    host.send(1, 40);
    await sleep(300);
    expect(useMetricsStore.getState().statuses.mini?.step).toBe(40);
    useSettingsStore.getState().setExperiment({ n: 1024 });
    expect(useMetricsStore.getState().statuses).toEqual({});
    // A message the old runs sent before the restart reached the host.
    host.send(1, 41);
    await sleep(300);
    expect(useMetricsStore.getState().statuses).toEqual({});
    host.send(2, 0);
    await sleep(300);
    expect(useMetricsStore.getState().statuses.mini?.step).toBe(0);
  });

  it('shows the runs again when a change turns out not to restart them (changed and changed back)', async () => {
    const host = fakeHost();
    bridge = startTrainingBridge(host.connect);
    await sleep(20);
    host.send(1, 40);
    await sleep(300);
    useSettingsStore.getState().setExperiment({ n: 1024 });
    useSettingsStore.getState().setExperiment({ n: 512 });
    await sleep(300);
    expect(host.generation).toBe(1);
    expect(useMetricsStore.getState().statuses.mini?.step).toBe(40);
  });

  it('says Starting… until the host has started, after the pending settings were applied', async () => {
    const host = fakeHost();
    bridge = startTrainingBridge(host.connect);
    await sleep(20);
    useSettingsStore.getState().setExperiment({ dataset: 'line' });
    bridge.play();
    expect(useMetricsStore.getState().starting).toBe(true);
    await sleep(50);
    // The debounced change went to the host before Play did.
    expect(host.calls.slice(-2)).toEqual(['apply 2 n=512', 'play']);
    expect(useMetricsStore.getState().starting).toBe(true);
    host.releasePlay();
    await sleep(10);
    expect(useMetricsStore.getState()).toMatchObject({ starting: false, playing: true });
  });

  it('shows a pause at once, and keeps showing it while the host’s last reports from before it still say playing', async () => {
    const host = fakeHost({ slowPause: true });
    bridge = await playingBridge(host);
    bridge.pause();
    expect(useMetricsStore.getState()).toMatchObject({ starting: false, playing: false });
    host.send(1, 40, true);
    await sleep(20);
    expect(useMetricsStore.getState().playing).toBe(false);
    host.releasePause();
    await sleep(10);
    host.send(1, 41, false);
    expect(useMetricsStore.getState().playing).toBe(false);
    // Once the pause is confirmed, the host's reports rule again (a later Play).
    host.send(1, 42, true);
    expect(useMetricsStore.getState().playing).toBe(true);
  });

  it('shows Play at once when Reset is pressed while training, whatever the host reported before it paused', async () => {
    const host = fakeHost();
    bridge = await playingBridge(host);
    bridge.reset();
    expect(useMetricsStore.getState().playing).toBe(false);
    host.send(1, 40, true);
    expect(useMetricsStore.getState().playing).toBe(false);
  });

  it('calls off a Play still waiting for its start when Reset is pressed: the runs stay paused', async () => {
    const host = fakeHost({ slowFirstApply: true });
    bridge = startTrainingBridge(host.connect);
    await sleep(20);
    bridge.play();
    expect(useMetricsStore.getState().starting).toBe(true);
    bridge.reset();
    expect(useMetricsStore.getState().starting).toBe(false);
    host.finishFirstApply();
    await sleep(50);
    expect(host.calls).toContain('reset');
    expect(host.calls).not.toContain('play');
    expect(useMetricsStore.getState()).toMatchObject({ starting: false, playing: false });
  });

  it('at start-up, applies a change made while the first runs are built before Play, and never shows those runs', async () => {
    const host = fakeHost({ slowFirstApply: true });
    bridge = startTrainingBridge(host.connect);
    await sleep(20);
    useSettingsStore.getState().setExperiment({ n: 65536 });
    bridge.play();
    // The first runs (N = 512) report while they are built, as the host's rebuild does.
    host.send(1, 0);
    await sleep(300);
    expect(useMetricsStore.getState().statuses).toEqual({});
    host.finishFirstApply();
    await sleep(50);
    expect(host.calls).toEqual(['apply 1 n=512', 'apply 2 n=65536', 'play']);
    expect(useMetricsStore.getState().statuses).toEqual({});
    host.send(2, 0);
    await sleep(300);
    expect(useMetricsStore.getState().statuses.mini?.step).toBe(0);
  });

  it('after Reset shows the new runs only, and nothing of the old ones sent late', async () => {
    const host = fakeHost();
    bridge = startTrainingBridge(host.connect);
    await sleep(20);
    host.send(1, 40);
    await sleep(300);
    bridge.reset();
    expect(useMetricsStore.getState().statuses).toEqual({});
    host.send(1, 41);
    await sleep(300);
    expect(host.calls.at(-1)).toBe('reset');
    expect(useMetricsStore.getState().statuses).toEqual({});
    host.send(2, 0);
    await sleep(300);
    expect(useMetricsStore.getState().statuses.mini?.step).toBe(0);
  });

  it('while playing, never hands the loss chart and the noise views new data in the same update', async () => {
    const host = fakeHost();
    bridge = startTrainingBridge(host.connect);
    await sleep(20);
    bridge.play();
    await sleep(20);
    host.releasePlay();
    // The run appears (a new key: everything is published at once) before the measured stretch.
    host.send(host.generation, 0, true);
    await sleep(300);
    const updates: { series: boolean; noise: boolean }[] = [];
    const unsubscribe = useMetricsStore.subscribe((next, previous) => updates.push({ series: next.series !== previous.series, noise: next.noise !== previous.noise }));
    for (let step = 1; step <= 25; step++) {
      host.send(host.generation, step, true);
      await sleep(100);
    }
    unsubscribe();
    expect(updates.filter((u) => u.series).length).toBeGreaterThanOrEqual(6);
    expect(updates.filter((u) => u.noise).length).toBeGreaterThanOrEqual(1);
    expect(updates.filter((u) => u.series && u.noise)).toEqual([]);
  });
});
