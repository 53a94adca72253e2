import { NoiseChart } from './noise-chart';
import type { SweepChartModel } from './sweep-model';

/** One sweep chart on log–log axes, with its title; its text alternative is `description`. */
export function SweepChart({ title, model, description }: { title: string; model: SweepChartModel; description: string }) {
  return (
    <figure>
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <NoiseChart model={model} xTitle="batch size B" description={description} empty="Run a sweep: each backend’s measurements appear here as they land." />
    </figure>
  );
}
