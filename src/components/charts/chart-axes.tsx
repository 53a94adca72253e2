import { XAxis, YAxis } from 'recharts';
import { tickFormatter } from '../format';
import { TICK_FONT_PX, X_AXIS_HEIGHT } from './chart-geometry';
import type { XAxis as WorkspaceXAxis } from '../../store/ui-store';
import type { AxisScale } from './nice-ticks';

/** What each choice of the workspace's x-axis is called under every chart that follows it. */
export const X_AXIS_TITLES: Record<WorkspaceXAxis, string> = {
  steps: 'steps',
  epochs: 'epochs',
  examples: 'examples seen',
  seconds: 'compute seconds (each run’s own)',
};

// Recharts greys (#666, #808080) fall short of 4.5:1 contrast on white.
export const AXIS_TEXT = '#3a4450';

/**
 * The x-axis every chart draws: our own ticks and domain (recharts' own ends can be odd), readable labels. A function
 * returning the element, not a component: recharts only sees axes that are direct children of the chart.
 */
export function xAxisElement(x: AxisScale, title: string, log = false) {
  return (
    <XAxis
      type="number"
      dataKey="x"
      scale={log ? 'log' : 'linear'}
      domain={x.domain}
      ticks={x.ticks}
      niceTicks="none"
      allowDataOverflow
      // Every tick we pass is drawn: the charts thin them to fit (ticksThatFit) rather than let labels drop unevenly.
      interval={0}
      height={X_AXIS_HEIGHT}
      tick={{ fill: AXIS_TEXT }}
      tickFormatter={tickFormatter(x.ticks)}
      label={{ value: title, position: 'insideBottom', offset: -16, fill: AXIS_TEXT }}
    />
  );
}

/** The y-axis every chart draws, with its title rotated beside the tick labels. */
export function yAxisElement(y: AxisScale, title: string, log: boolean, width: number) {
  return (
    <YAxis
      type="number"
      scale={log ? 'log' : 'linear'}
      domain={y.domain}
      ticks={y.ticks}
      niceTicks="none"
      allowDataOverflow
      interval={0}
      width={width}
      tick={{ fill: AXIS_TEXT }}
      tickFormatter={tickFormatter(y.ticks)}
      label={{ value: title, angle: -90, position: 'insideLeft', textAnchor: 'middle', fontSize: TICK_FONT_PX, fill: AXIS_TEXT }}
    />
  );
}
