import { describe, expect, it } from 'vitest';
import { rateChart, throughputReading, type ThroughputRun } from '../../../src/components/views/throughput-model';
import { throughputSeries } from '../../../src/store/throughput-series';

describe('the throughput view’s model', () => {
  it('reads the smallest and largest batch against each other, from their latest figures', () => {
    const run = (id: string, batchSize: number, stepsPerSecond: number): ThroughputRun => ({
      id,
      label: id === 'full' ? 'B = N (512)' : `B = ${batchSize}`,
      colour: '#000000',
      batchSize,
      series: throughputSeries([{ step: 10, epoch: 1, examples: 10 * batchSize, seconds: 1, stepsPerSecond, examplesPerSecond: stepsPerSecond * batchSize }], 'steps'),
    });
    const runs = [run('single', 1, 300), run('mini', 32, 250), run('full', 512, 150)];
    expect(throughputReading(runs)).toBe('Right now B = 1 takes 2× as many steps per second as B = N (512), whose 512-example steps get through 256× as many examples per second.');
    const chart = rateChart(runs, 'examplesPerSecond', { domain: [0, 20], ticks: [0, 10, 20] });
    expect(chart.logY).toBe(true);
    expect(chart.y.domain[0]).toBeLessThanOrEqual(300);
    expect(chart.y.domain[1]).toBeGreaterThanOrEqual(76_800);
    expect(chart.lines.map((l) => l.points[0]!.y)).toEqual([300, 8_000, 76_800]);
    expect(throughputReading(runs.slice(0, 1))).toBeNull();
  });
});
