import { describe, expect, it } from 'vitest';
import { tooltipLeft } from '../../../src/components/charts/loss-tooltip';

describe('readout box position', () => {
  it('sits beside the cursor, right of it or (flipped) left of it', () => {
    expect(tooltipLeft(300, 12, false, 200, 800)).toBe(312);
    expect(tooltipLeft(600, 12, true, 200, 800)).toBe(388);
  });

  it('stays inside a phone-width chart: a 230 px box left of a cursor at 200 px starts at the edge, not at −42', () => {
    expect(tooltipLeft(200, 12, true, 230, 390)).toBe(2);
    expect(tooltipLeft(250, 12, false, 230, 390)).toBe(158);
  });
});
