import { memo, useDeferredValue, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { runSeries, type RunSeries } from '../../store/chart-series';
import { useMetricsStore, type PinnedCurve } from '../../store/metrics-store';
import type { RunSetting } from '../../store/run-settings';
import { useSettingsStore } from '../../store/settings-store';
import { useUiStore, type XAxis as Axis, type XDomain } from '../../store/ui-store';
import { formatNumber, tickFormatter } from '../format';
import { chartLines, clampZoom, drawableSeries, lossChartScales, wholeXDomain } from './chart-domain';
import { X_AXIS_TITLES } from './chart-axes';
import { INITIAL_CHART_SIZE, MARKER_ROW_PX, X_AXIS_HEIGHT, chartMargin, pixelAtX, plotSpan, ticksThatFit, yAxisWidth } from './chart-geometry';
import { layoutMarkers, markerRowsHeight } from './event-markers';
import { LossChartPlot, type PinnedLine } from './loss-chart-plot';
import { LossTooltip } from './loss-tooltip';
import { chartRuns, nearestMeasuredX, tooltipRows, type ChartRun } from './series-lookup';
import { useChartPointer } from './use-chart-pointer';
import { useElementSize } from '../use-element-size';

// Gap between the readout cursor and its box, in pixels.
const TOOLTIP_OFFSET = 12;
// The row above the plot that holds the note on values clipped off its top, in pixels.
const OFFSCALE_ROW_PX = 18;
// Below this chart width (a phone) the run names go in a key under the chart, not beside the lines' ends: at 390 px
// the end labels took 110 px and left the plot 175.
const COMPACT_CHART_PX = 480;

export interface LossChartProps {
  runs: RunSetting[];
  n: number;
  series: Record<string, RunSeries>;
  pinned: PinnedCurve[];
  xAxis: Axis;
  logY: boolean;
  /** The x-range to show; null: every run's whole range. */
  xDomain?: XDomain | null;
  /** Asked to zoom to a dragged range, or (null) back to the whole range. */
  onZoom?(xDomain: XDomain | null): void;
}

function ignoreZoom(): void {}

/** The loss chart itself, from plain props (fixtures in tests): one tab stop, a readout on hover, drag to zoom. */
export const LossChartView = memo(function LossChartView({ runs, n, series, pinned, xAxis, logY, xDomain = null, onZoom = ignoreZoom }: LossChartProps) {
  const pinnedLines = useMemo<PinnedLine[]>(
    () => pinned.map((p) => ({ id: p.id, label: p.label, colour: p.colour, series: runSeries({ batchLosses: [], evals: p.evals, events: [] }, xAxis, logY) })),
    [pinned, xAxis, logY],
  );
  const visible = useMemo(() => chartRuns(runs, series, n), [runs, series, n]);
  const hasData = visible.some((r) => r.series.train.length > 0);
  const { ref, size } = useElementSize<HTMLDivElement>(INITIAL_CHART_SIZE);
  const whole = useMemo(() => wholeXDomain(chartLines(visible)), [visible]);
  const { x, y } = useMemo(
    () => lossChartScales(visible, pinnedLines.map((p) => p.series.train), xAxis, logY, xDomain),
    [visible, pinnedLines, xAxis, logY, xDomain],
  );
  const drawn = useMemo(
    () => ({
      runs: visible.map((run) => ({ ...run, series: drawableSeries(run.series, y.domain, logY) })),
      pinned: pinnedLines.map((pin) => ({ ...pin, series: drawableSeries(pin.series, y.domain, logY) })),
    }),
    [visible, pinnedLines, y.domain, logY],
  );
  const yWidth = yAxisWidth(y.ticks.map(tickFormatter(y.ticks)));
  const compact = size.width < COMPACT_CHART_PX;
  const labelled = chartMargin(compact ? [] : visible.map((run) => run.label));
  // The off-scale note gets a row of its own above the plot, clear of the run labels and markers inside it.
  const margin = y.above === null ? labelled : { ...labelled, top: labelled.top + OFFSCALE_ROW_PX };
  const plot = plotSpan(size.width, yWidth, margin);
  const plotWidth = plot[1] - plot[0];
  const xShown = useMemo(() => ({ ...x, ticks: ticksThatFit(x.ticks, plotWidth, tickFormatter(x.ticks)) }), [x, plotWidth]);
  const pointer = useChartPointer(plot, x.domain, (range) => onZoom(range === null ? null : clampZoom(range, whole, xAxis === 'steps' || xAxis === 'examples')));

  const [plotLeft, plotRight] = plot;
  const markers = useMemo(
    () =>
      layoutMarkers(
        visible.map((run) => ({ label: run.label, colour: run.colour, events: run.series.events })),
        { xDomain: x.domain, plot: [plotLeft, plotRight], plotHeight: size.height - margin.top - margin.bottom - X_AXIS_HEIGHT, rowHeight: MARKER_ROW_PX },
      ),
    [visible, x.domain, plotLeft, plotRight, size.height, margin.top, margin.bottom],
  );

  // The marker texts get rows of their own above the plot: inside it they sat over the curves' high start.
  const plotMargin = { ...margin, top: margin.top + markerRowsHeight(markers, MARKER_ROW_PX) };
  const hoverX = pointer.hoverX === null || !hasData ? null : nearestMeasuredX(visible, pointer.hoverX, x.domain);
  const hover = hoverX === null ? null : { x: hoverX, rows: tooltipRows(visible, hoverX) };
  const hoverPixel = hover ? pixelAtX(hover.x, plot, x.domain) : 0;
  return (
    <>
      <div ref={ref} className="loss-chart" role="img" tabIndex={0} aria-label={summarise(visible, xAxis, xDomain, y.above)} {...(hasData ? pointer.handlers : {})}>
        {hasData ? (
          <>
            <LossChartPlot
              width={size.width}
              height={size.height}
              margin={plotMargin}
              runs={drawn.runs}
              pinned={drawn.pinned}
              x={xShown}
              y={y}
              logY={logY}
              xTitle={X_AXIS_TITLES[xAxis]}
              yAxisWidth={yWidth}
              markers={markers}
              hover={hover}
              selection={pointer.selection}
              endLabels={!compact}
            />
            {y.above !== null ? (
              <p className="chart-offscale" style={{ top: 0, right: margin.right }}>
                ▲ off the top: values up to {formatNumber(y.above)}
              </p>
            ) : null}
            {hover ? (
              <LossTooltip
                x={hover.x}
                axisTitle={X_AXIS_TITLES[xAxis]}
                rows={hover.rows}
                flip={hoverPixel > (plotLeft + plotRight) / 2}
                cursor={hoverPixel}
                offset={TOOLTIP_OFFSET}
                chartWidth={size.width}
              />
            ) : null}
          </>
        ) : (
          <p className="chart-empty">Press ▶ Play. Each run’s loss appears here as it trains.</p>
        )}
      </div>
      {compact && hasData ? <RunKey runs={visible} /> : null}
    </>
  );
});

/** The run names under a phone-width chart, each beside its line's colour (the chart's text alternative names them too). */
function RunKey({ runs }: { runs: readonly ChartRun[] }) {
  return (
    <ul className="chart-run-key" aria-hidden="true">
      {runs.map((run) => (
        <li key={run.id}>
          <span className="chart-run-key-swatch" style={{ background: run.colour }} />
          {run.label}
        </li>
      ))}
    </ul>
  );
}

function summarise(runs: readonly ChartRun[], xAxis: Axis, xDomain: XDomain | null, above: number | null): string {
  const parts = runs.map(({ label, series }) => {
    const last = series.train.at(-1);
    return last ? `${label}: training loss ${formatNumber(last.y)} at ${formatNumber(last.x)} ${X_AXIS_TITLES[xAxis]}` : `${label}: no data yet`;
  });
  const zoom = xDomain ? ` Zoomed to ${formatNumber(xDomain[0])} – ${formatNumber(xDomain[1])} ${X_AXIS_TITLES[xAxis]}.` : '';
  const offScale = above === null ? '' : ` Values up to ${formatNumber(above)} lie above the top of the axis.`;
  return `Loss chart. ${parts.join('; ')}.${zoom}${offScale}`;
}

/** The loss chart bound to the stores. */
export function LossChart() {
  const runs = useSettingsStore(useShallow((s) => s.runs));
  const n = useSettingsStore((s) => s.experiment.n);
  // Deferred: React renders the chart in interruptible slices, so the page keeps its frames while it redraws.
  const series = useDeferredValue(useMetricsStore((s) => s.series));
  const pinned = useMetricsStore((s) => s.pinned);
  const xAxis = useUiStore((s) => s.xAxis);
  const logY = useUiStore((s) => s.logY);
  const xDomain = useUiStore((s) => s.xDomain);
  const setXDomain = useUiStore((s) => s.setXDomain);
  return <LossChartView runs={runs} n={n} series={series} pinned={pinned} xAxis={xAxis} logY={logY} xDomain={xDomain} onZoom={setXDomain} />;
}
