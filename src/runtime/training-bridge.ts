import { runSeries, type RunSeries } from '../store/chart-series';
import { throughputSeries, type ThroughputSeries } from '../store/throughput-series';
import { noiseSeries, type NoiseSeries } from '../store/noise-series';
import { parameterPath, type PathPoint } from '../store/parameter-path';
import { compareAtEqualX, repeatsSoFar, runsToCompare } from '../store/comparison';
import { createMetricsHistory, type RunHistory } from '../store/metrics-history';
import { useMetricsStore } from '../store/metrics-store';
import { whyNothingCanTrain } from '../store/play-blockers';
import { runReadings } from '../store/run-readings';
import { repeatedRuns, runLabels, toWorkspaceSpec } from '../store/run-settings';
import { useSettingsStore } from '../store/settings-store';
import { useUiStore } from '../store/ui-store';
import { connectHost, type HostConnection } from './host-connection';
import type { GradientAnalysis, HostMessage, LoaderSnapshot } from './protocol';
import { messageOf } from './error-message';

/** The controls the UI has over training. */
export interface TrainingControls {
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  /** Starts one run again from step 0; the others carry on. */
  resetRun(runId: string): void;
  /** Keeps a run's current curve, faded, as a reference. */
  pin(runId: string): void;
  clearPins(): void;
  /** Every run's whole measured history (for export, and for the end-to-end tests). */
  exportHistory(): Record<string, RunHistory>;
  /** One run's gradients taken apart at its current parameters; null when there is no such run (or no host). */
  analyseGradients(runId: string, cloudBatchSize: number): Promise<GradientAnalysis | null>;
  loaderState(runId: string): Promise<LoaderSnapshot | null>;
  loseContextForTest(): Promise<boolean>;
  tensorCount(): Promise<number>;
  dispose(): void;
}

// The UI store gets new chart data at most this often (4 Hz, under the 5 Hz ceiling).
const PUBLISH_INTERVAL_MS = 250;
// The noise views and the landscape paths get new data at most this often while training: their charts cost more
// to draw than the loss chart, and noise is measured about twice a second per run anyway.
const SLOW_PUBLISH_MS = 1000;
// Slider drags settle before the host rebuilds anything.
const APPLY_DEBOUNCE_MS = 120;

