import { describe, expect, it } from 'vitest';
import { CHART_MARGIN, chartMargin, pixelAtX, plotSpan, xAtPixel, yAxisWidth } from '../../../src/components/charts/chart-geometry';

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
});
