import type { Domain } from './nice-ticks';

/** Space around the plot, in pixels, before the right margin is sized for the run labels at the lines' ends. */
export const CHART_MARGIN = { top: 8, right: 16, bottom: 28, left: 8 } as const;
/** Offset of a line-end label from its line's end, and the colour swatch drawn before its text, in pixels. */
export const END_LABEL = { offset: 6, swatch: 12, gap: 4 } as const;
/** The x-axis band under the plot (ticks and their labels), in pixels. */
export const X_AXIS_HEIGHT = 30;
/** Axis tick text size, in pixels (styles.css sets the same). */
export const TICK_FONT_PX = 12;
/** One row of event-marker text, in pixels. */
export const MARKER_ROW_PX = 14;
/** The chart's size before the browser has measured it (and in tests, where nothing is measured). */
export const INITIAL_CHART_SIZE = { width: 800, height: 340 } as const;

// A conservative average glyph width of the 12 px semibold run labels.
const LABEL_CHAR_PX = 7.2;
// Room for the rotated axis title plus the tick marks, beside the widest tick label.
const Y_TITLE_ROOM = 30;
// A conservative average glyph width of the 12 px system font for digits, separators and superscripts.
const TICK_CHAR_PX = 7.5;

// Room between two x-axis tick labels, in pixels.
const X_TICK_GAP_PX = 14;

// Labels up to this long share one axis width, so the plot does not shift sideways as "0.5" becomes "0.05".
const MIN_TICK_CHARS = 4;

/** A y-axis wide enough that its longest tick label never reaches the axis title. */
export function yAxisWidth(tickLabels: readonly string[]): number {
  const longest = Math.max(MIN_TICK_CHARS, ...tickLabels.map((label) => label.length));
  return Math.ceil(Y_TITLE_ROOM + longest * TICK_CHAR_PX);
}

/** The margins around the plot, the right one wide enough for the longest run label beside a line's end. */
export function chartMargin(endLabels: readonly string[]): { top: number; right: number; bottom: number; left: number } {
  const longest = Math.max(0, ...endLabels.map((label) => label.length));
  const labelRoom = longest === 0 ? 0 : END_LABEL.offset + END_LABEL.swatch + END_LABEL.gap + Math.ceil(longest * LABEL_CHAR_PX);
  return { ...CHART_MARGIN, right: Math.max(CHART_MARGIN.right, labelRoom) };
}

/** The plot's left and right edges in pixels from the chart's left edge. */
export function plotSpan(chartWidth: number, yAxis: number, margin: { left: number; right: number }): Domain {
  return [margin.left + yAxis, Math.max(margin.left + yAxis + 1, chartWidth - margin.right)];
}

/** The x value under a pixel column, clamped to the domain (a drag past the edge stops at it). */
export function xAtPixel(pixel: number, [left, right]: Domain, [from, to]: Domain): number {
  const t = Math.min(1, Math.max(0, (pixel - left) / (right - left)));
  return from + t * (to - from);
}

/** The pixel column of an x value (linear x-axis). */
export function pixelAtX(x: number, [left, right]: Domain, [from, to]: Domain): number {
  return left + ((x - from) / (to - from)) * (right - left);
}

/**
 * Every k-th of evenly spaced x ticks, the smallest k whose labels fit side by side in `plotWidth` pixels: on narrow
 * charts the step doubles or triples evenly, instead of the drawing library dropping labels here and there.
 */
export function ticksThatFit(ticks: readonly number[], plotWidth: number, format: (value: number) => string): number[] {
  const slot = Math.max(0, ...ticks.map((t) => format(t).length)) * TICK_CHAR_PX + X_TICK_GAP_PX;
  for (let every = 1; every < ticks.length; every++) {
    const kept = ticks.filter((_, i) => i % every === 0);
    if (kept.length * slot <= plotWidth) return kept;
  }
  return ticks.slice(0, 1);
}
