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

/** Below this share of either axis the cloud is hard to make out on the fixed axes (the view offers to zoom). */
const TIGHT_SHARE = 0.15;

/** How much room a fitted axis leaves around the cloud, as a share of its span. */
const FIT_MARGIN = 0.08;
/** A fitted axis spans at least this share of the fixed one: a cloud of one point (B = N) is not zoomed into rounding. */
const FIT_MIN_SHARE = 0.02;

/**
 * The cloud in its two coordinates: on axes sized by a single example's spread around G (plus any point beyond), so
 * it visibly shrinks as B grows, or (`zoomed`) on axes fitted to the cloud and G, to show its shape.
 */
export function cloudChart(analysis: GradientAnalysis, zoomed = false): CloudChartModel {
  const { cloud } = analysis;
  const reach = REACH * Math.sqrt(analysis.traceSigma);
  const points = cloud.points.map(([x, y]) => ({ x, y }));
  const full = { x: cloud.full[0], y: cloud.full[1] };
  const axis = (values: number[]) => {
    const centre = (Math.min(...values) + Math.max(...values)) / 2;
    const half = Math.max((Math.max(...values) - Math.min(...values)) / 2, zoomed ? FIT_MIN_SHARE * reach : 0);
    const [low, high] = [centre - half, centre + half];
    const margin = zoomed ? FIT_MARGIN * (high - low) : 0;
    // A length (the part across G) never reads below 0.
    return linearScale(Math.min(...values) >= 0 ? Math.max(0, low - margin) : low - margin, high + margin);
  };
  const xs = [...points.map((p) => p.x), full.x, ...(zoomed ? [] : [full.x - reach, full.x + reach])];
  const ys = [...points.map((p) => p.y), full.y, ...(zoomed ? [] : [full.y + reach, cloud.kind === 'parameters' ? full.y - reach : 0])];
  return {
    x: axis(xs),
    y: axis(ys),
    xTitle: cloud.kind === 'parameters' ? '∂loss/∂w' : 'along G: g_B · Ĝ',
    yTitle: cloud.kind === 'parameters' ? '∂loss/∂b' : 'across G: |g_B − (g_B·Ĝ)Ĝ|',
    points,
    full,
  };
}

/** Whether every sampled batch is the whole set, so every sample is G itself: a cloud of one point. */
export function cloudIsG(analysis: GradientAnalysis): boolean {
  return analysis.cloud.batchSize >= analysis.rows;
}

/** Whether the cloud (with G) covers under TIGHT_SHARE of both of the chart's axes: too small there to see its shape. */
export function cloudIsTight(model: CloudChartModel): boolean {
  const share = (values: number[], [from, to]: readonly [number, number]) => (Math.max(...values) - Math.min(...values)) / (to - from);
  const xs = [...model.points.map((p) => p.x), model.full.x];
  const ys = [...model.points.map((p) => p.y), model.full.y];
  return share(xs, model.x.domain) < TIGHT_SHARE && share(ys, model.y.domain) < TIGHT_SHARE;
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
