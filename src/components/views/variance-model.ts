import type { GradientAnalysis } from '../../runtime/protocol';
import type { PlotLine, PlotMark } from '../charts/metric-plot';
import { logScale, type AxisScale } from '../charts/nice-ticks';
import type { DotSet } from '../charts/dot-cloud';
import { formatCount, formatNumber, formatSigned } from '../format';

/** A run's batch size, marked on the batch-size axis. */
export interface BatchMark {
  id: string;
  label: string;
  colour: string;
  batchSize: number;
}

export interface VarianceChartModel {
  x: AxisScale;
  y: AxisScale;
  lines: PlotLine[];
  dots: DotSet[];
  marks: PlotMark[];
}

// The most batch-size ticks the axis labels; beyond it every other power of two goes.
const MAX_X_TICKS = 9;

/** Powers of two from 1 to `n` (thinned to ≤ MAX_X_TICKS), plus n itself when it is not one. */
export function batchSizeTicks(n: number): number[] {
  const powers: number[] = [];
  for (let b = 1; b <= n; b *= 2) powers.push(b);
  const every = Math.ceil(powers.length / MAX_X_TICKS);
  const ticks = powers.filter((_, i) => i % every === 0);
  return ticks.at(-1) === n ? ticks : [...ticks, n];
}

/** Log-log chart of measured E|g_B − G|² (dots joined) against tr(Σ)/B · (N − B)/(N − 1) (dashed), runs' B marked. */
export function varianceChart(analysis: GradientAnalysis, colour: string, marks: readonly BatchMark[]): VarianceChartModel {
  // B = N has 0 on both: a log axis cannot show it (the view says so).
  const below = analysis.variance.filter((v) => v.batchSize < analysis.rows && v.measured > 0 && v.theory > 0);
  const values = below.flatMap((v) => [v.measured, v.theory]);
  return {
    x: { domain: [1, analysis.rows], ticks: batchSizeTicks(analysis.rows) },
    y: values.length ? logScale(Math.min(...values), Math.max(...values)) : logScale(0.1, 1),
    lines: [
      { id: 'theory', name: 'theory for random batches', colour: '#1d2733', points: below.map((v) => ({ x: v.batchSize, y: v.theory })), dashed: true },
      { id: 'measured', name: 'measured', colour, points: below.map((v) => ({ x: v.batchSize, y: v.measured })), width: 2 },
    ],
    dots: [{ id: 'measured', colour, points: below.map((v) => ({ x: v.batchSize, y: v.measured })) }],
    marks: marks.filter((m) => m.batchSize <= analysis.rows).map((m) => ({ id: m.id, x: m.batchSize, colour: m.colour, label: m.label })),
  };
}

/** The runs whose B lies beyond the rows sampled (at large N), so the chart has no mark for them; null if none. */
export function beyondSample(analysis: GradientAnalysis, marks: readonly BatchMark[]): string | null {
  const beyond = marks.filter((m) => m.batchSize > analysis.rows).map((m) => m.label);
  if (beyond.length === 0) return null;
  return `${beyond.join(' and ')} ${beyond.length === 1 ? 'takes' : 'take'} more examples per step than the ${formatCount(analysis.rows)} sampled here, so ${beyond.length === 1 ? 'it has' : 'they have'} no mark on the chart.`;
}

/** Least-squares slope of log(measured) against log(B) over B ≤ rows/8, where the finite-set correction is small; null with < 2 points. */
export function fittedSlope(analysis: GradientAnalysis): number | null {
  const used = analysis.variance.filter((v) => v.batchSize <= analysis.rows / 8 && v.measured > 0);
  if (used.length < 2) return null;
  const xs = used.map((v) => Math.log(v.batchSize));
  const ys = used.map((v) => Math.log(v.measured));
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  const sxy = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return sxx > 0 ? sxy / sxx : null;
}

/** Where the matrix came from, in words. */
export function sourceText(analysis: GradientAnalysis, label: string): string {
  const rows =
    analysis.rows === analysis.n
      ? `all ${formatCount(analysis.n)} training examples`
      : `a random ${formatCount(analysis.rows)} of the ${formatCount(analysis.n)} training examples (N · P would be too large for every example), so N here is ${formatCount(analysis.rows)}`;
  return `${label} at step ${formatCount(analysis.step)}: per-example gradients of ${rows}, ${formatCount(analysis.parameters)} parameters each.`;
}

/** The chart's text alternative. */
export function describeVariance(analysis: GradientAnalysis, label: string): string {
  const slope = fittedSlope(analysis);
  const points = analysis.variance.map((v) => `B = ${formatCount(v.batchSize)}: measured ${formatNumber(v.measured)}, theory ${formatNumber(v.theory)}`);
  return `Gradient variance against batch size for ${label}, log-log. ${slope === null ? '' : `Fitted slope ${formatSigned(slope, 2)} (theory −1). `}${points.join('; ')}.`;
}
