import { describe, expect, it } from 'vitest';
import { chartLines, clampZoom, drawableSeries, initialLoss, lossChartScales, sharedXDomain, wholeXDomain, yScale } from '../../../src/components/charts/chart-domain';
import type { ChartRun } from '../../../src/components/charts/series-lookup';
import type { RunSeries } from '../../../src/store/chart-series';

function run(id: string, points: [number, number][], band: [number, number][] = []): ChartRun {
  const series: RunSeries = { loss: points.map(([x, train]) => ({ x, train, test: train })), train: points.map(([x, y]) => ({ x, y })), band: band.map(([x, mean]) => ({ x, mean })), events: [] };
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

describe('zoom', () => {
  it('keeps a zoom that is wide enough as dragged', () => {
    expect(clampZoom([100, 200], [0, 3000], true)).toEqual([100, 200]);
  });

  it('widens a deep zoom around its middle: at least 8 steps, and 0.2 % of the whole range', () => {
    expect(clampZoom([3210.2, 3210.9], [0, 3000 * 1.1], true)).toEqual([3206.55, 3214.55]);
    const [from, to] = clampZoom([137.01, 137.011], [0, 451], false);
    expect(to - from).toBeCloseTo(0.902, 9);
    expect((from + to) / 2).toBeCloseTo(137.0105, 9);
  });

  it('keeps a widened zoom inside the whole range', () => {
    expect(clampZoom([0.1, 0.2], [0, 3000], true)).toEqual([0, 8]);
    expect(clampZoom([2999.5, 3000], [0, 3000], true)).toEqual([2992, 3000]);
  });
});

describe('y-domain', () => {
  it('takes the largest initial loss of the runs as its reference', () => {
    expect(initialLoss([steady, diverging])).toBe(0.7);
    expect(initialLoss([])).toBeNull();
  });

  it('reads the initial loss from the first evaluation, not from a batch line that already averages a blow-up', () => {
    // line at lr 10: starts at 0.27, and the smoothed batch line's first point already averages steps of 1e6 and more.
    const blowUp = run('blow-up', [[0, 0.27], [8, 5.6e19]], [[1.5, 1.25e6], [6, 1e15]]);
    expect(initialLoss([blowUp])).toBe(0.27);
    expect(lossChartScales([blowUp], [], 'steps', true, null).y.domain[1]).toBeLessThanOrEqual(1000);
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
