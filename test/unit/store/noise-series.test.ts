import { describe, expect, it } from 'vitest';
import type { NoisePoint } from '../../../src/runtime/protocol';
import { MAX_CHART_POINTS } from '../../../src/store/chart-series';
import { centredMeans, noiseSeries, RATIO_WINDOW } from '../../../src/store/noise-series';

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

  it('draws at most MAX_CHART_POINTS per line however long the run', () => {
    const s = noiseSeries(Array.from({ length: 3000 }, (_, i) => point(i, { relativeError: 1 + (i % 7), cosine: Math.sin(i) })), 'steps');
    for (const line of [s.errorDots, s.error, s.expectedError, s.cosine, s.cosineDots, s.bSimple]) expect(line.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(s.error[0]!.x).toBe(0);
    expect(s.error.at(-1)!.x).toBe(2999);
  });
});
