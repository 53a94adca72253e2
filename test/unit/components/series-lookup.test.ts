import { describe, expect, it } from 'vitest';
import { chartRuns, nearestMeasuredX, tooltipRows, valueAt, valuesInRange } from '../../../src/components/charts/series-lookup';
import type { RunSeries } from '../../../src/store/chart-series';
import { defaultRuns } from '../../../src/store/run-settings';

const line = [
  { x: 0, y: 1 },
  { x: 10, y: 0.5 },
  { x: 20, y: 0.25 },
];

describe('series lookup', () => {
  it('interpolates linearly between the two points around x', () => {
    expect(valueAt(line, 5, (p) => p.y)).toBeCloseTo(0.75);
    expect(valueAt(line, 15, (p) => p.y)).toBeCloseTo(0.375);
  });

  it('returns a point’s own value at its x, including both ends', () => {
    expect(valueAt(line, 0, (p) => p.y)).toBe(1);
    expect(valueAt(line, 10, (p) => p.y)).toBe(0.5);
    expect(valueAt(line, 20, (p) => p.y)).toBe(0.25);
  });

  it('never extrapolates: nothing before the first or after the last point, nor on an empty line', () => {
    expect(valueAt(line, -1, (p) => p.y)).toBeNull();
    expect(valueAt(line, 20.5, (p) => p.y)).toBeNull();
    expect(valueAt([], 0, (p: { x: number }) => p.x)).toBeNull();
  });

  it('collects a line’s values inside a range, with its values at the edges', () => {
    expect(valuesInRange(line, [5, 12]).sort()).toEqual([0.45, 0.5, 0.75].sort());
  });

  it('lists every run at the hovered x with training and test loss, or nothing outside its range', () => {
    const short: RunSeries = { loss: [{ x: 0, train: 1, test: 1.2 }, { x: 10, train: 0.5, test: 0.7 }], train: [{ x: 0, y: 1 }, { x: 10, y: 0.5 }], band: [], events: [] };
    const long: RunSeries = { loss: [{ x: 0, train: 0.9, test: 1 }, { x: 100, train: 0.1, test: 0.3 }], train: [{ x: 0, y: 0.9 }, { x: 100, y: 0.1 }], band: [], events: [] };
    const runs = chartRuns(defaultRuns(32), { single: short, mini: long }, 512);
    expect(runs.map((r) => r.label)).toEqual(['B = 1', 'B = 32']);
    const rows = tooltipRows(runs, 50);
    expect(rows.map((r) => [r.label, r.train, r.test])).toEqual([
      ['B = 1', null, null],
      ['B = 32', 0.5, 0.65],
    ]);
    expect(rows[0]!.colour).toBe('#E69F00');
    expect(rows[1]).toMatchObject({ trainMeasured: false, testMeasured: false });
    expect(tooltipRows(runs, 10)[0]).toMatchObject({ train: 0.5, trainMeasured: true, testMeasured: true });
  });

  it('snaps the readout to the nearest measurement inside the visible range', () => {
    const a: RunSeries = { loss: [], train: [{ x: 0, y: 1 }, { x: 7, y: 0.6 }, { x: 12, y: 0.5 }], band: [], events: [] };
    const b: RunSeries = { loss: [], train: [{ x: 0, y: 1 }, { x: 20, y: 0.4 }], band: [], events: [] };
    const runs = chartRuns(defaultRuns(32), { single: a, mini: b }, 512);
    expect(nearestMeasuredX(runs, 5.55, [0, 20])).toBe(7);
    expect(nearestMeasuredX(runs, 17, [0, 20])).toBe(20);
    // Zoomed to [1, 10]: only x = 7 lies inside.
    expect(nearestMeasuredX(runs, 1.2, [1, 10])).toBe(7);
    expect(nearestMeasuredX([], 3.3, [0, 10])).toBe(3.3);
  });
});
