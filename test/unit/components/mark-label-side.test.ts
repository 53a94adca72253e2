import { describe, expect, it } from 'vitest';
import { markLabelSide } from '../../../src/components/charts/metric-plot';

describe('a vertical mark’s label', () => {
  it('goes right of its line near the left edge, where it would cover the y-axis ticks, and left of it elsewhere', () => {
    const logB = { domain: [1, 512] as [number, number], ticks: [1, 4, 16, 64, 256] };
    expect(markLabelSide(1, logB, true)).toBe('insideTopLeft');
    expect(markLabelSide(32, logB, true)).toBe('insideTopRight');
    expect(markLabelSide(512, logB, true)).toBe('insideTopRight');
    // On a linear axis B = 32 of 512 is near the left edge.
    expect(markLabelSide(32, { domain: [0, 512], ticks: [0, 256, 512] }, false)).toBe('insideTopLeft');
  });
});
