import type { RunSeries } from '../../store/chart-series';
import { runLabels, type RunSetting } from '../../store/run-settings';
import type { Domain } from './nice-ticks';

/** One run as the chart draws it: the name the run cards use, its colour and its series on the current axis. */
export interface ChartRun {
  id: string;
  label: string;
  colour: string;
  series: RunSeries;
}

/** The runs the chart draws: enabled ones with a series, named as their cards name them. */
export function chartRuns(runs: readonly RunSetting[], series: Record<string, RunSeries>, n: number): ChartRun[] {
  const labels = runLabels(runs, n);
  return runs.flatMap((r) => {
    const s = series[r.id];
    return r.enabled && s ? [{ id: r.id, label: labels[r.id]!, colour: r.colour, series: s }] : [];
  });
}

/** A point of one drawn line. */
export interface XY {
  x: number;
  y: number;
}

/**
 * The value of a line at `x`, linearly interpolated between its two neighbouring points (points sorted by x);
 * null outside the line's range or where the value is not finite: a run is never extrapolated.
 */
export function valueAt<P extends { x: number }>(points: readonly P[], x: number, y: (point: P) => number): number | null {
  if (points.length === 0 || x < points[0]!.x || x > points.at(-1)!.x) return null;
  let low = 0;
  let high = points.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (points[middle]!.x <= x) low = middle;
    else high = middle;
  }
  const left = points[low]!;
  const right = points[high]!;
  const span = right.x - left.x;
  const value = span <= 0 || x === left.x ? y(left) : x === right.x ? y(right) : y(left) + ((x - left.x) / span) * (y(right) - y(left));
  return Number.isFinite(value) ? value : null;
}

/** The values a line shows inside [from, to]: its points there plus where it crosses either edge. */
export function valuesInRange(points: readonly XY[], [from, to]: Domain): number[] {
  const inside = points.filter((p) => p.x >= from && p.x <= to).map((p) => p.y);
  const edges = [valueAt(points, from, (p) => p.y), valueAt(points, to, (p) => p.y)].filter((v): v is number => v !== null);
  return [...inside, ...edges];
}

/** What the tooltip lists for one run at the hovered x (null: the run has no value there). */
export interface TooltipRow {
  id: string;
  label: string;
  colour: string;
  train: number | null;
  test: number | null;
  /** Whether each value was measured at exactly this x (false: read off the line between two measurements). */
  trainMeasured: boolean;
  testMeasured: boolean;
}

/** Every run's training and test loss at `x`, in the order the runs are listed. */
export function tooltipRows(runs: readonly ChartRun[], x: number): TooltipRow[] {
  return runs.map(({ id, label, colour, series }) => ({
    id,
    label,
    colour,
    train: valueAt(series.train, x, (p) => p.y),
    test: valueAt(series.loss, x, (p) => p.test),
    trainMeasured: series.train.some((p) => p.x === x),
    testMeasured: series.loss.some((p) => p.x === x),
  }));
}

/**
 * The measured x nearest to `x` on any run's training line inside `domain`: the readout snaps to real measurements
 * (a whole step, an evaluation's second) rather than a point between them; `x` itself when no line has a point there.
 */
export function nearestMeasuredX(runs: readonly ChartRun[], x: number, [from, to]: Domain): number {
  let best = x;
  let distance = Infinity;
  for (const { series } of runs) {
    for (const p of series.train) {
      if (p.x < from || p.x > to) continue;
      const d = Math.abs(p.x - x);
      if (d < distance) {
        best = p.x;
        distance = d;
      }
    }
  }
  return best;
}
