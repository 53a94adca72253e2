import { describe, expect, it } from 'vitest';
import { batchVarianceCurve, gradientCloud, gradientMoments, powerOfTwoSizes } from '../../../src/engine/batch-variance';
import { createRng } from '../../../src/engine/rng';

/** A small per-example matrix: row i = (i, i², 1 − i) for i = 0..n−1. */
function matrix(n: number) {
  const values = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) values.set([i, i * i, 1 - i], i * 3);
  return { n, p: 3, values };
}

describe('variance versus batch size, from the per-example matrix', () => {
  it('moments equal a direct computation', () => {
    const m = matrix(5);
    const { mean, gradNormSq, traceSigma } = gradientMoments(m);
    expect(Array.from(mean)).toEqual([2, 6, -1]);
    expect(gradNormSq).toBeCloseTo(4 + 36 + 1, 12);
    // Σ_i |g_i − G|² / N: (0−2)²+(0−6)²+(1+1)² … computed row by row.
    const rows = [0, 1, 2, 3, 4].map((i) => [i - 2, i * i - 6, -i + 2]);
    expect(traceSigma).toBeCloseTo(rows.reduce((s, r) => s + r.reduce((t, v) => t + v * v, 0), 0) / 5, 12);
  });

  it('sizes are 1, 2, 4, … below N, then N (a partial last size included)', () => {
    expect(powerOfTwoSizes(12)).toEqual([1, 2, 4, 8, 12]);
    expect(powerOfTwoSizes(1)).toEqual([1]);
  });

  it('measured E|g_B − G|² follows tr(Σ)/B · (N − B)/(N − 1) at every B < N, and is 0 at B = N', () => {
    const m = matrix(12);
    const { points } = batchVarianceCurve(m, [1, 2, 3, 4, 8, 11, 12], 20_000, createRng(7, 'noise-probe'));
    for (const point of points.filter((p) => p.batchSize < 12)) {
      expect(point.batches).toBe(20_000);
      expect(Math.abs(point.measured / point.theory - 1)).toBeLessThan(0.05);
    }
    const full = points.at(-1)!;
    expect(full.theory).toBe(0);
    expect(full.batches).toBe(1);
    expect(full.measured).toBeLessThan(1e-20);
  });

  it('the cloud: B = N collapses to G; the projection puts G at (|G|, 0); larger batches scatter less', () => {
    const m = matrix(40);
    const { mean, gradNormSq } = gradientMoments(m);
    const all = gradientCloud(m, 40, 300, createRng(1, 'noise-probe'));
    expect(all.kind).toBe('projection');
    expect(all.points).toHaveLength(1);
    expect(all.full[0]).toBeCloseTo(Math.sqrt(gradNormSq), 9);
    expect(all.full[1]).toBeCloseTo(0, 6);
    expect(all.points[0]![0]).toBeCloseTo(all.full[0], 6);
    const spread = (size: number) => {
      const { points, full } = gradientCloud(m, size, 300, createRng(2, 'noise-probe'));
      return Math.sqrt(points.reduce((s, [a, b]) => s + (a - full[0]) ** 2 + (b - full[1]) ** 2, 0) / points.length);
    };
    expect(spread(16)).toBeLessThan(spread(1) / 2);
    expect(mean.length).toBe(3);
  });

  it('the cloud of a two-parameter model is drawn in (∂w, ∂b) itself', () => {
    const values = new Float32Array([1, 2, 3, 4, 5, 6]);
    const cloud = gradientCloud({ n: 3, p: 2, values }, 1, 50, createRng(3, 'noise-probe'));
    expect(cloud.kind).toBe('parameters');
    expect(cloud.full).toEqual([3, 4]);
    for (const point of cloud.points) expect([[1, 2], [3, 4], [5, 6]]).toContainEqual(point);
  });
});
