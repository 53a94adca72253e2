import { NoiseChart } from './noise-chart';
import type { SweepChartModel } from './sweep-model';

/** A short stretch of a line as the chart draws it: solid, or dashed with the chart's own dash pattern. */
function LineSwatch({ colour, dash }: { colour: string; dash: string | null }) {
  return (
    <svg className={dash ? 'line-swatch dashed' : 'line-swatch'} width="22" height="8" aria-hidden="true">
      <line x1="1" y1="4" x2="21" y2="4" stroke={colour} strokeWidth={dash ? 2 : 3} strokeDasharray={dash ?? undefined} />
    </svg>
  );
}

/** A chart's own key, read off its model: each drawn line by name (dashed where it is) and each level. */
function ChartKey({ model }: { model: SweepChartModel }) {
  const lines = model.lines.filter((line) => line.points.length > 0);
  return (
    <p className="legend-line chart-key">
      {lines.map((line) => (
        <span key={line.id} className="legend-item">
          <LineSwatch colour={line.colour} dash={line.dashed ? '5 4' : null} /> {line.name}
        </span>
      ))}
      {model.levels.map((level) => (
        <span key={level.id} className="legend-item">
          <LineSwatch colour={level.colour} dash="2 3" /> {level.label}
        </span>
      ))}
    </p>
  );
}

/**
 * One sweep chart on log–log axes, with its title; its text alternative is `description`. `withKey`: the chart names
 * its own lines underneath (one that stands apart from the shared legend).
 */
export function SweepChart({ title, model, description, withKey = false }: { title: string; model: SweepChartModel; description: string; withKey?: boolean }) {
  return (
    <figure>
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <NoiseChart model={model} xTitle="batch size B" description={description} empty="Run a sweep: each backend’s measurements appear here as they land." />
      {withKey && model.hasData ? <ChartKey model={model} /> : null}
    </figure>
  );
}
