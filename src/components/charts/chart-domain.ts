import type { RunSeries } from '../../store/chart-series';
import type { XAxis } from '../../store/ui-store';
import { linearScale, linearTicks, logScale, widen, type AxisScale, type Domain } from './nice-ticks';
import { valuesInRange, type ChartRun, type XY } from './series-lookup';

// How far above the largest initial loss the y-axis may reach: a run about to diverge can hit 1e30 and would
// otherwise flatten every other line against the bottom. Far enough that an unstable run's finite loss (30 or so on
// moons at lr 10) stays on the chart: three decades on a log axis, a hundredfold on a linear one.
const LOG_CAP_FACTOR = 1000;
const LINEAR_CAP_FACTOR = 100;
// How far beyond the y-domain a drawn value may lie: decades on a log axis, domain heights on a linear one.
const DRAW_LOG_DECADES = 3;
const DRAW_LINEAR_SPANS = 10;
const X_TICK_COUNT = 6;
const Y_TICK_COUNT = 5;

/** Every line the chart draws for these runs (training, test and batch loss), plus any extra lines (pinned curves). */
export function chartLines(runs: readonly ChartRun[], extra: readonly XY[][] = []): XY[][] {
  const lines = runs.flatMap(({ series }) => [
    series.train,
    series.loss.map((p) => ({ x: p.x, y: p.test })),
    series.band.map((p) => ({ x: p.x, y: p.mean })),
  ]);
  return [...lines, ...extra];
}

/** How far along the x-axis a run has got: its last drawn point (evaluation or batch loss). */
export function runReach(run: ChartRun): number | null {
  const ends = [run.series.train.at(-1)?.x, run.series.band.at(-1)?.x].filter((x): x is number => x !== undefined && Number.isFinite(x));
  return ends.length > 0 ? Math.max(...ends) : null;
}

/** The whole x-range: from 0 to the furthest point of any line; 0 to 1 while there is only a point at 0. */
export function wholeXDomain(lines: readonly XY[][]): Domain {
  const end = Math.max(0, ...lines.flatMap((line) => (line.length > 0 ? [line.at(-1)!.x] : [])).filter(Number.isFinite));
  return [0, end > 0 ? end : 1];
}

/** The range every run has reached, [0, the smallest run's reach]; null while a run has no data or none has moved. */
export function sharedXDomain(runs: readonly ChartRun[]): Domain | null {
  const reaches = runs.map(runReach).filter((x): x is number => x !== null);
  if (reaches.length === 0) return null;
  const end = Math.min(...reaches);
  return end > 0 ? [0, end] : null;
}

// The narrowest zoom: this share of the whole range, and on counting axes (steps, examples) at least this many units,
// so a zoomed axis always has ticks to label and a line to read.
const MIN_ZOOM_SHARE = 0.002;
const MIN_ZOOM_COUNT = 8;

/** A dragged zoom range widened (around its middle, kept inside the whole range) to the narrowest zoom allowed. */
export function clampZoom([from, to]: Domain, [start, end]: Domain, counting: boolean): Domain {
  const least = Math.max((end - start) * MIN_ZOOM_SHARE, counting ? MIN_ZOOM_COUNT : 0);
  if (to - from >= least) return [from, to];
  const middle = (from + to) / 2;
  const left = Math.min(Math.max(start, middle - least / 2), Math.max(start, end - least));
  return [left, left + least];
}

/** The x-axis: the domain as given (widened if empty) with nice ticks, whole numbers on counting axes. */
export function xScale(domain: Domain, axis: XAxis): AxisScale {
  const shown = widen(domain);
  return { domain: shown, ticks: linearTicks(shown, X_TICK_COUNT, axis === 'steps' || axis === 'examples') };
}

/**
 * The largest loss any run starts from: the reference for how high the y-axis may go. Read from the evaluation at
 * the start only: the first point of a smoothed batch line already averages the steps after it, and on a run that
 * blows up at once that average is millions.
 */
