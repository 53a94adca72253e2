import { useDeferredValue, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { resolveBatchSize } from '../../experiment/config';
import { WARMUP_MS } from '../../runtime/protocol';
import { useMetricsStore } from '../../store/metrics-store';
import { runLabels } from '../../store/run-settings';
import { useSettingsStore } from '../../store/settings-store';
import { useUiStore, type ThroughputMode } from '../../store/ui-store';
import { X_AXIS_TITLES } from '../charts/chart-axes';
import { Segmented, type SegmentedOption } from '../controls/segmented';
import { Explainer } from '../explain/explainer';
import { NoiseChart } from './noise-chart';
import { SweepPanel } from './sweep-panel';
import { describeRates, rateChart, throughputReading, throughputXScale, type ThroughputRun } from './throughput-model';

const THROUGHPUT_MODES: readonly SegmentedOption<ThroughputMode>[] = [
  { value: 'runs', label: 'Your runs' },
  { value: 'sweep', label: 'Batch-size sweep' },
];

/** Throughput: the runs' live speeds, and a batch-size sweep across backends with its memory. */
export function ThroughputView() {
  const mode = useUiStore((s) => s.throughputMode);
  const setMode = useUiStore((s) => s.setThroughputMode);
  return (
    <div className="throughput-view">
      <Segmented className="throughput-mode" label="Throughput view" name="throughput-mode" options={THROUGHPUT_MODES} value={mode} onChange={setMode} />
      {mode === 'runs' ? <LiveThroughput /> : <SweepPanel />}
    </div>
  );
}

/** Each run's steps per second and examples per second over training, side by side, from its own compute clock. */
function LiveThroughput() {
  const runs = useSettingsStore(useShallow((s) => s.runs));
  const n = useSettingsStore((s) => s.experiment.n);
  const throughput = useDeferredValue(useMetricsStore((s) => s.throughput));
  const lossReach = useDeferredValue(useMetricsStore((s) => s.noiseReach));
  const xAxis = useUiStore((s) => s.xAxis);
  const xDomain = useUiStore((s) => s.xDomain);

  const rateRuns = useMemo<ThroughputRun[]>(() => {
    const labels = runLabels(runs, n);
    return runs.flatMap((run) => {
      const series = throughput[run.id];
      return run.enabled && series ? [{ id: run.id, label: labels[run.id]!, colour: run.colour, batchSize: resolveBatchSize(run.batchSize, n), series }] : [];
    });
  }, [runs, n, throughput]);
  const x = useMemo(() => throughputXScale(rateRuns, lossReach, xAxis, xDomain), [rateRuns, lossReach, xAxis, xDomain]);
  const steps = useMemo(() => rateChart(rateRuns, 'stepsPerSecond', x), [rateRuns, x]);
  const examples = useMemo(() => rateChart(rateRuns, 'examplesPerSecond', x), [rateRuns, x]);
  const reading = throughputReading(rateRuns);
  const empty = `Press ▶ Play: each run’s speed is read from its timed blocks of steps, after its first ${WARMUP_MS / 1000} s of warm-up (first use runs slower).`;

  return (
    <div className="noise-view live-throughput">
      <p className="panel-note">Measured on this device from each run’s own compute clock: the time of its steps, not of readbacks, evaluations or pauses.</p>
      <div className="noise-charts">
        <figure>
          <figcaption>
            <h3>Steps per second</h3>
          </figcaption>
          <NoiseChart model={steps} xTitle={X_AXIS_TITLES[xAxis]} description={describeRates(rateRuns, 'stepsPerSecond')} empty={empty} />
        </figure>
        <figure>
          <figcaption>
            <h3>Examples per second</h3>
          </figcaption>
          <NoiseChart model={examples} xTitle={X_AXIS_TITLES[xAxis]} description={describeRates(rateRuns, 'examplesPerSecond')} empty={empty} />
        </figure>
      </div>
      <p className="legend-line">
        {rateRuns.map((run) => (
          <span key={run.id} className="legend-item">
            <span className="swatch" style={{ background: run.colour }} aria-hidden="true" /> {run.label}
          </span>
        ))}
      </p>
      {reading ? <p className="analysis-reading">{reading}</p> : null}
      <Explainer summary="What these charts show" body="throughput" />
    </div>
  );
}
