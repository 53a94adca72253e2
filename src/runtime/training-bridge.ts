import { runSeries, type RunSeries } from '../store/chart-series';
import { compareAtEqualX } from '../store/comparison';
import { createMetricsHistory, type RunHistory } from '../store/metrics-history';
import { useMetricsStore } from '../store/metrics-store';
import { runLabel, toWorkspaceSpec } from '../store/run-settings';
import { useSettingsStore } from '../store/settings-store';
import { useUiStore } from '../store/ui-store';
import { connectHost, type HostConnection } from './host-connection';
import type { EvalPoint, HostMessage, RunStatus } from './protocol';

/** The controls the UI has over training. */
export interface TrainingControls {
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  /** Keeps a run's current curve, faded, as a reference. */
  pin(runId: string): void;
  clearPins(): void;
  /** Every run's whole measured history (for export, and for the end-to-end tests). */
  exportHistory(): Record<string, RunHistory>;
  loseContextForTest(): Promise<boolean>;
  tensorCount(): Promise<number>;
  dispose(): void;
}

// The UI store gets new chart data at most this often (4 Hz, under the 5 Hz ceiling).
const PUBLISH_INTERVAL_MS = 250;
// Slider drags settle before the host rebuilds anything.
const APPLY_DEBOUNCE_MS = 120;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Connects the stores to a training host: settings flow in, measurements flow out. */
export function startTrainingBridge(connect: typeof connectHost = connectHost): TrainingControls {
  const history = createMetricsHistory();
  let connection: HostConnection | null = null;
  let connecting: Promise<void> | null = null;
  let publishTimer: ReturnType<typeof setTimeout> | null = null;
  let applyTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  const publish = () => {
    publishTimer = null;
    const { xAxis, logY } = useUiStore.getState();
    const series: Record<string, RunSeries> = {};
    const statuses: Record<string, RunStatus> = {};
    const latest: Record<string, EvalPoint> = {};
    const enabled = new Set(useSettingsStore.getState().runs.filter((r) => r.enabled).map((r) => r.id));
    for (const [id, run] of history.runs()) {
      series[id] = runSeries(run, xAxis, logY);
      statuses[id] = run.status;
      const last = run.evals[run.evals.length - 1];
      if (last) latest[id] = last;
    }
    const compared = [...history.runs()].filter(([id]) => enabled.has(id)).map(([id, run]) => ({ id, evals: run.evals }));
    const comparison = compareAtEqualX(compared, xAxis);
    useMetricsStore.setState({ series, statuses, latest, comparison, generation: history.generation });
  };
  const schedulePublish = () => {
    publishTimer ??= setTimeout(publish, PUBLISH_INTERVAL_MS);
  };

  let attempt = 0;
  const onMessage = (from: number) => (message: HostMessage) => {
    // Messages from a connection that has since been replaced (a backend switch) are stale.
    if (disposed || from !== attempt) return;
    switch (message.kind) {
      case 'metrics':
        history.ingest(message.generation, message.updates);
        useMetricsStore.setState({ playing: message.playing });
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
      await connection.host.apply(toWorkspaceSpec(useSettingsStore.getState()));
    } catch (error) {
      useUiStore.getState().notify({ id: 'problem', text: `The new settings could not be applied: ${messageOf(error)}`, tone: 'error' });
    }
  };
  const scheduleApply = () => {
    if (applyTimer) clearTimeout(applyTimer);
    applyTimer = setTimeout(() => void apply(), APPLY_DEBOUNCE_MS);
  };

  const reconnect = () => {
    connection?.close();
    connection = null;
    const mine = ++attempt;
    useMetricsStore.setState({ playing: false, backend: null, view: null, batch: null });
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
        await next.host.apply(toWorkspaceSpec(useSettingsStore.getState()));
      } catch (error) {
        if (mine === attempt) useUiStore.getState().notify({ id: 'problem', text: `Training could not start: ${messageOf(error)}`, tone: 'error' });
      }
    })();
  };

  const unsubscribeSettings = useSettingsStore.subscribe((state, previous) => {
    if (state.backend !== previous.backend) reconnect();
    else scheduleApply();
  });
  const unsubscribeUi = useUiStore.subscribe((state, previous) => {
    if (state.xAxis !== previous.xAxis || state.logY !== previous.logY) publish();
  });
  reconnect();

  const withHost = (action: (c: HostConnection) => void) => {
    void (async () => {
      await connecting;
      if (applyTimer) {
        clearTimeout(applyTimer);
        await apply();
      }
      if (connection) action(connection);
    })();
  };

  return {
    play: () => withHost((c) => c.host.play()),
    pause: () => withHost((c) => c.host.pause()),
    step: () => withHost((c) => void c.host.step()),
    reset: () => withHost((c) => void c.host.reset()),
    pin(runId) {
      const run = history.runs().get(runId);
      const setting = useSettingsStore.getState().runs.find((r) => r.id === runId);
      if (!run || !setting || run.evals.length < 2) return;
      const label = `${runLabel(setting.batchSize, useSettingsStore.getState().experiment.n)}, lr ${run.status.lr.toPrecision(3)} (pinned)`;
      const pinned = { id: `${runId}-${Date.now()}`, label, colour: setting.colour, evals: run.evals };
      useMetricsStore.setState((s) => ({ pinned: [...s.pinned.slice(-3), pinned] }));
    },
    clearPins: () => useMetricsStore.setState({ pinned: [] }),
    exportHistory: () => Object.fromEntries(history.runs()),
    loseContextForTest: async () => (connection ? connection.loseContextForTest() : false),
    tensorCount: async () => (connection ? connection.host.tensorCount() : 0),
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
