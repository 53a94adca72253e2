import { createLTTB } from 'downsample';
import type { BatchLossPoint, EvalPoint, RunEvent, RunPosition } from '../runtime/protocol';
import type { RunHistory } from './metrics-history';
import type { XAxis } from './ui-store';

/** Points per series the charts draw at most. */
export const MAX_CHART_POINTS = 200;

/** Full-set losses at one x. */
export interface LossPoint {
  x: number;
  train: number;
  test: number;
}

/** The loss on the batches a run trained on, smoothed, at one x. */
export interface BandPoint {
  x: number;
  mean: number;
}

/** One point of a drawn line. */
export interface LinePoint {
  x: number;
  y: number;
}

export interface RunSeries {
  /** The evaluations: full training and test loss. */
  loss: LossPoint[];
  /** The training-loss line: the evaluations, and for the full batch also its every kept step (each one exact). */
  train: LinePoint[];
  band: BandPoint[];
  events: { x: number; label: string }[];
}


/** The x of a measurement on the chosen axis. */
export function xOf(point: RunPosition, axis: XAxis): number {
  switch (axis) {
    case 'steps':
      return point.step;
    case 'epochs':
      return point.epoch;
    case 'examples':
      return point.examples;
    case 'seconds':
      return point.seconds;
  }
}

// The smallest loss a log axis will draw; zero or negative values would break it.
const LOG_FLOOR = 1e-6;

function downsample<T>(points: T[], y: (p: T) => number): T[] {
  if (points.length <= MAX_CHART_POINTS) return points;
  const lttb = createLTTB<T>({ x: (_p, i) => i, y: (p) => y(p) });
  return Array.from(lttb(points, MAX_CHART_POINTS));
}

/**
 * A centred moving average of batch losses (weighted by the steps each point averages): no point is pulled towards
 * older values, so the line never lags the run. At the start the window shrinks symmetrically. At the live end, where
 * it would shrink to the raw last batch (and swing with every new one), the last full window is fitted with a line
 * instead, read at each point's own step: a trend still shows without lag, and the noise stays averaged.
 * `radius` is in points; 0 returns the losses unchanged. Prefix sums keep it linear in the number of points.
 */
export function smoothCentred(points: BatchLossPoint[], radius: number): { point: BatchLossPoint; mean: number }[] {
  const finite = points.filter((p) => Number.isFinite(p.loss));
  const last = finite.length - 1;
  const sums = new Float64Array(finite.length + 1);
  const weights = new Float64Array(finite.length + 1);
  finite.forEach((p, i) => {
    sums[i + 1] = sums[i]! + p.loss * p.steps;
    weights[i + 1] = weights[i]! + p.steps;
  });
  const tailStart = Math.max(radius, last - radius + 1);
  const tail = radius > 0 && tailStart <= last ? weightedLine(finite.slice(Math.max(0, last - 2 * radius))) : null;
  return finite.map((point, i) => {
    if (tail && i >= tailStart) return { point, mean: tail(point.step) };
    const r = Math.min(radius, i, last - i);
    if (r === 0) return { point, mean: point.loss };
    return { point, mean: (sums[i + r + 1]! - sums[i - r]!) / (weights[i + r + 1]! - weights[i - r]!) };
  });
}

/**
 * smoothCentred within each stretch between changes (an lr or shuffle change at `cuts` steps): a window never mixes
 * losses from either side of a change, so the line never moves before the change that moved it.
 */
export function smoothBetween(points: BatchLossPoint[], radius: number, cuts: number[]): { point: BatchLossPoint; mean: number }[] {
  const bounds = [...new Set(cuts)].sort((a, b) => a - b);
  const stretches: BatchLossPoint[][] = [[]];
  let next = 0;
  for (const point of points) {
    let opened = false;
    while (next < bounds.length && point.step >= bounds[next]!) {
      next++;
      opened = true;
    }
    if (opened && stretches.at(-1)!.length > 0) stretches.push([]);
    stretches.at(-1)!.push(point);
  }
  return stretches.flatMap((stretch) => smoothCentred(stretch, radius));
}

/**
 * The least-squares line through batch losses against their steps, each weighted by the steps it averages, held
 * within the losses it was fitted to (a curve flattening towards 0 would otherwise be read below it). Its slope is
 * shrunk by how clearly the window shows one (1 − its variance / its square, at least 0): the scattered single-example
 * losses of B = 1 fit slopes that are noise, which bent the end down to the window's smallest loss.
 */