export function initialLoss(runs: readonly ChartRun[]): number | null {
  const starts = runs.flatMap(({ series }) => [series.loss[0]?.train, series.loss[0]?.test]);
  const finite = starts.filter((v): v is number => v !== undefined && Number.isFinite(v) && v > 0);
  return finite.length > 0 ? Math.max(...finite) : null;
}

/** The y-axis, and the largest value in view above its top (clipped off the chart), or null when nothing is. */
export interface YAxisScale extends AxisScale {
  above: number | null;
}

export interface YScaleInput {
  lines: readonly XY[][];
  xDomain: Domain;
  /** The y-axis never reaches far above this (see the cap factors); null: no cap. */
  initial: number | null;
  logY: boolean;
  /** Zoomed in: a linear axis fits the data rather than starting at 0. */
  fitBottom: boolean;
}

/**
 * The y-axis for the data inside the x-range, robust to divergence: its top is capped relative to the initial loss
 * (lines above it are clipped), a flat or single value is padded, a log axis ignores values ≤ 0.
 */
export function yScale({ lines, xDomain, initial, logY, fitBottom }: YScaleInput): YAxisScale {
  const usable = (v: number) => Number.isFinite(v) && (!logY || v > 0);
  let values = lines.flatMap((line) => valuesInRange(line, xDomain)).filter(usable);
  if (values.length === 0) values = lines.flatMap((line) => line.map((p) => p.y)).filter(usable);
  if (values.length === 0) return { ...(logY ? logScale(0.1, 1) : linearScale(0, 1, Y_TICK_COUNT)), above: null };
  const cap = initial === null ? Infinity : initial * (logY ? LOG_CAP_FACTOR : LINEAR_CAP_FACTOR);
  const largest = Math.max(...values);
  const high = Math.min(largest, cap);
  let low = Math.min(...values);
  // Zoomed into a stretch where every value is beyond the cap: show the band just below it.
  if (low > high) low = logY ? high / 10 : 0;
  const scale = logY ? logScale(low, high) : linearScale(fitBottom ? low : Math.min(0, low), high, Y_TICK_COUNT);
  return { ...scale, above: largest > scale.domain[1] ? largest : null };
}

/** Both axes of the loss chart: x over the zoom (or the whole range), y fitted to what is visible there. */
export function lossChartScales(runs: readonly ChartRun[], extraLines: readonly XY[][], axis: XAxis, logY: boolean, zoom: Domain | null): { x: AxisScale; y: YAxisScale } {
  const lines = chartLines(runs, extraLines);
  const x = xScale(zoom ?? wholeXDomain(lines), axis);
  const y = yScale({ lines, xDomain: x.domain, initial: initialLoss(runs), logY, fitBottom: zoom !== null });
  return { x, y };
}

/**
 * A series with values far outside the y-domain pulled in to a point still well off the plot, where the clip hides
 * them: SVG coordinates are 32-bit floats, and a loss of 1e30 projected to pixels makes the browser drop the whole line.
 */
export function drawableSeries(series: RunSeries, [low, high]: Domain, logY: boolean): RunSeries {
  const [floor, ceiling] = logY ? [low / 10 ** DRAW_LOG_DECADES, high * 10 ** DRAW_LOG_DECADES] : [low - DRAW_LINEAR_SPANS * (high - low), high + DRAW_LINEAR_SPANS * (high - low)];
  const clamp = (v: number) => (Number.isFinite(v) ? Math.min(ceiling, Math.max(floor, v)) : v);
  return {
    loss: series.loss.map((p) => ({ x: p.x, train: clamp(p.train), test: clamp(p.test) })),
    train: series.train.map((p) => ({ x: p.x, y: clamp(p.y) })),
    band: series.band.map((p) => ({ x: p.x, mean: clamp(p.mean) })),
    events: series.events,
  };
}
