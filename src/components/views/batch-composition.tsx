import { Area, CartesianGrid, ComposedChart } from 'recharts';
import { formatNumber, tickFormatter } from '../format';
import { yAxisWidth } from '../charts/chart-geometry';
import { xAxisElement, yAxisElement } from '../charts/chart-axes';
import { MetricPlot } from '../charts/metric-plot';
import { linearScale, linearTicks, type AxisScale } from '../charts/nice-ticks';
import { PlotFrame } from '../charts/plot-frame';
import { CLASS_COLOURS } from './draw-data';
import type { BatchComposition } from './loader-model';
import { ordinal } from './loader-text';

const MIX_MARGIN = { top: 6, right: 16, bottom: 28, left: 8 };
const SHARE_AXIS: AxisScale = { domain: [0, 1], ticks: [0, 0.5, 1] };

/** In words: which epoch, how many batches hold a single class, how far the batch loss swings. */
export function describeComposition(c: BatchComposition, runLabel: string): string {
  const losses = c.bins.flatMap((b) => (b.loss === null ? [] : [b.loss]));
  const swing = losses.length > 1 ? ` Its batch losses run from ${formatNumber(Math.min(...losses))} to ${formatNumber(Math.max(...losses))}.` : '';
  return `${runLabel}, epoch ${ordinal(c.epoch)}${c.complete ? '' : ' (under way)'}: ${c.batches} batch${c.batches === 1 ? '' : 'es'}, ${c.singleClass} made of a single class.${swing}`;
}

/** The class mix of every batch of one epoch (stacked, left to right in serving order) over the loss each batch gave. */
export function BatchCompositionCharts({ composition, classes, runColour, runLabel }: { composition: BatchComposition; classes: number; runColour: string; runLabel: string }) {
  const x: AxisScale = { domain: [0, composition.batches], ticks: linearTicks([0, composition.batches], 6, true) };
  // One step per bin, closed at the epoch's end.
  const mix: Record<string, number>[] = [...composition.bins.map((b) => ({ x: b.from, ...Object.fromEntries(b.shares.map((s, c) => [`c${c}`, s])) })), { x: composition.batches, ...Object.fromEntries((composition.bins.at(-1)?.shares ?? []).map((s, c) => [`c${c}`, s])) }];
  const losses = composition.bins.flatMap((b) => (b.loss === null ? [] : [{ x: (b.from + b.to) / 2, y: b.loss }]));
  const y = linearScale(Math.min(...losses.map((p) => p.y), Infinity), Math.max(...losses.map((p) => p.y), -Infinity));
  const description = describeComposition(composition, runLabel);
  // One y-axis width for both charts, so batch k sits at the same x in the mix and in the losses below it.
  const axisWidth = Math.max(yAxisWidth(SHARE_AXIS.ticks.map(tickFormatter(SHARE_AXIS.ticks))), yAxisWidth(y.ticks.map(tickFormatter(y.ticks))));
  return (
    <div className="composition">
      <PlotFrame className="composition-mix" description={`Class mix of each batch. ${description}`} empty={null}>
        {(size) => (
          <div className="metric-plot-drawing" inert>
            <ComposedChart width={size.width} height={size.height} margin={MIX_MARGIN} accessibilityLayer={false}>
              <CartesianGrid stroke="#e3e7ec" />
              {xAxisElement(x, 'batches into the epoch (serving order)')}
              {yAxisElement(SHARE_AXIS, 'class share', false, axisWidth)}
              {Array.from({ length: classes }, (_, c) => (
                <Area key={c} data={mix} dataKey={`c${c}`} stackId="mix" type="stepAfter" stroke="none" fill={CLASS_COLOURS[c]} fillOpacity={1} isAnimationActive={false} />
              ))}
            </ComposedChart>
          </div>
        )}
      </PlotFrame>
      <PlotFrame className="composition-loss" description={`Loss of each batch. ${description}`} empty={losses.length > 0 ? null : 'No batch losses of this epoch yet: press Play or Step +1.'}>
        {(size) => (
          <MetricPlot
            width={size.width}
            height={size.height}
            x={x}
            y={y}
            logY={false}
            xTitle="batches into the epoch (serving order)"
            yTitle="batch loss"
            lines={[{ id: 'loss', name: 'batch loss', colour: runColour, points: losses, width: 2 }]}
            yAxisWidthPx={axisWidth}
            dots={losses.length <= 64 ? [{ id: 'loss-dots', colour: runColour, points: losses }] : []}
            dotStyle={{ radius: 3, opacity: 0.9 }}
          />
        )}
      </PlotFrame>
    </div>
  );
}
