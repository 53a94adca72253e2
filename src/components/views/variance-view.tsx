import { useMemo } from 'react';
import { resolveBatchSize } from '../../experiment/config';
import { Explainer } from '../explain/explainer';
import { formatNumber, formatSigned } from '../format';
import { MetricPlot } from '../charts/metric-plot';
import { PlotFrame } from '../charts/plot-frame';
import { AnalysisRunPicker, useAnalysedRun } from './analysis-run-picker';
import { useGradientAnalysis } from './use-gradient-analysis';
import { beyondSample, describeVariance, fittedSlope, sourceText, varianceChart } from './variance-model';

/** Measured gradient variance against batch size, at one run's weights, beside the sampling theory. */
export function VarianceView() {
  const { run, runs, labels, n } = useAnalysedRun();
  const { analysis, busy, error, refresh } = useGradientAnalysis(run?.id ?? null, run ? resolveBatchSize(run.batchSize, n) : 1);
  const label = run ? labels[run.id]! : '';
  const marks = useMemo(() => runs.filter((r) => r.enabled).map((r) => ({ id: r.id, label: labels[r.id]!, colour: r.colour, batchSize: resolveBatchSize(r.batchSize, n) })), [runs, labels, n]);
  const model = useMemo(() => (analysis ? varianceChart(analysis, run?.colour ?? '#0072B2', marks) : null), [analysis, run?.colour, marks]);
  const slope = analysis ? fittedSlope(analysis) : null;
  const status = error ? `Could not measure: ${error}` : analysis ? sourceText(analysis, label) : busy ? 'Measuring…' : 'No measurement yet.';
  return (
    <div className="analysis-view">
      <AnalysisRunPicker busy={busy} onRefresh={refresh} status={status} />
      <PlotFrame className="analysis-chart" description={analysis ? describeVariance(analysis, label) : 'Gradient variance against batch size: not measured yet.'} empty={model ? null : busy ? 'Measuring…' : 'No measurement yet.'}>
        {(size) =>
          model ? (
            <MetricPlot
              width={size.width}
              height={size.height}
              x={model.x}
              y={model.y}
              logX
              logY
              xTitle="batch size B"
              yTitle="E|g_B − G|²"
              lines={model.lines}
              dots={model.dots}
              marks={model.marks}
            />
          ) : null
        }
      </PlotFrame>
      <p className="legend-line">
        <span className="legend-item">● measured: the mean over 200 random batches of each size</span>
        <span className="legend-item">╌ theory: tr(Σ)/B · (N − B)/(N − 1)</span>
        <span className="legend-item">┊ each run’s B</span>
      </p>
      {analysis ? (
        <p className="analysis-reading">
          {slope === null ? null : <>Fitted slope {formatSigned(slope, 2)}: doubling the batch divides the variance by about {formatNumber(2 ** -slope, 2)} (theory: 2, slope −1). </>}
          At B = N both are 0 — the batch is the whole set — so that point cannot sit on a log axis. {beyondSample(analysis, marks)}
        </p>
      ) : null}
      <Explainer summary="What this chart shows" body="variance" />
    </div>
  );
}
