import { useDeferredValue, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Segmented } from '../controls/segmented';
import { useMetricsStore } from '../../store/metrics-store';
import { resolveBatchSize } from '../../experiment/config';
import { runLabels } from '../../store/run-settings';
import { useSettingsStore } from '../../store/settings-store';
import { useUiStore, type NoiseMetric } from '../../store/ui-store';
import { X_AXIS_TITLES } from '../charts/chart-axes';
import { Explainer } from '../explain/explainer';
import { formatNumber } from '../format';
import { NoiseChart } from './noise-chart';
import { batchGradientChart, batchVersusScale, describeNoise, noiseScaleChart, noiseXScale, type NoiseRun } from './noise-model';
import { NoiseTable } from './noise-table';

const CADENCES: { value: string; label: string; ms: number | null }[] = [
  { value: '250', label: 'every 0.25 s', ms: 250 },
  { value: '500', label: 'every 0.5 s', ms: 500 },
  { value: '1000', label: 'every 1 s', ms: 1000 },
  { value: '2000', label: 'every 2 s', ms: 2000 },
  { value: 'off', label: 'off', ms: null },
];

const METRICS: { value: NoiseMetric; label: string }[] = [
  { value: 'error', label: 'error' },
  { value: 'cosine', label: 'direction' },
];

function MetricSwitch() {
  const metric = useUiStore((s) => s.noiseMetric);
  const setMetric = useUiStore((s) => s.setNoiseMetric);
  return (
    <Segmented label="Batch gradient measure" name="noise-metric" options={METRICS} value={metric} onChange={setMetric} />
  );
}

/** Gradient noise over training: how far each run's batch gradients miss the full one, and the noise scale. */
export function NoiseView() {
  const runs = useSettingsStore(useShallow((s) => s.runs));
  const n = useSettingsStore((s) => s.experiment.n);
  const noiseEveryMs = useSettingsStore((s) => s.noiseEveryMs);
  const setNoiseEvery = useSettingsStore((s) => s.setNoiseEvery);
  // Deferred: React renders these charts in interruptible slices, so the page keeps its frames while they redraw.
  const noise = useDeferredValue(useMetricsStore((s) => s.noise));
  const statuses = useMetricsStore((s) => s.statuses);
  const health = useMetricsStore((s) => s.health);
  const xAxis = useUiStore((s) => s.xAxis);
  const xDomain = useUiStore((s) => s.xDomain);
  const metric = useUiStore((s) => s.noiseMetric);

  const noiseRuns = useMemo<NoiseRun[]>(() => {
    const labels = runLabels(runs, n);
    return runs.flatMap((run) => {
      const series = noise[run.id];
      const batchSize = resolveBatchSize(run.batchSize, n);
      return run.enabled && series ? [{ id: run.id, label: labels[run.id]!, colour: run.colour, batchSize, fullBatch: batchSize >= n, series }] : [];
    });
  }, [runs, n, noise]);
  const lossReach = useDeferredValue(useMetricsStore((s) => s.noiseReach));
  const x = useMemo(() => noiseXScale(noiseRuns, lossReach, xAxis, xDomain), [noiseRuns, lossReach, xAxis, xDomain]);
  const gradientModel = useMemo(() => batchGradientChart(noiseRuns, metric, x), [noiseRuns, metric, x]);
  const scaleModel = useMemo(() => noiseScaleChart(noiseRuns, x), [noiseRuns, x]);
  const shares = runs.map((r) => statuses[r.id]?.noiseShare).filter((s): s is number => typeof s === 'number');
  const verdicts = noiseRuns.map((run) => batchVersusScale(run, health[run.id]?.kind)).filter((v): v is string => v !== null);
  const cadence = CADENCES.find((c) => c.ms === noiseEveryMs)?.value ?? 'off';
  const empty = noiseEveryMs === null ? 'Measuring is off: choose how often to measure above.' : 'Press ▶ Play: each run’s gradient noise is measured as it trains.';

  return (
    <div className="noise-view">
      <div className="panel-head">
        <p className="panel-note" aria-live="polite">
          {noiseEveryMs === null ? 'Measuring is off: the charts stop where it was turned off.' : 'g_B: the gradient of the batch a run is about to use. G: the whole training set’s.'}
        </p>
        <label className="inline-field">
          <span>Measure</span>
          <select aria-label="Measure gradient noise" value={cadence} onChange={(e) => setNoiseEvery(CADENCES.find((c) => c.value === e.target.value)?.ms ?? null)}>
            {CADENCES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="noise-charts">
        <figure>
          <figcaption>
            <h3>Batch gradient against the full gradient</h3>
            <MetricSwitch />
          </figcaption>
          <NoiseChart model={gradientModel} xTitle={X_AXIS_TITLES[xAxis]} description={describeNoise(noiseRuns, metric)} empty={empty} />
          <p className="legend-line">
            <span className="legend-item">• measured</span>
            <span className="legend-item">━ running RMS</span>
            {metric === 'error' ? <span className="legend-item">╌ random-batch expectation</span> : null}
          </p>
        </figure>
        <figure>
          <figcaption>
            <h3>Noise scale B_simple</h3>
          </figcaption>
          <NoiseChart model={scaleModel} xTitle={X_AXIS_TITLES[xAxis]} description={describeNoise(noiseRuns, 'scale')} empty={empty} />
          <p className="legend-line">
            <span className="legend-item">━ exact</span>
            <span className="legend-item">╌ two-batch estimate</span>
            <span className="legend-item">┈ each run’s B</span>
          </p>
        </figure>
      </div>
      {noiseRuns.length > 0 ? (
        <div className="table-scroll">
          <NoiseTable runs={noiseRuns} />
        </div>
      ) : null}
      {verdicts.length > 0 ? (
        <ul className="noise-verdicts">
          {verdicts.map((v) => (
            <li key={v}>{v}</li>
          ))}
        </ul>
      ) : null}
      <Explainer summary="What these charts show" body="noise" />
      {shares.length > 0 ? (
        <p className="panel-note">
          Measuring took {formatNumber(100 * Math.max(...shares), 2)} % of training time at most (each run’s measurements are kept under 20 % of its own training time, and off its
          compute clock).
        </p>
      ) : null}
    </div>
  );
}
