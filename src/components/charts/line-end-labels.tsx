import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { END_LABEL } from './chart-geometry';
import type { Domain } from './nice-ticks';
import { valueAt, type ChartRun } from './series-lookup';
import { spreadLabels } from './spread-labels';

// Vertical distance between two run labels, in pixels (one 12 px text line plus a little air).
const LABEL_GAP = 15;

interface LabelledEnd {
  run: ChartRun;
  x: number;
  y: number;
}

/** Where each run's training line leaves the visible x-range: its last point, or the right edge when zoomed in. */
function visibleEnds(runs: readonly ChartRun[], [from, to]: Domain, [bottom, top]: Domain): LabelledEnd[] {
  return runs.flatMap((run) => {
    const last = run.series.train.at(-1);
    if (!last || last.x < from) return [];
    const x = Math.min(last.x, to);
    const y = valueAt(run.series.train, x, (p) => p.y);
    return y === null ? [] : [{ run, x, y: Math.min(top, Math.max(bottom, y)) }];
  });
}

/**
 * Each run's name beside the end of its training line, so a line is never told apart by colour alone; labels that
 * would collide are pushed apart vertically, within the plot (the lr markers' text stands above it).
 * Rendered inside the chart (it reads the chart's scales).
 */
export function LineEndLabels({ runs, xDomain, yDomain }: { runs: readonly ChartRun[]; xDomain: Domain; yDomain: Domain }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  if (!xScale || !yScale || !plot) return null;
  const ends = visibleEnds(runs, xDomain, yDomain).flatMap((end) => {
    const px = xScale(end.x);
    const py = yScale(end.y);
    return px === undefined || py === undefined ? [] : [{ ...end, px, py }];
  });
  const ys = spreadLabels(
    ends.map((e) => e.py),
    LABEL_GAP,
    [plot.y + LABEL_GAP / 2, plot.y + plot.height - LABEL_GAP / 2],
  );
  return (
    <g className="line-end-labels" aria-hidden="true">
      {ends.map((end, i) => (
        <g key={end.run.id} transform={`translate(${end.px + END_LABEL.offset}, ${ys[i]!})`}>
          <line x1={0} x2={END_LABEL.swatch} y1={0} y2={0} stroke={end.run.colour} strokeWidth={3} />
          <text x={END_LABEL.swatch + END_LABEL.gap} y={0} dominantBaseline="central" className="line-end-label">
            {end.run.label}
          </text>
        </g>
      ))}
    </g>
  );
}
