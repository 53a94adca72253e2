import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearScale, linearTicks, logScale } from '../../../src/components/charts/nice-ticks';

const strictlyIncreasing = (values: number[]) => values.every((v, i) => i === 0 || v > values[i - 1]!);

describe('nice ticks', () => {
  it('ends linear ticks on a round number, not at an odd domain end such as 579 or 245,760', () => {
    expect(linearTicks([0, 579], 6)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(linearTicks([0, 245760], 6).at(-1)).toBe(200000);
  });

  it('keeps counting axes to whole numbers', () => {
    expect(linearTicks([0, 3], 6, true)).toEqual([0, 1, 2, 3]);
  });

  it('gives a one-point linear chart a padded domain with distinct ticks', () => {
    const { domain, ticks } = linearScale(0.76, 0.76);
    expect(domain[0]).toBeLessThan(0.76);
    expect(domain[1]).toBeGreaterThan(0.76);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
  });

  it('starts a linear loss axis at zero when asked and rounds its top up', () => {
    expect(linearScale(0, 0.76)).toEqual({ domain: [0, 0.8], ticks: [0, 0.2, 0.4, 0.6, 0.8] });
    expect(linearScale(0, 0).domain).toEqual([0, 0.5]);
  });

  it('gives a one-point log chart a range of at least a factor 2 around the value, with round ticks', () => {
    expect(logScale(0.76, 0.76)).toEqual({ domain: [0.5, 1.5], ticks: [0.5, 0.6, 0.8, 1, 1.5] });
    expect(logScale(2e-7, 3e-7)).toEqual({ domain: [1.5e-7, 4e-7], ticks: [1.5e-7, 2e-7, 3e-7, 4e-7] });
  });

  it('labels a log range of a decade or two at 1-2-5 and a wider one at powers of ten only', () => {
    expect(logScale(0.3, 0.7)).toEqual({ domain: [0.3, 0.8], ticks: [0.3, 0.4, 0.5, 0.6, 0.8] });
    expect(logScale(0.05, 0.7)).toEqual({ domain: [0.05, 1], ticks: [0.05, 0.1, 0.2, 0.5, 1] });
    expect(logScale(0.004, 0.8)).toEqual({ domain: [0.001, 1], ticks: [0.001, 0.01, 0.1, 1] });
  });

  it('thins the powers of ten on a log axis spanning many decades', () => {
    const { domain, ticks } = logScale(1e-6, 1e30);
    expect(domain).toEqual([1e-6, 1e30]);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks.at(-1)).toBe(1e30);
    expect(ticks.every((t) => Number.isInteger(Math.log10(t)))).toBe(true);
  });

  it('always covers the data with increasing ticks inside the domain (any range)', () => {
    const positive = fc.double({ min: 1e-8, max: 1e8, noNaN: true });
    fc.assert(
      fc.property(positive, positive, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        for (const { domain, ticks } of [linearScale(low, high), logScale(low, high)]) {
          expect(domain[0]).toBeLessThanOrEqual(low);
          expect(domain[1]).toBeGreaterThanOrEqual(high);
          expect(domain[1]).toBeGreaterThan(domain[0]);
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          expect(strictlyIncreasing(ticks)).toBe(true);
          expect(ticks[0]).toBeGreaterThanOrEqual(domain[0] * (1 - 1e-9));
          expect(ticks.at(-1)).toBeLessThanOrEqual(domain[1] * (1 + 1e-9));
        }
      }),
    );
  });
});
