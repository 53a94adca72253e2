import { describe, expect, it } from 'vitest';
import { spreadLabels } from '../../../src/components/charts/spread-labels';

describe('spreadLabels', () => {
  it('leaves labels that are far enough apart where they are', () => {
    expect(spreadLabels([10, 50, 100], 15, [0, 200])).toEqual([10, 50, 100]);
  });

  it('pushes colliding labels apart, keeping their order and the input order of the result', () => {
    const ys = spreadLabels([100, 98, 101], 15, [0, 300]);
    const sorted = [...ys].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(15);
    expect(ys[1]).toBeLessThan(ys[0]!);
    expect(ys[0]).toBeLessThan(ys[2]!);
  });

  it('keeps labels inside the plot when they bunch at its bottom', () => {
    const ys = spreadLabels([200, 200, 200], 15, [0, 200]);
    expect(Math.max(...ys)).toBeLessThanOrEqual(200);
    expect([...ys].sort((a, b) => a - b)).toEqual([170, 185, 200]);
  });
});
