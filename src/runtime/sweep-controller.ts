import { sweepBatchSizes } from '../engine/throughput';
import { hiddenOf, modelTitle, sweepDataset, sweepModel } from '../experiment/sweep-setup';
import { useMetricsStore } from '../store/metrics-store';
import { useSettingsStore } from '../store/settings-store';
import { useSweepStore, type SweepResult } from '../store/sweep-store';
import { BACKEND_NAMES, SWEEP_BACKENDS } from './backend-offers';
import type { SweepRequest } from './protocol';
import { runSweep, type RunningSweep, type SweepListener } from './sweep-runner';
import type { TrainingControls } from './training-bridge';

const formatCount = (value: number) => value.toLocaleString('en-US');

/**
 * Starts a batch-size sweep with the sweep store's options: training pauses (timings must not share the device),
 * each chosen backend is timed in its own worker in turn, results land in the store as they are measured, and
 * training resumes afterwards if it was playing. Does nothing while a sweep runs or when no backend is chosen.
 */
export function startSweep(training: Pick<TrainingControls, 'play' | 'pause'>, run: typeof runSweep = runSweep): RunningSweep | null {
  const sweep = useSweepStore.getState();
  const offered = new Set((sweep.offers ?? []).filter((o) => o.available).map((o) => o.backend));
  const backends = SWEEP_BACKENDS.filter((b) => sweep.options.backends.includes(b) && (sweep.offers === null || offered.has(b)));
  if (sweep.running || backends.length === 0) return null;

  const { experiment } = useSettingsStore.getState();
  const model = sweepModel(experiment, sweep.options.width);
  const dataset = sweepDataset(experiment, sweep.options.largest);
  const batchSizes = sweepBatchSizes(dataset.n);
  const requests: SweepRequest[] = backends.map((backend) => ({ backend, dataset, model, batchSizes }));
  const result: SweepResult = {
    id: `sweep-${Date.now()}`,
    title: `${modelTitle(model)}, ${dataset.name}, N = ${formatCount(dataset.n)}`,
    hidden: hiddenOf(model),
    n: dataset.n,
    backends: [],
    cancelled: false,
  };
  const metrics = useMetricsStore.getState();
  const resume = metrics.playing || metrics.starting;
  if (resume) training.pause();

  const update = (change: (current: SweepResult) => SweepResult) => useSweepStore.setState((s) => (s.current?.id === result.id ? { current: change(s.current) } : {}));
  const listener: SweepListener = {
    onBackendStart: (backend, index) => {
      useSweepStore.setState({ progress: { backend, backendIndex: index, backendCount: requests.length, done: 0, total: batchSizes.length } });
      update((current) => ({ ...current, backends: [...current.backends, { backend, label: BACKEND_NAMES[backend], points: [], stop: null, unavailable: null }] }));
    },
    onProgress: (progress) => {
      useSweepStore.setState((s) => (s.progress ? { progress: { ...s.progress, done: progress.done, total: progress.total } } : {}));
      update((current) => ({
        ...current,
        backends: current.backends.map((b) => (b.backend === progress.backend ? { ...b, points: [...b.points, progress.point] } : b)),
      }));
    },
    onBackendDone: (done) => update((current) => ({ ...current, backends: current.backends.map((b) => (b.backend === done.backend ? done : b)) })),
  };

  // The store holds the new sweep before the runner starts: its first backend reports at once.
  useSweepStore.setState({ running: true, current: result, progress: null, cancel: null });
  const running = run(requests, listener);
  useSweepStore.setState({ cancel: running.cancel });
  void running.done.then(({ cancelled }) => {
    // A cancelled backend keeps what it measured before the cancel; one that had measured nothing is dropped.
    update((current) => ({ ...current, cancelled, backends: current.backends.filter((b) => b.points.length > 0 || b.unavailable !== null || b.stop !== null) }));
    useSweepStore.setState({ running: false, progress: null, cancel: null });
    if (resume) training.play();
  });
  return running;
}
