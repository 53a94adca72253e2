import { NoiseChart } from './noise-chart';
import type { SweepChartModel } from './sweep-model';

/** A chart's own key, read off its model: each drawn line by name (dashed where it is) and each level. */
function ChartKey({ model }: { model: SweepChartModel }) {
  const lines = model.lines.filter((line) => line.points.length > 0);
  return (
    <p className="legend-line chart-key">
      {lines.map((line) => (
        <span key={line.id} className="legend-item">
          <span className={line.dashed ? 'swatch dashed' : 'swatch'} style={{ background: line.colour }} aria-hidden="true" /> {line.name}
        </span>
      ))}
      {model.levels.map((level) => (
        <span key={level.id} className="legend-item">
          <span className="swatch dashed" style={{ background: level.colour }} aria-hidden="true" /> {level.label}
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
