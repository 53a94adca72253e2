import { formatTick } from '../format';
import { INITIAL_CHART_SIZE, yAxisWidth } from '../charts/chart-geometry';
import { MetricPlot } from '../charts/metric-plot';
import { useElementSize } from '../use-element-size';
import type { NoiseChartModel } from './noise-model';

/** One noise chart at the size of its frame; its text alternative is `description`. */
export function NoiseChart({ model, xTitle, description, empty }: { model: NoiseChartModel; xTitle: string; description: string; empty: string }) {
  const { ref, size } = useElementSize<HTMLDivElement>({ width: INITIAL_CHART_SIZE.width / 2, height: 240 });
  return (
    <div ref={ref} className="noise-chart" role="img" aria-label={description}>
      {model.hasData ? (
        <MetricPlot
          width={size.width}
          height={size.height}
          x={model.x}
          y={model.y}
          logY={model.logY}
          xTitle={xTitle}
          yTitle={model.yTitle}
          yAxisWidth={yAxisWidth(model.y.ticks.map(formatTick))}
          lines={model.lines}
          dots={model.dots}
          levels={model.levels}
        />
      ) : (
        <p className="chart-empty">{empty}</p>
      )}
    </div>
  );
}
