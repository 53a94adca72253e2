import { useMemo } from 'react';
import { resolveBatchSize } from '../../experiment/config';
import { useUiStore } from '../../store/ui-store';
import { LogSlider } from '../controls/log-slider';
import { Explainer } from '../explain/explainer';
import { formatCount, formatNumber } from '../format';
import { MetricPlot } from '../charts/metric-plot';
import { PlotFrame } from '../charts/plot-frame';
import { AnalysisRunPicker, useAnalysedRun } from './analysis-run-picker';
import { cloudChart, cloudIsG, cloudIsTight, cloudSpread, describeCloud } from './cloud-model';
import { useGradientAnalysis } from './use-gradient-analysis';
import { batchSizeTicks } from './variance-model';

/** Many sampled mini-batch gradients around the full one, at one run's weights, for a batch size the slider sets. */
export function CloudView() {
  const { run, labels, n } = useAnalysedRun();
  const chosen = useUiStore((s) => s.cloudBatchSize);
  const setChosen = useUiStore((s) => s.setCloudBatchSize);
  const runB = run ? resolveBatchSize(run.batchSize, n) : 1;
  const batchSize = Math.min(chosen ?? runB, n);
  const { analysis, busy, error, refresh } = useGradientAnalysis(run?.id ?? null, batchSize);
  const label = run ? labels[run.id]! : '';
  const zoomed = useUiStore((s) => s.cloudZoomed);
  const setZoomed = useUiStore((s) => s.setCloudZoomed);
  const model = useMemo(() => (analysis ? cloudChart(analysis, zoomed) : null), [analysis, zoomed]);
  // Asked of the fixed axes even when zoomed, so the hint never flips as the box is ticked.
  const tight = useMemo(() => (analysis ? cloudIsTight(cloudChart(analysis)) : false), [analysis]);
  const spread = analysis ? cloudSpread(analysis) : null;
  const colour = run?.colour ?? '#0072B2';
  const status = error ? `Could not measure: ${error}` : analysis ? `${label} at step ${formatCount(analysis.step)}: ${formatCount(analysis.cloud.points.length)} batch${analysis.cloud.points.length === 1 ? '' : 'es'} of ${formatCount(analysis.cloud.batchSize)}${analysis.rows < analysis.n ? ` from a random ${formatCount(analysis.rows)} of the ${formatCount(n)} examples` : ''}.` : 'No measurement yet.';
  const stops = useMemo(() => [...new Set([...batchSizeTicks(n).filter((b) => b < n), ...Array.from({ length: 20 }, (_, i) => 2 ** i).filter((b) => b < n), n])].sort((a, b) => a - b), [n]);
  return (
    <div className="analysis-view">
      <AnalysisRunPicker busy={busy} onRefresh={refresh} status={status} />
      <div className="cloud-layout">
        <PlotFrame className="analysis-chart cloud-chart" description={analysis ? describeCloud(analysis, label) : 'Gradient cloud: not measured yet.'} empty={model ? null : busy ? 'Measuring…' : 'No measurement yet.'}>
          {(size) =>
            model ? (
              <MetricPlot
                width={size.width}
                height={size.height}
                x={model.x}
                y={model.y}
                logY={false}
                xTitle={model.xTitle}
                yTitle={model.yTitle}
                lines={[]}
                dots={[{ id: 'cloud', colour, points: model.points }]}
                dotStyle={{ radius: 3, opacity: 0.45 }}
                highlights={[{ id: 'G', x: model.full.x, y: model.full.y, colour: '#ffffff' }]}
              />
            ) : null
          }
        </PlotFrame>
        <div className="cloud-side">
          <LogSlider
            label="Batch size of the samples"
            hint={`Starts at ${label}’s own B. Each dot is one batch of this size; the ringed dot is G, the gradient of all the data.`}
            value={batchSize}
            min={1}
            max={n}
            stops={stops}
            integer
            format={(v) => (v >= n ? `${formatCount(v)} (all)` : formatCount(v))}
            onChange={(v) => setChosen(v)}
          />
          <label className="toggle">
            <input type="checkbox" checked={zoomed} onChange={(e) => setZoomed(e.target.checked)} aria-describedby="cloud-zoom-hint" />
            Fit the axes to the cloud
          </label>
          <p id="cloud-zoom-hint" className="hint">
            {analysis && cloudIsG(analysis)
              ? 'Every batch here is the whole set, so every sample is G itself: the cloud is a single point.'
              : zoomed
              ? 'Zoomed to the cloud: its shape shows, but not how much smaller it is than one example’s spread.'
              : tight
                ? 'The cloud is small on these axes: they are sized by one example’s spread, so the cloud shrinks as B grows. Fit the axes to see its shape.'
                : 'The axes are sized by one example’s spread, so the cloud shrinks as B grows.'}
          </p>
          {spread ? (
            <p className="analysis-reading">
              RMS distance from G: <strong>{formatNumber(spread.measured)}</strong>
              <br />
              random-batch theory: {formatNumber(spread.theory)}
            </p>
          ) : null}
        </div>
      </div>
      <Explainer summary="What this chart shows" body="cloud" />
    </div>
  );
}
