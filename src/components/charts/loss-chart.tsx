import { memo, useMemo } from 'react';
import { ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, CartesianGrid } from 'recharts';
import { runSeries, type RunSeries } from '../../store/chart-series';
import { useMetricsStore, type PinnedCurve } from '../../store/metrics-store';
import { runLabel, type RunSetting } from '../../store/run-settings';
import { useSettingsStore } from '../../store/settings-store';
import { useUiStore, type XAxis as Axis } from '../../store/ui-store';
import { formatNumber } from '../format';
import { useShallow } from 'zustand/react/shallow';

const AXIS_TITLES: Record<Axis, string> = {
  steps: 'steps',
  epochs: 'epochs',
  examples: 'examples seen',
  seconds: 'compute seconds (each run’s own)',
};

export interface LossChartProps {
  runs: RunSetting[];
  n: number;
  series: Record<string, RunSeries>;
  pinned: PinnedCurve[];
  xAxis: Axis;
  logY: boolean;
}

/** The loss chart itself, from plain props (fixtures in tests). */
export const LossChartView = memo(function LossChartView({ runs, n, series, pinned, xAxis, logY }: LossChartProps) {
  const pinnedSeries = useMemo(() => pinned.map((p) => ({ pin: p, series: runSeries({ chunks: [], evals: p.evals, events: [] }, xAxis, logY) })), [pinned, xAxis, logY]);
  const visible = runs.filter((r) => r.enabled && series[r.id]);
  const hasData = visible.some((r) => (series[r.id]?.loss.length ?? 0) > 0);
  return (
    <div className="loss-chart" role="img" aria-label={summarise(visible, series, n, xAxis)}>
      {hasData ? (
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart margin={{ top: 8, right: 24, bottom: 28, left: 8 }}>
            <CartesianGrid stroke="#e3e7ec" />
            <XAxis
              type="number"
              dataKey="x"
              domain={['dataMin', 'dataMax']}
              allowDuplicatedCategory={false}
              tickFormatter={(v: number) => formatNumber(v, 3)}
              label={{ value: AXIS_TITLES[xAxis], position: 'insideBottom', offset: -16 }}
            />
            <YAxis
              scale={logY ? 'log' : 'linear'}
              domain={logY ? ['auto', 'auto'] : [0, 'auto']}
              allowDataOverflow
              tickFormatter={(v: number) => formatNumber(v, 2)}
              width={56}
              label={{ value: 'loss', angle: -90, position: 'insideLeft' }}
            />
            <Tooltip formatter={(value) => (typeof value === 'number' ? formatNumber(value) : String(value))} labelFormatter={(x) => `${AXIS_TITLES[xAxis]}: ${formatNumber(Number(x))}`} />
            {pinnedSeries.map(({ pin, series: s }) => (
              <Line key={pin.id} data={s.loss} dataKey="train" name={pin.label} stroke={pin.colour} strokeOpacity={0.35} strokeDasharray="2 4" strokeWidth={2} dot={false} isAnimationActive={false} />
            ))}
            {/* A wide faint stroke, not a filled area: software compositing pays for every filled pixel at each update. */}
            {visible.map((run) => (
              <Line key={`${run.id}-batch`} data={series[run.id]!.band} dataKey="mean" name={`${runLabel(run.batchSize, n)} loss on its batches (smoothed)`} stroke={run.colour} strokeOpacity={0.25} strokeWidth={6} strokeLinecap="round" strokeLinejoin="round" dot={false} isAnimationActive={false} />
            ))}
            {visible.map((run) => (
              <Line key={`${run.id}-test`} data={series[run.id]!.loss} dataKey="test" name={`${runLabel(run.batchSize, n)} test loss`} stroke={run.colour} strokeDasharray="6 4" strokeWidth={1.5} dot={false} isAnimationActive={false} />
            ))}
            {visible.map((run) => (
              <Line key={`${run.id}-train`} data={series[run.id]!.loss} dataKey="train" name={`${runLabel(run.batchSize, n)} training loss`} stroke={run.colour} strokeWidth={3} dot={false} isAnimationActive={false} />
            ))}
            {visible.flatMap((run) =>
              series[run.id]!.events.map((e, i) => (
                <ReferenceLine key={`${run.id}-event-${i}`} x={e.x} stroke={run.colour} strokeDasharray="3 3" label={{ value: e.label, position: 'insideTopRight', fontSize: 11, fill: '#3a4450' }} />
              )),
            )}
          </ComposedChart>
        </ResponsiveContainer>
      ) : (
        <p className="chart-empty">Press ▶ Play. Each run’s loss appears here as it trains.</p>
      )}
    </div>
  );
});

function summarise(runs: RunSetting[], series: Record<string, RunSeries>, n: number, xAxis: Axis): string {
  const parts = runs.map((r) => {
    const last = series[r.id]?.loss.at(-1);
    return last ? `${runLabel(r.batchSize, n)}: training loss ${formatNumber(last.train)} at ${formatNumber(last.x)} ${AXIS_TITLES[xAxis]}` : `${runLabel(r.batchSize, n)}: no data yet`;
  });
  return `Loss chart. ${parts.join('; ')}.`;
}

/** The loss chart bound to the stores. */
export function LossChart() {
  const runs = useSettingsStore(useShallow((s) => s.runs));
  const n = useSettingsStore((s) => s.experiment.n);
  const series = useMetricsStore((s) => s.series);
  const pinned = useMetricsStore((s) => s.pinned);
  const xAxis = useUiStore((s) => s.xAxis);
  const logY = useUiStore((s) => s.logY);
  return <LossChartView runs={runs} n={n} series={series} pinned={pinned} xAxis={xAxis} logY={logY} />;
}