/** Connects the stores to a training host: settings flow in, measurements flow out. */
export function startTrainingBridge(connect: typeof connectHost = connectHost): TrainingControls {
  const history = createMetricsHistory();
  let connection: HostConnection | null = null;
  let connecting: Promise<void> | null = null;
  let publishTimer: ReturnType<typeof setTimeout> | null = null;
  let applyTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  // Measurements of generations before this one belong to runs a restart has replaced.
  let staleBefore = 0;
  // Settings that restart the runs are not yet answered by the host: which generation will be theirs is unknown, so no
  // run's numbers are shown (at start-up the first generation may already be out of date).
  let restartPending = true;
  // The whole spec the host was last given, to tell whether the settings have changed since.
  let appliedKey = '';
  const currentSpec = () => toWorkspaceSpec(useSettingsStore.getState());
  const settingsChangedSinceApply = () => appliedKey !== JSON.stringify(currentSpec());
  let slowPublished = { at: Number.NEGATIVE_INFINITY, key: '' };
  const publish = () => {
    publishTimer = null;
    // The old runs stay hidden while a restart is on its way.
    if (restartPending || staleBefore > history.generation) return;
    const { xAxis, logY } = useUiStore.getState();
    const series: Record<string, RunSeries> = {};
    const now = performance.now();
    const { playing } = useMetricsStore.getState();
    const slowKey = `${history.generation}|${xAxis}|${[...history.runs().keys()].join(',')}`;
    const beatDue = playing && useSettingsStore.getState().speed !== 'slow' && slowKey === slowPublished.key && now - slowPublished.at >= SLOW_PUBLISH_MS;
    const slowDue = beatDue || !playing || useSettingsStore.getState().speed === 'slow' || slowKey !== slowPublished.key;
    if (slowDue) slowPublished = { at: now, key: slowKey };
    const noise: Record<string, NoiseSeries> = slowDue ? {} : useMetricsStore.getState().noise;
    const paths: Record<string, PathPoint[]> = slowDue ? {} : useMetricsStore.getState().paths;
    const throughput: Record<string, ThroughputSeries> = slowDue ? {} : useMetricsStore.getState().throughput;
    const enabled = new Set(useSettingsStore.getState().runs.filter((r) => r.enabled).map((r) => r.id));
    for (const [id, run] of history.runs()) {
      series[id] = runSeries(run, xAxis, logY, run.status.batchSize >= useSettingsStore.getState().experiment.n);
      if (slowDue) {
        noise[id] = noiseSeries(run.noise, xAxis);
        paths[id] = parameterPath(run.evals);
        throughput[id] = throughputSeries(run.throughput, xAxis);
      }
    }
    const repeats = repeatsSoFar(repeatedRuns(useSettingsStore.getState()), history.runs());
    const comparison = compareAtEqualX(runsToCompare(history.runs(), enabled, repeats), xAxis);
    const noiseReach = slowDue ? Math.max(0, ...Object.values(series).flatMap((s) => [s.loss.at(-1)?.x ?? 0, s.band.at(-1)?.x ?? 0])) : useMetricsStore.getState().noiseReach;
    // On the once-a-second beat the loss chart keeps its data until the next publish: redrawing it and the noise charts
    // in one frame made that frame the page's longest task.
    const shownSeries = beatDue ? useMetricsStore.getState().series : series;
    useMetricsStore.setState({ series: shownSeries, noise, noiseReach, paths, throughput, ...runReadings(history.runs()), comparison, repeats, generation: history.generation });
  };
  const schedulePublish = () => {
    publishTimer ??= setTimeout(publish, PUBLISH_INTERVAL_MS);
  };

  /** A restart is on its way: show no numbers of the old runs while the new ones warm up (the history stays until then). */
  const hideOldRuns = () => {
    staleBefore = Math.max(staleBefore, history.generation + 1);
    restartPending = true;
    if (publishTimer) clearTimeout(publishTimer);
    publishTimer = null;
    useMetricsStore.setState({ series: {}, noise: {}, paths: {}, throughput: {}, statuses: {}, latest: {}, health: {}, trouble: {}, comparison: null, repeats: {}, view: null, batch: null });
  };
  /** The host's generation after the latest settings landed: show that one (the old one again if it did not restart). */
  const settleIfCurrent = (generation: number) => {
    if (settingsChangedSinceApply()) return;
    restartPending = false;
    staleBefore = generation;
    publish();
  };
  const applyCurrent = async (host: HostConnection['host']) => {
    const spec = currentSpec();
    appliedKey = JSON.stringify(spec);
    settleIfCurrent(await host.apply(spec));
  };

  let attempt = 0;
  // Pauses sent but not yet confirmed: until then the host's reports still say "playing", and the button must not.
  let pausesInFlight = 0;
  const onMessage = (from: number) => (message: HostMessage) => {
    // Messages from a connection that has since been replaced (a backend switch) are stale.
    if (disposed || from !== attempt) return;
    if ('generation' in message && message.generation < staleBefore) return;
    switch (message.kind) {
      case 'metrics':
        history.ingest(message.generation, message.updates);
        if (pausesInFlight === 0) useMetricsStore.setState({ playing: message.playing });
        schedulePublish();
        break;
      case 'batch':
        useMetricsStore.setState({ batch: { runId: message.runId, indices: message.indices } });
        break;
      case 'view':
        useMetricsStore.setState({ view: message.view });
        break;
      case 'backend':
        useMetricsStore.setState({ backend: message.info });
        if (message.info.notice) useUiStore.getState().notify({ id: 'backend', text: message.info.notice, tone: 'warning' });
        break;
      case 'problem':
        useUiStore.getState().notify({ id: 'problem', text: message.message, tone: 'error' });
        break;
    }
  };

  const apply = async () => {
    applyTimer = null;
    await connecting;
    if (!connection || disposed) return;
    try {
      await applyCurrent(connection.host);
    } catch (error) {
      // Show what the host has rather than nothing at all.
      restartPending = false;
      publish();
      useUiStore.getState().notify({ id: 'problem', text: `The new settings could not be applied: ${messageOf(error)}`, tone: 'error' });
    }
  };
  const scheduleApply = () => {
    if (applyTimer) clearTimeout(applyTimer);
    applyTimer = setTimeout(() => void apply(), APPLY_DEBOUNCE_MS);
  };

  /** Asks the host to train; the button says "Starting…" until the host has queued past any restart. */
  const startPlaying = async (host: HostConnection['host']) => {
    useMetricsStore.setState({ starting: true });
    try {
      const playing = await host.play();
      if (playing) useUiStore.getState().dismiss('play');
      if (useMetricsStore.getState().starting) useMetricsStore.setState({ playing, starting: false });
      // Pause was pressed while this start waited its turn: honour it.
      else if (playing) host.pause();
    } catch (error) {
      useMetricsStore.setState({ starting: false });
      useUiStore.getState().notify({ id: 'problem', text: `Training could not start: ${messageOf(error)}`, tone: 'error' });
    }
  };

  const reconnect = () => {
    // A backend switch restarts the runs; like every other restart it keeps playing if it was playing.
    const resume = useMetricsStore.getState().playing || useMetricsStore.getState().starting;
    connection?.close();
    connection = null;
    const mine = ++attempt;
    // A new host counts generations from scratch.
    staleBefore = 0;
    restartPending = true;
    history.clear();
    useMetricsStore.setState({ playing: false, starting: resume, backend: null, series: {}, noise: {}, paths: {}, statuses: {}, latest: {}, health: {}, trouble: {}, comparison: null, view: null, batch: null });
    connecting = (async () => {
      try {
        const next = await connect(useSettingsStore.getState().backend, onMessage(mine));
        // A later switch has started its own connection: this one is no longer wanted.
        if (disposed || mine !== attempt) {
          next.close();
          return;
        }
        connection = next;
        useMetricsStore.setState({ backend: next.info });
        // The connection may add to the host's own notice (e.g. no Web Workers): show the whole of it.
        if (next.info.notice) useUiStore.getState().notify({ id: 'backend', text: next.info.notice, tone: 'warning' });
        // Settings changed while the first runs were being built go to the host before Play: the old ones never train.
        do await applyCurrent(next.host);
        while (settingsChangedSinceApply() && mine === attempt && !disposed);
        if (useMetricsStore.getState().starting && mine === attempt) await startPlaying(next.host);
      } catch (error) {
        if (mine === attempt) {
          useMetricsStore.setState({ starting: false });
          useUiStore.getState().notify({ id: 'problem', text: `Training could not start: ${messageOf(error)}`, tone: 'error' });
        }
      }
    })();
  };

  const experimentKey = (state: ReturnType<typeof useSettingsStore.getState>) => JSON.stringify(toWorkspaceSpec(state).experiment);
  const unsubscribeSettings = useSettingsStore.subscribe((state, previous) => {
    if (state.backend !== previous.backend) reconnect();
    else {
      if (experimentKey(state) !== experimentKey(previous)) hideOldRuns();
      scheduleApply();
    }
  });
  const unsubscribeUi = useUiStore.subscribe((state, previous) => {
    if (state.xAxis !== previous.xAxis || state.logY !== previous.logY) publish();
  });
  reconnect();

  /** Runs `action` once the host is connected and has the latest settings; the promise settles after it. */
  const withHost = (action: (c: HostConnection) => void | Promise<void>): Promise<void> =>
    (async () => {
      await connecting;
      if (applyTimer) {
        clearTimeout(applyTimer);
        await apply();
      }
      if (connection) await action(connection);
    })();

  return {
    play() {
      const blocked = whyNothingCanTrain(useSettingsStore.getState().runs, useMetricsStore.getState().statuses);
      if (blocked) {
        useUiStore.getState().notify({ id: 'play', text: blocked, tone: 'info' });
        return;
      }
      useMetricsStore.setState({ starting: true });
      // Unless Pause or Reset called it off meanwhile, or the connection's own start already played.
      void withHost((c) => (useMetricsStore.getState().starting ? startPlaying(c.host) : undefined));
    },
    pause() {
      // The button shows the pause at once; the host's reports catch up when it has stopped between chunks.
      useMetricsStore.setState({ starting: false, playing: false });
      pausesInFlight++;
      void withHost((c) => c.host.pause()).finally(() => pausesInFlight--);
    },
    step: () => withHost((c) => void c.host.step()),
    reset() {
      // Paused at once: a Play waiting for its start is called off; reports from before the host paused are not heeded.
      useMetricsStore.setState({ starting: false, playing: false });
      hideOldRuns();
      pausesInFlight++;
      void withHost(async (c) => settleIfCurrent(await c.host.reset())).finally(() => pausesInFlight--);
    },
    resetRun(runId) {
      // Its old state goes at once: Play pressed before the fresh run reports must not read it as still diverged.
      useMetricsStore.setState((s) => ({ statuses: Object.fromEntries(Object.entries(s.statuses).filter(([id]) => id !== runId)) }));
      withHost((c) => c.host.resetRun(runId));
    },
    pin(runId) {
      const run = history.runs().get(runId);
      const setting = useSettingsStore.getState().runs.find((r) => r.id === runId);
      if (!run || !setting || run.evals.length < 2) return;
      const settings = useSettingsStore.getState();
      const label = `${runLabels(settings.runs, settings.experiment.n)[runId]}, lr ${run.status.lr.toPrecision(3)} (pinned)`;
      const pinned = { id: `${runId}-${Date.now()}`, label, colour: setting.colour, evals: run.evals };
      useMetricsStore.setState((s) => ({ pinned: [...s.pinned.slice(-3), pinned] }));
    },
    clearPins: () => useMetricsStore.setState({ pinned: [] }),
    exportHistory: () => Object.fromEntries(history.runs()),
    loseContextForTest: async () => (connection ? connection.loseContextForTest() : false),
    tensorCount: async () => (connection ? connection.host.tensorCount() : 0),
    analyseGradients: async (runId, cloudBatchSize) => (connection ? connection.host.analyseGradients(runId, cloudBatchSize) : null),
    loaderState: async (runId) => (connection ? connection.host.loaderState(runId) : null),
    dispose() {
      disposed = true;
      unsubscribeSettings();
      unsubscribeUi();
      if (publishTimer) clearTimeout(publishTimer);
      if (applyTimer) clearTimeout(applyTimer);
      connection?.close();
    },
  };
}
