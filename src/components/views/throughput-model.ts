import type { ThroughputSeries } from '../../store/throughput-series';
import type { XAxis } from '../../store/ui-store';
import { wholeXDomain, xScale } from '../charts/chart-domain';
import { logScale, type AxisScale, type Domain } from '../charts/nice-ticks';
import { valuesInRange, type XY } from '../charts/series-lookup';
import { formatCount, formatNumber } from '../format';
import type { NoiseChartModel } from './noise-model';

/** One run as the throughput view draws it. */
export interface ThroughputRun {
  id: string;
  label: string;
  colour: string;
  batchSize: number;
  series: ThroughputSeries;
}

export type Rate = 'stepsPerSecond' | 'examplesPerSecond';

const RATE_TITLES: Record<Rate, string> = { stepsPerSecond: 'steps / s', examplesPerSecond: 'examples / s' };
const RATE_WORDS: Record<Rate, string> = { stepsPerSecond: 'steps per second', examplesPerSecond: 'examples per second' };

/** The x-axis the throughput charts share with the loss chart: its zoom, or 0 to as far as anything has got. */
export function throughputXScale(runs: readonly ThroughputRun[], lossReach: number | null, axis: XAxis, zoom: Domain | null): AxisScale {
  if (zoom) return xScale(zoom, axis);
  const [, end] = wholeXDomain(runs.map((run) => run.series.stepsPerSecond as XY[]));
  return xScale([0, Math.max(end, lossReach ?? 0)], axis);
}

/** One rate per run over training, on a log axis (B = 1 and B = N differ by orders of magnitude in examples/s). */
export function rateChart(runs: readonly ThroughputRun[], rate: Rate, x: AxisScale): NoiseChartModel {
  const lines = runs.map((run) => run.series[rate]);
  const values = lines.flatMap((line) => valuesInRange(line as XY[], x.domain)).filter((v) => Number.isFinite(v) && v > 0);
  return {
    x,
    y: values.length > 0 ? logScale(Math.min(...values), Math.max(...values)) : logScale(1, 10),
    logY: true,
    yTitle: RATE_TITLES[rate],
    lines: runs.map((run, i) => ({ id: run.id, name: `${run.label} ${RATE_WORDS[rate]}`, colour: run.colour, points: lines[i]! })),
    dots: [],
    levels: [],
    hasData: lines.some((line) => line.length > 0),
  };
}

/** A chart's text alternative: each run's latest figure. */
export function describeRates(runs: readonly ThroughputRun[], rate: Rate): string {
  const latest = runs.flatMap((run) => (run.series.latest ? [`${run.label} ${formatNumber(run.series.latest[rate])}`] : []));
  if (latest.length === 0) return `${RATE_WORDS[rate]} of each run over training: not measured yet.`;
  return `${RATE_WORDS[rate][0]!.toUpperCase()}${RATE_WORDS[rate].slice(1)} of each run over training, on its own compute clock. Latest: ${latest.join('; ')}.`;
}

/**
 * The sentence under the charts, from the latest figures of the smallest and the largest batch: how many more
 * steps the one takes, how many more examples the other gets through. Null until both have figures.
 */
export function throughputReading(runs: readonly ThroughputRun[]): string | null {
  const measured = runs.filter((run) => run.series.latest !== null);
  if (measured.length < 2) return null;
  const small = measured.reduce((a, b) => (b.batchSize < a.batchSize ? b : a));
  const large = measured.reduce((a, b) => (b.batchSize > a.batchSize ? b : a));
  if (small.batchSize === large.batchSize) return null;
  const s = small.series.latest!;
  const l = large.series.latest!;
  const steps = s.stepsPerSecond / l.stepsPerSecond;
  const examples = l.examplesPerSecond / s.examplesPerSecond;
  const stepWords = steps >= 1 ? `${formatNumber(steps, 2)}× as many steps per second as` : `only ${formatNumber(steps, 2)}× the steps per second of`;
  return `Right now ${small.label} takes ${stepWords} ${large.label}, whose ${formatCount(large.batchSize)}-example steps get through ${formatNumber(examples, 3)}× as many examples per second.`;
}
