import { bucketMeans, xOf } from './chart-series';
import type { ThroughputPoint } from './metrics-history';
import type { XAxis } from './ui-store';

/** A run's speed over training on one x-axis, each line at most MAX_CHART_POINTS (bucket means of consecutive points). */
export interface ThroughputSeries {
  stepsPerSecond: { x: number; y: number }[];
  examplesPerSecond: { x: number; y: number }[];
  /** The latest reading, as the run's card shows it. */
  latest: ThroughputPoint | null;
}

export function throughputSeries(points: readonly ThroughputPoint[], axis: XAxis): ThroughputSeries {
  return {
    stepsPerSecond: bucketMeans(points.map((p) => ({ x: xOf(p, axis), y: p.stepsPerSecond }))),
    examplesPerSecond: bucketMeans(points.map((p) => ({ x: xOf(p, axis), y: p.examplesPerSecond }))),
    latest: points.at(-1) ?? null,
  };
}
