import type { NoiseSeries } from '../../store/noise-series';
import type { NoiseMetric, XAxis } from '../../store/ui-store';
import { wholeXDomain, xScale } from '../charts/chart-domain';
import type { DotSet } from '../charts/dot-cloud';
import type { PlotBand, PlotLevel, PlotLine, PlotMark } from '../charts/metric-plot';
import { linearScale, logScale, type AxisScale, type Domain } from '../charts/nice-ticks';
import { valuesInRange, type XY } from '../charts/series-lookup';
import { formatCount, formatNumber } from '../format';
import type { RunHealth } from '../../store/run-health';

/** One run as the noise view draws it. */
export interface NoiseRun {
  id: string;
  label: string;
  colour: string;
  batchSize: number;
  fullBatch: boolean;
  series: NoiseSeries;
}


/** What a MetricPlot needs, less its size. */
export interface NoiseChartModel {
  x: AxisScale;
  y: AxisScale;
  logY: boolean;
  /** A log x-axis (a batch-size axis); the workspace's own x-axes are linear. */
  logX?: boolean;
  yTitle: string;
  lines: PlotLine[];
  dots: DotSet[];
  levels: PlotLevel[];
  marks?: PlotMark[];
  bands?: PlotBand[];
  hasData: boolean;
}

/** A line cut where its run's measuring was off (`breaks`, the x where each later stretch begins): one PlotLine a stretch. */
export function brokenAt(line: PlotLine, breaks: readonly number[]): PlotLine[] {
  if (breaks.length === 0) return [line];
  const pieces: { x: number; y: number }[][] = breaks.map(() => []).concat([[]]);
  for (const point of line.points) pieces[breaks.filter((b) => point.x >= b).length]!.push(point);
  return pieces.flatMap((points, k) => (points.length === 0 ? [] : [{ ...line, id: k === 0 ? line.id : `${line.id}-${k}`, points }]));
}

function yOfLog(lines: readonly (readonly XY[])[], xDomain: Domain, extra: readonly number[] = []): AxisScale {
  const values = [...lines.flatMap((line) => valuesInRange(line as XY[], xDomain)), ...extra].filter((v) => Number.isFinite(v) && v > 0);
  if (values.length === 0) return logScale(0.1, 1);
  return logScale(Math.min(...values), Math.max(...values));
}

/**
 * The x-axis both noise charts share with the loss chart: its zoom, or from 0 to as far as any run has got (on the
 * loss chart or here), so a noise value sits under the loss it belongs to.
 */
export function noiseXScale(runs: readonly NoiseRun[], lossReach: number | null, axis: XAxis, zoom: Domain | null): AxisScale {
  if (zoom) return xScale(zoom, axis);
  const lines = runs.flatMap((run) => [run.series.cosine, run.series.bSimple]) as XY[][];
  const [, end] = wholeXDomain(lines);
  return xScale([0, Math.max(end, lossReach ?? 0)], axis);
}

/**
 * The batch-gradient chart: per run, each measurement as a faint dot and a centred average as a bold line, on a log
 * axis for the relative error (with the random-batch expectation dashed) or a linear one for the cosine.
 */
export function batchGradientChart(allRuns: readonly NoiseRun[], metric: NoiseMetric, x: AxisScale): NoiseChartModel {
  // A full batch's error is 0 by definition (what a float32 GPU reads back is rounding): nothing for a log axis.
  const runs = metric === 'error' ? allRuns.filter((run) => !run.fullBatch) : allRuns;
  const measured = runs.map((run) => (metric === 'error' ? run.series.error : run.series.cosine));
  const dotLines = runs.map((run) => (metric === 'error' ? run.series.errorDots : run.series.cosineDots));
  const expected = metric === 'error' ? runs.map((run) => run.series.expectedError) : [];
  const all = [...measured, ...dotLines, ...expected];
  const y =
    metric === 'error'
      ? yOfLog(all, x.domain)
      : linearScale(Math.min(0, ...all.flatMap((line) => valuesInRange(line as XY[], x.domain)).filter(Number.isFinite)), 1);
  const lines: PlotLine[] = runs.flatMap((run, i) =>
    [
      { id: `${run.id}-measured`, name: `${run.label} measured`, colour: run.colour, points: measured[i]! },
      ...(metric === 'error' ? [{ id: `${run.id}-expected`, name: `${run.label} expected for a random batch`, colour: run.colour, points: expected[i]!, dashed: true }] : []),
    ].flatMap((line) => brokenAt(line, run.series.breaks)),
  );
  const dots = runs.map((run, i) => ({ id: run.id, colour: run.colour, points: dotLines[i]! }));
  return {
    x,
    y,
    logY: metric === 'error',
    yTitle: metric === 'error' ? '|g_B − G| / |G|' : 'cos(g_B, G)',
    lines,
    dots,
    levels: [],
    hasData: all.some((line) => line.length > 0),
  };
}

