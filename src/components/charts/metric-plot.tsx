import { memo } from 'react';
import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceDot, ReferenceLine } from 'recharts';
import { tickFormatter } from '../format';
import { AXIS_TEXT, xAxisElement, yAxisElement } from './chart-axes';
import { ticksThatFit, yAxisWidth } from './chart-geometry';
import { DotCloud, type DotSet } from './dot-cloud';
import type { AxisScale } from './nice-ticks';

/** One drawn line: solid (a run's measured value) or dashed (what theory or an estimate says). */
export interface PlotLine {
  id: string;
  name: string;
  colour: string;
  points: readonly { x: number; y: number }[];
  dashed?: boolean;
  width?: number;
}

/** A horizontal line across the plot with a label at its right end (e.g. a run's batch size). */
export interface PlotLevel {
  id: string;
  y: number;
  colour: string;
  label: string;
}

/** A vertical line at `x` with a label at its top (e.g. a run's batch size). */
export interface PlotMark {
  id: string;
  x: number;
  colour: string;
  label: string;
}

/** A shaded stretch of the x-axis [from, to], labelled at its top (e.g. a regime read from the measurement). */
export interface PlotBand {
  id: string;
  from: number;
  to: number;
  fill: string;
  label: string;
}

export interface MetricPlotProps {
  width: number;
  height: number;
  x: AxisScale;
  y: AxisScale;
  logY: boolean;
  logX?: boolean;
  xTitle: string;
  yTitle: string;
  lines: readonly PlotLine[];
  dots: readonly DotSet[];
  /** Dot radius (px) and opacity: a cloud of samples wants them larger than a line's measurements. */
  dotStyle?: { radius: number; opacity: number };
  levels?: readonly PlotLevel[];
  /** Vertical lines (e.g. each run's B on a batch-size axis), labelled at the top. */
  marks?: readonly PlotMark[];
  /** The y-axis width (px), where a chart stacked above must line up with this one; else fitted to the tick labels. */
  yAxisWidthPx?: number;
  /** Shaded x-ranges, drawn under everything else. */
  bands?: readonly PlotBand[];
  /** Drawn as larger dots with a dark outline (e.g. the full gradient G). */
  highlights?: readonly { id: string; x: number; y: number; colour: string }[];
}

// Room on the right for half of the last x-tick's label ("10,000"), which is centred on the plot's edge.
const MARGIN = { top: 10, right: 24, bottom: 28, left: 8 };

/** A small chart of measured lines and dots over the workspace's x-axis, with our own ticks (see nice-ticks). */
// A mark's label sits left of its line, except near the plot's left edge, where it would cover the y-axis ticks.
const LEFT_EDGE = 0.15;

/** Which side of a vertical mark its label goes. */
export function markLabelSide(value: number, x: AxisScale, logX: boolean): 'insideTopRight' | 'insideTopLeft' {
  const [from, to] = x.domain;
  const at = (v: number) => (logX ? Math.log(v) : v);
  const fraction = (at(value) - at(from)) / (at(to) - at(from));
  return fraction < LEFT_EDGE ? 'insideTopLeft' : 'insideTopRight';
}

export const MetricPlot = memo(function MetricPlot({ width, height, x, y, logY, logX = false, xTitle, yTitle, lines, dots, dotStyle, levels = [], marks = [], bands = [], highlights = [], yAxisWidthPx }: MetricPlotProps) {
  const yWidth = yAxisWidthPx ?? yAxisWidth(y.ticks.map(tickFormatter(y.ticks)));
  const xShown = { ...x, ticks: ticksThatFit(x.ticks, width - MARGIN.left - MARGIN.right - yWidth, tickFormatter(x.ticks)) };
  return (
    // Inert for the same reason as the loss chart's drawing: the element around it is the one tab stop.
    <div className="metric-plot-drawing" inert>
      <ComposedChart width={width} height={height} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid stroke="#e3e7ec" />
        {xAxisElement(xShown, xTitle, logX)}
        {yAxisElement(y, yTitle, logY, yWidth)}
        {bands.map((band) => (
          <ReferenceArea
            key={band.id}
            x1={band.from}
            x2={band.to}
            fill={band.fill}
            fillOpacity={1}
            ifOverflow="hidden"
            label={{ value: band.label, position: 'insideTop', fontSize: 11, fill: AXIS_TEXT, className: 'band-label' }}
          />
        ))}
        {levels.map((level) => (
          <ReferenceLine
            key={level.id}
            y={level.y}
            stroke={level.colour}
            strokeDasharray="2 3"
            strokeWidth={1.5}
            label={{ value: level.label, position: 'insideBottomRight', fontSize: 11, fill: AXIS_TEXT, className: 'level-label' }}
          />
        ))}
        {marks.map((mark) => (
          <ReferenceLine
            key={mark.id}
            x={mark.x}
            stroke={mark.colour}
            strokeDasharray="2 3"
            strokeWidth={1.5}
            label={{ value: mark.label, position: markLabelSide(mark.x, x, logX), fontSize: 11, fill: AXIS_TEXT, className: 'level-label' }}
          />
        ))}
        <DotCloud sets={dots} radius={dotStyle?.radius} opacity={dotStyle?.opacity} />
        {lines.map((line) => (
          <Line
            key={line.id}
            data={line.points as { x: number; y: number }[]}
            dataKey="y"
            name={line.name}
            stroke={line.colour}
            strokeWidth={line.width ?? (line.dashed ? 1.5 : 3)}
            strokeDasharray={line.dashed ? '5 4' : undefined}
            dot={line.points.length === 1 ? { r: 3, fill: line.colour } : false}
            activeDot={false}
            isAnimationActive={false}
          />
        ))}
        {highlights.map((h) => (
          <ReferenceDot key={h.id} x={h.x} y={h.y} r={6} fill={h.colour} stroke="#1d2733" strokeWidth={2} />
        ))}
      </ComposedChart>
    </div>
  );
});
