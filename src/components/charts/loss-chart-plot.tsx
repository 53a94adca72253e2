import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceDot, ReferenceLine } from 'recharts';
import { AXIS_TEXT, xAxisElement, yAxisElement } from './chart-axes';
import type { RunSeries } from '../../store/chart-series';
import { MARKER_ROW_PX } from './chart-geometry';
import { markerRowsHeight, type EventMarker } from './event-markers';
import { LineEndLabels } from './line-end-labels';
import type { AxisScale, Domain } from './nice-ticks';
import type { ChartRun, TooltipRow } from './series-lookup';

/** A curve kept from an earlier run, drawn faint and dotted for comparison. */
export interface PinnedLine {
  id: string;
  label: string;
  colour: string;
  series: RunSeries;
}

export interface LossChartPlotProps {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  runs: readonly ChartRun[];
  pinned: readonly PinnedLine[];
  x: AxisScale;
  y: AxisScale;
  logY: boolean;
  xTitle: string;
  yAxisWidth: number;
  markers: readonly EventMarker[];
  /** The readout's x and each run's values there (dots on the training lines); null: no readout. */
  hover: { x: number; rows: readonly TooltipRow[] } | null;
  /** The x-range being dragged across. */
  selection: Domain | null;
  /** Each run's name beside its line's end (false on a phone-width chart: a key under it names them). */
  endLabels?: boolean;
}

// Marker text sits this far above the plot's top edge, clear of its top grid line.
const MARKER_TEXT_LIFT_PX = 4;

/** The recharts drawing of the loss chart: axes with our own ticks, the lines, markers, readout cursor and drag shade. */
export function LossChartPlot({ width, height, margin, runs, pinned, x, y, logY, xTitle, yAxisWidth, markers, hover, selection, endLabels = true }: LossChartPlotProps) {
  // The markers' rows stand in the top margin (loss-chart reserves them), counted up from the plot's top edge.
  const rows = markerRowsHeight(markers, MARKER_ROW_PX) / MARKER_ROW_PX;
  return (
    // Inert: React listens for events on recharts' z-index layer groups (portal containers), which makes Chromium put
    // each of them in the tab order; the chart element around this is the one tab stop and takes every pointer event.
    <div className="loss-chart-drawing" inert>
      <ComposedChart width={width} height={height} margin={margin} accessibilityLayer={false}>
        <CartesianGrid stroke="#e3e7ec" />
        {xAxisElement(x, xTitle)}
        {yAxisElement(y, 'loss', logY, yAxisWidth)}
        {pinned.map((p) => (
          <Line key={p.id} data={p.series.train} dataKey="y" name={p.label} stroke={p.colour} strokeOpacity={0.35} strokeDasharray="2 4" strokeWidth={2} dot={false} activeDot={false} isAnimationActive={false} />
        ))}
        {/* A wide faint stroke, not a filled area: software compositing pays for every filled pixel at each update. */}
        {runs.map((run) => (
          <Line key={`${run.id}-batch`} data={run.series.band} dataKey="mean" name={`${run.label} loss on its batches (smoothed)`} stroke={run.colour} strokeOpacity={0.25} strokeWidth={6} strokeLinecap="round" strokeLinejoin="round" dot={false} activeDot={false} isAnimationActive={false} />
        ))}
        {runs.map((run) => (
          <Line key={`${run.id}-test`} data={run.series.loss} dataKey="test" name={`${run.label} test loss`} stroke={run.colour} strokeDasharray="6 4" strokeWidth={1.5} dot={false} activeDot={false} isAnimationActive={false} />
        ))}
        {runs.map((run) => (
          <Line key={`${run.id}-train`} data={run.series.train} dataKey="y" name={`${run.label} training loss`} stroke={run.colour} strokeWidth={3} dot={run.series.train.length === 1 ? { r: 4, fill: run.colour } : false} activeDot={false} isAnimationActive={false} />
        ))}
        {markers.map((m, i) => (
          <ReferenceLine
            key={`${i}-${m.x}`}
            x={m.x}
            stroke={m.colour}
            strokeDasharray="3 3"
            label={m.text ? { value: m.text, position: m.anchor === 'start' ? 'insideTopLeft' : 'insideTopRight', dy: (m.row - rows) * MARKER_ROW_PX - MARKER_TEXT_LIFT_PX, fontSize: 11, fill: AXIS_TEXT, className: 'event-marker-label' } : undefined}
          />
        ))}
        {hover ? <ReferenceLine x={hover.x} stroke="#5b6673" strokeWidth={1} /> : null}
        {hover?.rows.map((row) =>
          row.train === null ? null : <ReferenceDot key={row.id} x={hover.x} y={row.train} r={4} fill={row.colour} stroke="#fff" strokeWidth={1.5} />,
        )}
        {selection ? <ReferenceArea x1={selection[0]} x2={selection[1]} fill="#0072B2" fillOpacity={0.12} stroke="#0072B2" strokeOpacity={0.4} /> : null}
        {endLabels ? <LineEndLabels runs={runs} xDomain={x.domain} yDomain={y.domain} /> : null}
      </ComposedChart>
    </div>
  );
}
