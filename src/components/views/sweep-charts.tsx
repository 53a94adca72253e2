import { MetricPlot } from '../charts/metric-plot';
import { PlotFrame } from '../charts/plot-frame';
import type { SweepChartModel } from './sweep-model';

/** One sweep chart on log–log axes at the size of its frame; its text alternative is `description`. */
export function SweepChart({ title, model, description }: { title: string; model: SweepChartModel; description: string }) {
  return (
    <figure>
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <PlotFrame className="noise-chart sweep-chart" description={description} empty={model.hasData ? null : 'Run a sweep: each backend’s measurements appear here as they land.'}>
        {(size) => (
          <MetricPlot
            width={size.width}
            height={size.height}
            x={model.x}
            y={model.y}
            logX
            logY
            xTitle="batch size B"
            yTitle={model.yTitle}
            lines={model.lines}
            dots={model.dots}
            marks={model.marks}
            bands={model.bands}
            levels={model.levels}
          />
        )}
      </PlotFrame>
    </figure>
  );
}
