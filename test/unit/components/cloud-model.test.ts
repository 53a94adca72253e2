import { describe, expect, it } from 'vitest';
import { cloudChart, cloudIsG, cloudIsTight } from '../../../src/components/views/cloud-model';
import type { GradientAnalysis } from '../../../src/runtime/protocol';

/** Four batch gradients at distance `spread` around G = (0.5, 0), with one example's spread √tr(Σ) = 2. */
function analysis(spread: number): GradientAnalysis {
  return {
    runId: 'mini',
    step: 10,
    n: 512,
    rows: 512,
    parameters: 354,
    gradNormSq: 0.25,
    traceSigma: 4,
    variance: [],
    cloud: { batchSize: 32, kind: 'projection', points: [[0.5 + spread, 0], [0.5 - spread, 0], [0.5, spread], [0.5, spread]], full: [0.5, 0] },
    ms: 1,
  };
}

describe('the gradient cloud’s axes', () => {
  it('are sized by one example’s spread (twice √tr(Σ) around G), whatever the cloud, so it shrinks as B grows', () => {
    const model = cloudChart(analysis(0.05));
    expect(model.x.domain[0]).toBeLessThanOrEqual(0.5 - 4);
    expect(model.x.domain[1]).toBeGreaterThanOrEqual(0.5 + 4);
    expect(model.y.domain[1]).toBeGreaterThanOrEqual(4);
    expect(cloudChart(analysis(0.5)).x.domain).toEqual(model.x.domain);
  });

  it('fit the cloud and G when zoomed, with a little room, so a tight cloud shows its shape', () => {
    const model = cloudChart(analysis(0.05), true);
    const [x0, x1] = model.x.domain;
    const [y0, y1] = model.y.domain;
    expect(x0).toBeLessThanOrEqual(0.45);
    expect(x1).toBeGreaterThanOrEqual(0.55);
    // The cloud spans 0.1 of each: at least a third of a fitted axis, where the fixed one gives it about 1 %.
    expect(0.1 / (x1 - x0)).toBeGreaterThan(1 / 3);
    // The part across G is a length: its axis starts at 0, not below.
    expect(y0).toBe(0);
    expect(0.05 / (y1 - y0)).toBeGreaterThan(1 / 3);
  });

  it('never zoom into rounding: a cloud of one point (B = N) keeps a span of at least 2 % of the fixed reach', () => {
    const whole = { ...analysis(0), cloud: { batchSize: 512, kind: 'projection' as const, points: [[0.5, 1.3e-16]] as [number, number][], full: [0.5, 1.4e-16] as [number, number] } };
    expect(cloudIsG(whole)).toBe(true);
    expect(cloudIsG(analysis(0.05))).toBe(false);
    const model = cloudChart(whole, true);
    // Reach 2 · √4 = 4: at least ±0.08 around the point, on both axes.
    expect(model.y.domain[1] - model.y.domain[0]).toBeGreaterThanOrEqual(0.08);
    expect(model.x.domain[1] - model.x.domain[0]).toBeGreaterThanOrEqual(0.16);
  });

  it('call a cloud tight when it covers under 15 % of both fixed axes', () => {
    expect(cloudIsTight(cloudChart(analysis(0.05)))).toBe(true);
    expect(cloudIsTight(cloudChart(analysis(1.5)))).toBe(false);
  });
});
