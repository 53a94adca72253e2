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

export interface RunSeries {
  loss: LossPoint[];
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
 * A centred moving average of batch losses (weighted by the steps each point averages), with the window shrunk
 * symmetrically at both ends: no point is pulled towards older values, so the line never lags the run.
 * `radius` is in points; 0 returns the losses unchanged.
 */
export function smoothCentred(points: BatchLossPoint[], radius: number): { point: BatchLossPoint; mean: number }[] {
  const finite = points.filter((p) => Number.isFinite(p.loss));
  const last = finite.length - 1;
  return finite.map((point, i) => {
    const r = Math.min(radius, i, last - i);
    let sum = 0;
    let weight = 0;
    for (let k = i - r; k <= i + r; k++) {
      sum += finite[k]!.loss * finite[k]!.steps;
      weight += finite[k]!.steps;
    }
    return { point, mean: sum / weight };
  });
}

/** The smoothing window for a run: none for the full batch (its batch loss is the training loss), else ~3% of the points. */
export function smoothingRadius(pointCount: number, fullBatch: boolean): number {
  return fullBatch ? 0 : Math.max(3, Math.round(pointCount / 30));
}

/** A run's chart series on one x-axis: ≤ MAX_CHART_POINTS each, shape-preserving (LTTB, in log space for log y). */
export function runSeries(history: Pick<RunHistory, 'batchLosses' | 'evals' | 'events'>, axis: XAxis, logY: boolean, fullBatch = false): RunSeries {
  const yOf = (v: number) => (logY ? Math.log(Math.max(v, LOG_FLOOR)) : v);
  const evals = history.evals.filter((e: EvalPoint) => Number.isFinite(e.trainLoss));
  // A loss of exactly 0 (a perfect fit in float32) has no place on a log axis: draw it at the floor.
  const shown = (v: number) => (logY ? Math.max(v, LOG_FLOOR) : v);
  const loss = downsample(evals, (e) => yOf(e.trainLoss)).map((e) => ({ x: xOf(e, axis), train: shown(e.trainLoss), test: shown(e.testLoss) }));
  const smoothed = smoothCentred(history.batchLosses, smoothingRadius(history.batchLosses.length, fullBatch));
  const band = downsample(smoothed, (s) => yOf(s.mean)).map(({ point, mean }) => ({ x: xOf(point, axis), mean: shown(mean) }));
  const events = history.events.map((e: RunEvent) => ({ x: xOf(e, axis), label: e.label }));
  return { loss, band, events };
}