function weightedLine(points: BatchLossPoint[]): (step: number) => number {
  const lowest = Math.min(...points.map((p) => p.loss));
  const highest = Math.max(...points.map((p) => p.loss));
  const total = points.reduce((s, p) => s + p.steps, 0);
  const meanX = points.reduce((s, p) => s + p.steps * p.step, 0) / total;
  const meanY = points.reduce((s, p) => s + p.steps * p.loss, 0) / total;
  const sxx = points.reduce((s, p) => s + p.steps * (p.step - meanX) ** 2, 0);
  const sxy = points.reduce((s, p) => s + p.steps * (p.step - meanX) * (p.loss - meanY), 0);
  const fitted = sxx > 0 ? sxy / sxx : 0;
  const residual = points.reduce((s, p) => s + p.steps * (p.loss - meanY - fitted * (p.step - meanX)) ** 2, 0);
  const slopeVariance = total > 2 && sxx > 0 ? residual / (total - 2) / sxx : Infinity;
  const slope = fitted === 0 ? 0 : fitted * Math.max(0, 1 - slopeVariance / fitted ** 2);
  return (step) => Math.min(highest, Math.max(lowest, meanY + slope * (step - meanX)));
}

/**
 * At most MAX_CHART_POINTS points, each the mean of a run of consecutive ones (first and last kept as they are):
 * an already-smoothed line stays smooth, where LTTB would keep its every wiggle (and the page would pay to draw them).
 */
export function bucketMeans(points: { x: number; y: number }[], most = MAX_CHART_POINTS): { x: number; y: number }[] {
  if (points.length <= most) return points;
  const inner = points.slice(1, -1);
  const buckets = most - 2;
  const out = [points[0]!];
  for (let b = 0; b < buckets; b++) {
    const slice = inner.slice(Math.floor((b * inner.length) / buckets), Math.floor(((b + 1) * inner.length) / buckets));
    if (slice.length === 0) continue;
    out.push({ x: slice.reduce((s, p) => s + p.x, 0) / slice.length, y: slice.reduce((s, p) => s + p.y, 0) / slice.length });
  }
  out.push(points[points.length - 1]!);
  return out;
}

/** The smoothing window for a run below the full batch: ~3% of its points. */
export function smoothingRadius(pointCount: number): number {
  return Math.max(3, Math.round(pointCount / 30));
}

/**
 * The full batch's training loss at every step it has: its evaluations and its batch losses (the same quantity, so
 * one line through all of them), in step order, an evaluation kept where both fall on one step.
 */
function fullBatchTrainPoints(evals: EvalPoint[], batchLosses: BatchLossPoint[]): { at: RunPosition; loss: number }[] {
  const evaluated = new Set(evals.map((e) => e.step));
  return [
    ...evals.map((e) => ({ at: e, loss: e.trainLoss })),
    ...batchLosses.filter((p) => !evaluated.has(p.step) && Number.isFinite(p.loss)).map((p) => ({ at: p, loss: p.loss })),
  ].sort((a, b) => a.at.step - b.at.step);
}

/** A run's chart series on one x-axis: ≤ MAX_CHART_POINTS each, shape-preserving (LTTB, in log space for log y). */
export function runSeries(history: Pick<RunHistory, 'batchLosses' | 'evals' | 'events'>, axis: XAxis, logY: boolean, fullBatch = false): RunSeries {
  const yOf = (v: number) => (logY ? Math.log(Math.max(v, LOG_FLOOR)) : v);
  const evals = history.evals.filter((e: EvalPoint) => Number.isFinite(e.trainLoss));
  // A loss of exactly 0 (a perfect fit in float32) has no place on a log axis: draw it at the floor.
  const shown = (v: number) => (logY ? Math.max(v, LOG_FLOOR) : v);
  const loss = downsample(evals, (e) => yOf(e.trainLoss)).map((e) => ({ x: xOf(e, axis), train: shown(e.trainLoss), test: shown(e.testLoss) }));
  const events = history.events.map((e: RunEvent) => ({ x: xOf(e, axis), label: e.label }));
  if (fullBatch) {
    // Its batch loss is the training loss: both lines are drawn through the same measured points, unsmoothed.
    const train = downsample(fullBatchTrainPoints(evals, history.batchLosses), (p) => yOf(p.loss)).map((p) => ({ x: xOf(p.at, axis), y: shown(p.loss) }));
    return { loss, train, band: train.map(({ x, y }) => ({ x, mean: y })), events };
  }
  const smoothed = smoothBetween(history.batchLosses, smoothingRadius(history.batchLosses.length), history.events.map((e) => e.step));
  const band = bucketMeans(smoothed.map(({ point, mean }) => ({ x: xOf(point, axis), y: mean }))).map(({ x, y }) => ({ x, mean: shown(y) }));
  return { loss, train: loss.map((p) => ({ x: p.x, y: p.train })), band, events };
}
