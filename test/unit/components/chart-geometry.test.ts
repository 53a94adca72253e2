import { describe, expect, it } from 'vitest';
import { CHART_MARGIN, chartMargin, pixelAtX, plotSpan, ticksThatFit, xAtPixel, yAxisWidth } from '../../../src/components/charts/chart-geometry';
import { formatTick } from '../../../src/components/format';

describe('chart geometry', () => {
  it('widens the y-axis with its longest tick label, leaving the axis title its own room', () => {
    const narrow = yAxisWidth(['0.2', '0.5', '1']);
    const wide = yAxisWidth(['2 × 10⁻⁷', '5 × 10⁻⁷']);
    expect(wide - narrow).toBeGreaterThanOrEqual(4 * 7);
    // The title (rotated, 12 px) and tick marks need ~30 px beside the labels.
    expect(wide).toBeGreaterThanOrEqual(30 + '2 × 10⁻⁷'.length * 7);
  });

  it('keeps one axis width for all short labels so the plot does not shift as they change', () => {
    expect(yAxisWidth(['0.5'])).toBe(yAxisWidth(['0.05']));
  });

  it('makes room on the right for the longest run label at the lines’ ends', () => {
    expect(chartMargin([]).right).toBe(CHART_MARGIN.right);
    expect(chartMargin(['B = 1', 'B = N (512)']).right).toBeGreaterThan(chartMargin(['B = 1']).right);
    expect(chartMargin(['B = N (512)']).right).toBeGreaterThanOrEqual(11 * 7 + 12);
  });

  it('maps pixels to x and back across the plot, clamping drags past its edges', () => {
    const plot = plotSpan(800, 52, { left: 8, right: 100 });
    expect(plot).toEqual([60, 700]);
    expect(xAtPixel(380, plot, [0, 100])).toBe(50);
    expect(pixelAtX(50, plot, [0, 100])).toBe(380);
    expect(xAtPixel(10, plot, [0, 100])).toBe(0);
    expect(xAtPixel(790, plot, [0, 100])).toBe(100);
  });

  it('thins x ticks evenly until their labels fit side by side, keeping them all where there is room', () => {
    const steps = [0, 20, 40, 60, 80, 100, 120, 140];
    expect(ticksThatFit(steps, 700, formatTick)).toEqual(steps);
    // A phone-width plot: every other tick, so the step stays even (not 0, 20, 40, 60, 100, 140).
    expect(ticksThatFit(steps, 250, formatTick)).toEqual([0, 40, 80, 120]);
    const examples = [0, 100_000, 200_000, 300_000, 400_000, 500_000];
    const narrow = ticksThatFit(examples, 250, formatTick);
    expect(narrow[0]).toBe(0);
    const gaps = narrow.slice(1).map((t, i) => t - narrow[i]!);
    expect(new Set(gaps).size).toBe(1);
    expect(narrow.length * (formatTick(500_000).length * 7.5 + 14)).toBeLessThanOrEqual(250);
  });
});
