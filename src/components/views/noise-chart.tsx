import { MetricPlot } from '../charts/metric-plot';
import { PlotFrame } from '../charts/plot-frame';
import type { NoiseChartModel } from './noise-model';

/** One chart of a view (noise, throughput, the sweep) at the size of its frame; its text alternative is `description`. */
export function NoiseChart({ model, xTitle, description, empty }: { model: NoiseChartModel; xTitle: string; description: string; empty: string }) {
  return (
    <PlotFrame className="noise-chart" description={description} empty={model.hasData ? null : empty}>
      {(size) => (
        <MetricPlot
          width={size.width}
          height={size.height}
          x={model.x}
          y={model.y}
          logY={model.logY}
          logX={model.logX}
          xTitle={xTitle}
          yTitle={model.yTitle}
          lines={model.lines}
          dots={model.dots}
          levels={model.levels}
          marks={model.marks}
          bands={model.bands}
        />
      )}
    </PlotFrame>
  );
}
