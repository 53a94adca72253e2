import { createLTTB } from 'downsample';
import type { EvalPoint, RunEvent, StepChunk } from '../runtime/protocol';
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

type Located = Pick<StepChunk, 'step' | 'epoch' | 'examples' | 'seconds'>;

/** The x of a measurement on the chosen axis. */
export function xOf(point: Located, axis: XAxis): number {
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

/** Exponential smoothing of chunk means; `weight` in [0, 1) is how much of the past each point keeps. */
export function smoothChunks(chunks: StepChunk[], weight = 0.8): { chunk: StepChunk; mean: number }[] {
  let mean: number | null = null;
  return chunks
    .filter((c) => Number.isFinite(c.lossMean))
    .map((chunk) => {
      mean = mean === null ? chunk.lossMean : weight * mean + (1 - weight) * chunk.lossMean;
      return { chunk, mean };
    });
}

/** A run's chart series on one x-axis: ≤ MAX_CHART_POINTS each, shape-preserving (LTTB, in log space for log y). */
export function runSeries(history: Pick<RunHistory, 'chunks' | 'evals' | 'events'>, axis: XAxis, logY: boolean): RunSeries {
  const yOf = (v: number) => (logY ? Math.log(Math.max(v, LOG_FLOOR)) : v);
  const evals = history.evals.filter((e: EvalPoint) => Number.isFinite(e.trainLoss));
  // A loss of exactly 0 (a perfect fit in float32) has no place on a log axis: draw it at the floor.
  const shown = (v: number) => (logY ? Math.max(v, LOG_FLOOR) : v);
  const loss = downsample(evals, (e) => yOf(e.trainLoss)).map((e) => ({ x: xOf(e, axis), train: shown(e.trainLoss), test: shown(e.testLoss) }));
  const smoothed = downsample(smoothChunks(history.chunks), (s) => yOf(s.mean));
  const band = smoothed.map(({ chunk, mean }) => ({ x: xOf(chunk, axis), mean: shown(mean) }));
  const events = history.events.map((e: RunEvent) => ({ x: xOf(e, axis), label: e.label }));
  return { loss, band, events };
}
