import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/engine/datasets';
import { contourLevels, fitExtent, leastSquares, lineStats, lossAt, lossGrid, noiseBall } from '../../../src/components/views/landscape-model';
import { parameterPath, MAX_PATH_POINTS, RECENT_POINTS } from '../../../src/store/parameter-path';

const train = generateDataset({ name: 'line', n: 200, noise: 0.3, testShare: 0.25, seed: 4 }).train;
const direct = (w: number, b: number) => {
  let sum = 0;
  for (let i = 0; i < train.count; i++) sum += (w * train.x[i]! + b - train.y[i]!) ** 2;
  return sum / train.count;
};

describe('the loss landscape of the linear model on line', () => {
  it('loss from the sums equals a direct evaluation at any (w, b)', () => {
    const stats = lineStats(train);
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (w, b) => {
        expect(lossAt(stats, w, b)).toBeCloseTo(direct(w, b), 6);
      }),
    );
  });

  it('the contour grid holds the loss at its grid points', () => {
    const stats = lineStats(train);
    const extent = { w: [-1, 3] as [number, number], b: [-2, 2] as [number, number] };
    const grid = lossGrid(stats, extent, 5, 9);
    for (const [i, j] of [[0, 0], [4, 8], [2, 3], [1, 7]] as const) {
      const w = -1 + (4 * i) / 4;
      const b = -2 + (4 * j) / 8;
      expect(grid[j * 5 + i]).toBeCloseTo(direct(w, b), 6);
    }
  });

  it('the least-squares optimum is the lowest point: every nearby point is higher', () => {
    const stats = lineStats(train);
    const o = leastSquares(stats);
    const best = lossAt(stats, o.w, o.b);
    for (const [dw, db] of [[1e-3, 0], [-1e-3, 0], [0, 1e-3], [0, -1e-3], [1e-3, 1e-3]]) expect(lossAt(stats, o.w + dw!, o.b + db!)).toBeGreaterThan(best);
  });

  it('levels rise from the minimum to the maximum; the fitted box holds the optimum and every path point', () => {
    const levels = contourLevels(1, 11, 4);
    expect(levels[0]).toBeGreaterThan(1);
    expect(levels.at(-1)).toBeLessThan(11);
    expect([...levels].sort((a, b) => a - b)).toEqual(levels);
    const path = [{ w: -3, b: 0.5 }, { w: 0.2, b: 4 }];
    const box = fitExtent(path, { w: 1, b: 1 });
    for (const p of [...path, { w: 1, b: 1 }]) {
      expect(p.w).toBeGreaterThan(box.w[0]);
      expect(p.w).toBeLessThan(box.w[1]);
      expect(p.b).toBeGreaterThan(box.b[0]);
      expect(p.b).toBeLessThan(box.b[1]);
    }
  });

  it('the noise ball is the RMS distance of the last points from the optimum', () => {
    const path = [...Array.from({ length: 20 }, () => ({ w: 10, b: 10 })), ...Array.from({ length: 20 }, (_, i) => ({ w: i % 2 ? 3 : -3, b: 4 }))];
    expect(noiseBall(path, { w: 0, b: 0 })).toBeCloseTo(5, 12);
    // Until the path is twice as long as the window, the way down would count as wandering: no figure yet.
    expect(noiseBall(path.slice(1), { w: 0, b: 0 })).toBeNull();
  });

  it('a path keeps its recent points whole and thins the rest', () => {
    const evals = Array.from({ length: 2000 }, (_, i) => ({ step: i, epoch: 0, examples: i, seconds: 0, trainLoss: 1, testLoss: 1, accuracy: null, params: [i, -i] }));
    const path = parameterPath(evals);
    expect(path).toHaveLength(MAX_PATH_POINTS);
    expect(path.slice(-RECENT_POINTS).map((p) => p.step)).toEqual(Array.from({ length: RECENT_POINTS }, (_, i) => 1800 + i));
    expect(path[0]).toEqual({ step: 0, w: 0, b: -0 });
    expect(parameterPath([{ ...evals[0]!, params: undefined }])).toEqual([]);
  });
});
