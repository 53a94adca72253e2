import { describe, expect, it } from 'vitest';
import type { NoisePoint } from '../../../src/runtime/protocol';
import { MAX_CHART_POINTS } from '../../../src/store/chart-series';
import { centredMeans, measuredStretches, noiseSeries, RATIO_WINDOW } from '../../../src/store/noise-series';

function point(step: number, overrides: Partial<NoisePoint> = {}): NoisePoint {
  return { step, epoch: step / 10, examples: step * 8, seconds: step / 100, batchSize: 8, cosine: 0.5, relativeError: 1, expectedRelativeError: 1, singleRelativeError: 4, bSimple: 40, estimate: null, ...overrides };
}

describe('noise series', () => {
  it('centred means shrink the window at the ends so nothing lags', () => {
    expect(centredMeans([1, 2, 3, 4, 5], 1)).toEqual([1, 2, 3, 4, 5]);
    expect(centredMeans([0, 0, 9, 0, 0], 1)).toEqual([0, 3, 3, 3, 0]);
    expect(centredMeans([4, 8], 0)).toEqual([4, 8]);
  });

  it('averages the error as a root mean square (like its expectation) and keeps every measurement as a dot', () => {
    const s = noiseSeries([point(0, { relativeError: 1 }), point(1, { relativeError: 100 }), point(2, { relativeError: 1 }), point(3, { relativeError: 100 }), point(4, { relativeError: 1 })], 'steps');
    expect(s.errorDots.map((d) => d.y)).toEqual([1, 100, 1, 100, 1]);
    // Radius 2 at the middle point: the RMS of 1, 100, 1, 100, 1 is √((3 + 2 · 10⁴) / 5).
    expect(s.error[2]!.y).toBeCloseTo(Math.sqrt((3 + 2e4) / 5), 9);
  });

  it('leaves out what a log axis cannot draw: a zero error (B = N) and an infinite noise scale', () => {
    const s = noiseSeries([point(0, { relativeError: 0, bSimple: Infinity }), point(1, { relativeError: 0, bSimple: 30 })], 'epochs');
    expect(s.errorDots).toEqual([]);
    expect(s.error).toEqual([]);
    expect(s.bSimple).toHaveLength(1);
    expect(s.bSimple[0]!.x).toBe(0.1);
    expect(s.bSimple[0]!.y).toBeCloseTo(30, 9);
    expect(s.cosine).toHaveLength(2);
  });

  it('shows the two-batch estimate only where it has settled', () => {
    const s = noiseSeries(
      [
        point(0, { estimate: { bSimple: -5, samples: 1, settled: false } }),
        point(1, { estimate: { bSimple: 900, samples: 2, settled: false } }),
        point(2, { estimate: { bSimple: 35, samples: 10, settled: true } }),
      ],
      'steps',
    );
    expect(s.estimate).toEqual([{ x: 2, y: 35 }]);
    expect(s.latest?.step).toBe(2);
  });

  it('compares one example with the batch at the same parameters: the RMS ratio over the last RATIO_WINDOW measurements', () => {
    const old = Array.from({ length: 30 }, (_, i) => point(i, { relativeError: 1, singleRelativeError: 100 }));
    const recent = Array.from({ length: RATIO_WINDOW }, (_, i) => point(30 + i, { relativeError: i % 2 ? 1 : 2, singleRelativeError: i % 2 ? 3 : 4 }));
    // √((9 + 16) / (1 + 4)) = √5 whatever the window's length, as the pairs repeat.
    expect(noiseSeries([...old, ...recent], 'steps').singleVsBatch).toBeCloseTo(Math.sqrt(5), 9);
    expect(noiseSeries([point(0, { relativeError: 0 })], 'steps').singleVsBatch).toBeNull();
  });

  it('never averages across a stretch where measuring was off, and says where each later stretch begins', () => {
    const before = [0, 1, 2, 3, 4].map((step) => point(step, { relativeError: 1, bSimple: 10 }));
    const after = [50, 51, 52, 53, 54].map((step, i) => point(step, { relativeError: 100, bSimple: 1000, ...(i === 0 ? { afterGap: true as const } : {}) }));
    expect(measuredStretches([...before, ...after]).map((s) => s.length)).toEqual([5, 5]);
    const s = noiseSeries([...before, ...after], 'steps');
    expect(s.breaks).toEqual([50]);
    // Radius 2 reaches across the gap from step 4 and 50 if the stretches were one line.
    expect(s.error.find((p) => p.x === 4)!.y).toBeCloseTo(1, 9);
    expect(s.error.find((p) => p.x === 50)!.y).toBeCloseTo(100, 9);
    expect(s.bSimple.find((p) => p.x === 4)!.y).toBeCloseTo(10, 9);
    expect(noiseSeries(before, 'steps').breaks).toEqual([]);
  });

  it('draws at most MAX_CHART_POINTS per line however long the run', () => {
    const s = noiseSeries(Array.from({ length: 3000 }, (_, i) => point(i, { relativeError: 1 + (i % 7), cosine: Math.sin(i) })), 'steps');
    for (const line of [s.errorDots, s.error, s.expectedError, s.cosine, s.cosineDots, s.bSimple]) expect(line.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(s.error[0]!.x).toBe(0);
    expect(s.error.at(-1)!.x).toBe(2999);
    const broken = noiseSeries(Array.from({ length: 3000 }, (_, i) => point(i, { relativeError: 1 + (i % 7), ...(i % 1000 === 0 && i > 0 ? { afterGap: true as const } : {}) })), 'steps');
    expect(broken.error.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(broken.breaks).toEqual([1000, 2000]);
    // Each stretch keeps its own first and last measurement: no thinned point lands in a gap.
    for (const x of [999, 1000, 1999, 2000]) expect(broken.error.some((p) => p.x === x)).toBe(true);
  });
});
