import type { GradientAnalysis } from '../../runtime/protocol';
import { linearScale, type AxisScale } from '../charts/nice-ticks';
import { formatCount, formatNumber } from '../format';

/** How far the axes reach around G, in single-example spreads √tr(Σ): fixed by the data, not by the cloud, so it visibly shrinks as B grows. */
const REACH = 2;

export interface CloudChartModel {
  x: AxisScale;
  y: AxisScale;
  xTitle: string;
  yTitle: string;
  points: { x: number; y: number }[];
  full: { x: number; y: number };
}

/** The cloud in its two coordinates, on axes sized by a single example's spread around G (plus any point beyond). */
export function cloudChart(analysis: GradientAnalysis): CloudChartModel {
  const { cloud } = analysis;
  const reach = REACH * Math.sqrt(analysis.traceSigma);
  const points = cloud.points.map(([x, y]) => ({ x, y }));
  const full = { x: cloud.full[0], y: cloud.full[1] };
  const xs = [...points.map((p) => p.x), full.x - reach, full.x + reach];
  const ys = [...points.map((p) => p.y), full.y + reach, cloud.kind === 'parameters' ? full.y - reach : 0];
  return {
    x: linearScale(Math.min(...xs), Math.max(...xs)),
    y: linearScale(Math.min(...ys), Math.max(...ys)),
    xTitle: cloud.kind === 'parameters' ? '∂loss/∂w' : 'along G: g_B · Ĝ',
    yTitle: cloud.kind === 'parameters' ? '∂loss/∂b' : 'across G: |g_B − (g_B·Ĝ)Ĝ|',
    points,
    full,
  };
}

/** RMS distance of the sampled gradients from G, and what random batches of that size give: √(tr(Σ)/B · (N − B)/(N − 1)). */
export function cloudSpread(analysis: GradientAnalysis): { measured: number; theory: number } {
  const { cloud, rows, traceSigma } = analysis;
  const [gx, gy] = cloud.full;
  const distanceSq = (p: [number, number]) => (p[0] - gx) ** 2 + (p[1] - gy) ** 2;
  const measured = Math.sqrt(cloud.points.reduce((s, p) => s + distanceSq(p), 0) / Math.max(1, cloud.points.length));
  const b = cloud.batchSize;
  const theory = b >= rows ? 0 : Math.sqrt((traceSigma / b) * ((rows - b) / (rows - 1)));
  return { measured, theory };
}

/** The chart's text alternative. */
export function describeCloud(analysis: GradientAnalysis, label: string): string {
  const { measured, theory } = cloudSpread(analysis);
  const count = analysis.cloud.points.length;
  const where = analysis.cloud.kind === 'parameters' ? 'in (∂w, ∂b)' : 'as the part along G and the size of the rest';
  return `${formatCount(count)} sampled gradient${count === 1 ? '' : 's'} of batches of ${formatCount(analysis.cloud.batchSize)} at ${label}’s weights, drawn ${where}: RMS distance from G ${formatNumber(measured)} (random-batch theory ${formatNumber(theory)}).`;
}