/** The noise-scale chart: B_simple per run (solid, exact; dashed, the settled two-batch estimate) and each run's B as a level. */
export function noiseScaleChart(runs: readonly NoiseRun[], x: AxisScale): NoiseChartModel {
  const exact = runs.map((run) => run.series.bSimple);
  const estimates = runs.map((run) => run.series.estimate);
  const all = [...exact, ...estimates];
  const y = yOfLog(all, x.domain, runs.map((run) => run.batchSize));
  return {
    x,
    y,
    logY: true,
    yTitle: 'examples',
    lines: runs.flatMap((run, i) =>
      [
        { id: `${run.id}-exact`, name: `${run.label} noise scale (exact)`, colour: run.colour, points: exact[i]! },
        { id: `${run.id}-estimate`, name: `${run.label} noise scale (two-batch estimate)`, colour: run.colour, points: estimates[i]!, dashed: true },
      ].flatMap((line) => brokenAt(line, run.series.breaks)),
    ),
    dots: [],
    levels: runs.map((run) => ({ id: run.id, y: run.batchSize, colour: run.colour, label: run.fullBatch ? run.label : `B = ${formatCount(run.batchSize)}` })),
    hasData: exact.some((line) => line.length > 0),
  };
}

/** The latest smoothed value of a line, or null. */
const latestOf = (line: readonly XY[]): number | null => line.at(-1)?.y ?? null;

/** One run's latest noise figures, smoothed like the lines (null until measured). */
export interface NoiseReadout {
  cosine: number | null;
  error: number | null;
  expectedError: number | null;
  bSimple: number | null;
  /** The two-batch estimate, or why there is none. */
  estimate: number | 'settling' | 'none';
}

export function noiseReadout(run: NoiseRun): NoiseReadout {
  const latest = run.series.latest;
  const estimate = latest?.estimate ? (latest.estimate.settled ? latest.estimate.bSimple : 'settling') : 'none';
  return {
    cosine: latestOf(run.series.cosine),
    error: run.fullBatch && latest ? 0 : latestOf(run.series.error),
    expectedError: run.fullBatch && latest ? 0 : latestOf(run.series.expectedError),
    bSimple: latestOf(run.series.bSimple),
    estimate,
  };
}

/** Whether a run's batch is below or above its current noise scale, in words. */
export function batchVersusScale(run: NoiseRun, health: RunHealth['kind'] = 'ok'): string | null {
  const bSimple = latestOf(run.series.bSimple);
  if (bSimple === null) return null;
  // A run thrown off by its lr has small or wild gradients for that reason: they say nothing about its batch size.
  if (health !== 'ok') return `${run.label} is ${health}: its gradients describe that state, not what its batch size buys, until it trains normally again.`;
  if (run.fullBatch) return `${run.label} uses every example: no noise, whatever the noise scale (${formatNumber(bSimple)}).`;
  const ratio = run.batchSize / bSimple;
  if (ratio < 0.5) return `${run.label}’s batch is below the noise scale (${formatNumber(bSimple)}): its steps are mostly noise, so a larger batch would still buy a better direction.`;
  if (ratio > 2) return `${run.label}’s batch is above the noise scale (${formatNumber(bSimple)}): its gradient is already close to the full one, so more examples per step buy little.`;
  return `${run.label}’s batch is near the noise scale (${formatNumber(bSimple)}): about as much noise as signal in each step.`;
}

/** The chart's text alternative: each run's latest smoothed figures. */
export function describeNoise(runs: readonly NoiseRun[], metric: NoiseMetric | 'scale'): string {
  const parts = runs.map((run) => {
    const r = noiseReadout(run);
    if (metric === 'scale') return `${run.label}: noise scale ${formatNumber(r.bSimple)}, batch size ${formatCount(run.batchSize)}`;
    if (metric === 'cosine') return `${run.label}: cos(g_B, G) ${formatNumber(r.cosine)}`;
    return `${run.label}: relative error ${formatNumber(r.error)} (random-batch expectation ${formatNumber(r.expectedError)})`;
  });
  const title = metric === 'scale' ? 'Noise scale over training' : metric === 'cosine' ? 'Direction of each batch gradient over training' : 'Error of each batch gradient over training';
  return `${title}. ${parts.length ? parts.join('; ') : 'No measurements yet'}.`;
}
