import { describe, expect, it } from 'vitest';
import { createMetricsHistory, throughputPoint } from '../../../src/store/metrics-history';
import { throughputSeries } from '../../../src/store/throughput-series';
import { status } from '../../component/fixtures';

const update = (overrides: Parameters<typeof status>[0]) => ({ status: status(overrides), reset: false, batchLosses: [], evals: [], events: [], noise: [] });

describe('throughput over training', () => {
  it('records each live figure once per new step, and nothing from untimed or carried-over figures', () => {
    const history = createMetricsHistory();
    history.ingest(1, [update({ step: 0, stepsPerSecond: null, examplesPerSecond: null, msPerStep: null, timingSource: null })]);
    history.ingest(1, [update({ step: 40, computeSeconds: 0.1, stepsPerSecond: 400, examplesPerSecond: 12_800 })]);
    history.ingest(1, [update({ step: 40, computeSeconds: 0.1, stepsPerSecond: 400, examplesPerSecond: 12_800 })]);
    history.ingest(1, [update({ step: 41, stepsPerSecond: 390, examplesPerSecond: 12_480, timingSource: 'earlier' })]);
    history.ingest(1, [update({ step: 90, epoch: 5.6, examplesSeen: 2_880, computeSeconds: 0.22, stepsPerSecond: 410, examplesPerSecond: 13_120 })]);
    expect(history.runs().get('mini')!.throughput).toEqual([
      { step: 40, epoch: 75.25, examples: 38_528, seconds: 0.1, stepsPerSecond: 400, examplesPerSecond: 12_800 },
      { step: 90, epoch: 5.6, examples: 2_880, seconds: 0.22, stepsPerSecond: 410, examplesPerSecond: 13_120 },
    ]);
    expect(throughputPoint(status({ step: 10 }), { step: 10, epoch: 0, examples: 0, seconds: 0, stepsPerSecond: 1, examplesPerSecond: 1 })).toBeNull();
  });

  it('draws each rate on the chosen x-axis, at most 200 points, and keeps the latest reading', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ step: i, epoch: i / 16, examples: 32 * i, seconds: i / 100, stepsPerSecond: 100 + (i % 2), examplesPerSecond: 3200 + 32 * (i % 2) }));
    const series = throughputSeries(points, 'seconds');
    expect(series.stepsPerSecond.length).toBeLessThanOrEqual(200);
    expect(series.stepsPerSecond[0]).toEqual({ x: 0, y: 100 });
    expect(series.examplesPerSecond.at(-1)).toEqual({ x: 9.99, y: 3232 });
    // Bucket means: alternating 100 and 101 average to 100.5 inside.
    expect(series.stepsPerSecond[50]!.y).toBeCloseTo(100.5, 1);
    expect(series.latest).toBe(points.at(-1));
  });
});
