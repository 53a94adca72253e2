import { describe, expect, it } from 'vitest';
import { chartLines, drawableSeries, initialLoss, lossChartScales, sharedXDomain, wholeXDomain, yScale } from '../../../src/components/charts/chart-domain';
import type { ChartRun } from '../../../src/components/charts/series-lookup';
import type { RunSeries } from '../../../src/store/chart-series';

function run(id: string, points: [number, number][], band: [number, number][] = []): ChartRun {
  const series: RunSeries = { loss: points.map(([x, train]) => ({ x, train, test: train })), band: band.map(([x, mean]) => ({ x, mean })), events: [] };
  return { id, label: id, colour: '#000', series };
}

const steady = run('steady', [[0, 0.7], [50, 0.4], [100, 0.3]]);
// Loss blows up before the run is flagged as diverged.
const diverging = run('diverging', [[0, 0.69], [40, 2], [60, 1e30]]);

describe('x-domain', () => {
  it('spans 0 to the furthest point of any line', () => {
    expect(wholeXDomain(chartLines([steady, diverging]))).toEqual([0, 100]);
  });

  it('gives a chart with only a point at 0 the range 0 … 1', () => {
    expect(wholeXDomain(chartLines([run('start', [[0, 0.76]])]))).toEqual([0, 1]);
    expect(wholeXDomain([])).toEqual([0, 1]);
  });

  it('fits to the range every run has reached: the smallest of the runs’ last x', () => {
    expect(sharedXDomain([steady, diverging])).toEqual([0, 60]);
    // A run's batch-loss band can run ahead of its last evaluation.
    expect(sharedXDomain([steady, run('b', [[0, 1], [30, 0.5]], [[0, 1], [45, 0.6]])])).toEqual([0, 45]);
  });

  it('has no shared range while no run has moved past 0', () => {
    expect(sharedXDomain([])).toBeNull();
    expect(sharedXDomain([run('start', [[0, 0.76]]), steady])).toBeNull();
  });
});

describe('y-domain', () => {
  it('takes the largest initial loss of the runs as its reference', () => {
    expect(initialLoss([steady, diverging])).toBe(0.7);
    expect(initialLoss([])).toBeNull();
  });

  it('caps a log axis three decades above the initial loss however far a run shoots up, and says what lies above', () => {
    const { domain, ticks, above } = lossChartScales([steady, diverging], [], 'steps', true, null).y;
    expect(domain[1]).toBeGreaterThanOrEqual(700);
    expect(domain[1]).toBeLessThanOrEqual(1000);
    expect(domain[0]).toBeLessThanOrEqual(0.3);
    expect(ticks.every((t) => t <= 1000)).toBe(true);
    expect(above).toBe(1e30);
  });

  it('keeps an unstable run’s finite loss on the chart (moons at lr 10: about 30 against a start of 0.77)', () => {
    const unstable = run('unstable', [[0, 0.77], [20, 30], [40, 34], [60, 28]]);
    for (const logY of [true, false]) {
      const { domain, above } = lossChartScales([steady, unstable], [], 'steps', logY, null).y;
      expect(domain[1]).toBeGreaterThanOrEqual(34);
      expect(above).toBeNull();
    }
  });

  it('caps a linear axis a hundredfold above the initial loss, starting at 0', () => {
    const { domain, above } = lossChartScales([steady, diverging], [], 'steps', false, null).y;
    expect(domain[0]).toBe(0);
    expect(domain[1]).toBeGreaterThanOrEqual(70);
    expect(domain[1]).toBeLessThanOrEqual(80);
    expect(above).toBe(1e30);
  });

  it('fits the data inside a zoomed x-range, including where lines cross its edges', () => {
    const lines = chartLines([steady]);
    const { domain } = yScale({ lines, xDomain: [60, 100], initial: 0.7, logY: false, fitBottom: true });
    // Inside [60, 100] the loss runs from 0.38 (interpolated at x = 60) down to 0.3.
    expect(domain[0]).toBeGreaterThan(0.2);
    expect(domain[0]).toBeLessThanOrEqual(0.3);
    expect(domain[1]).toBeGreaterThanOrEqual(0.38);
    expect(domain[1]).toBeLessThan(0.5);
  });

  it('stays readable when zoomed into a stretch where every value is beyond the cap', () => {
    const { domain } = yScale({ lines: chartLines([diverging]), xDomain: [59, 60], initial: 0.69, logY: true, fitBottom: true });
    expect(domain[1]).toBeGreaterThan(domain[0]);
    expect(domain[1]).toBeLessThanOrEqual(1000);
  });

  it('ignores values a log axis cannot draw and falls back to a default with no data', () => {
    const { domain } = yScale({ lines: [[{ x: 0, y: 0 }, { x: 1, y: -1 }]], xDomain: [0, 1], initial: null, logY: true, fitBottom: false });
    expect(domain).toEqual([0.1, 1]);
  });

  it('reports nothing above the axis while every value fits', () => {
    expect(yScale({ lines: chartLines([steady]), xDomain: [0, 100], initial: 0.7, logY: true, fitBottom: false }).above).toBeNull();
  });
});

describe('drawable series', () => {
  it('pulls values far beyond the y-domain in to just off the plot, so the browser can still draw the line', () => {
    const drawn = drawableSeries(diverging.series, [0.1, 10], true);
    expect(drawn.loss.map((p) => p.train)).toEqual([0.69, 2, 1e4]);
    const linear = drawableSeries(diverging.series, [0, 1.4], false);
    expect(Math.max(...linear.loss.map((p) => p.test))).toBeCloseTo(15.4);
  });

  it('leaves values inside the domain and the events as they are', () => {
    expect(drawableSeries(steady.series, [0.1, 1], true)).toEqual(steady.series);
  });
});
