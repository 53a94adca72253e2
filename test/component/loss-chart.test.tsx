import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LossChartView } from '../../src/components/charts/loss-chart';
import { runSeries, type RunSeries } from '../../src/store/chart-series';
import { defaultRuns } from '../../src/store/run-settings';
import { evalPoint } from './fixtures';

const evals = [evalPoint({ step: 0, examples: 0, trainLoss: 0.7 }), evalPoint({ step: 50, examples: 1600, trainLoss: 0.41 }), evalPoint({ step: 100, examples: 3200, trainLoss: 0.3 })];

const lossSeries = (points: [number, number, number][], events: RunSeries['events'] = []): RunSeries => ({
  loss: points.map(([x, train, test]) => ({ x, train, test })),
  train: points.map(([x, y]) => ({ x, y })),
  band: [],
  events,
});

const tickLabels = (container: HTMLElement, axis: 'x' | 'y') =>
  // Recharts draws tick labels in a layer of their own, so find them by orientation rather than by axis group.
  Array.from(container.querySelectorAll(`.recharts-cartesian-axis-tick-value[orientation="${axis === 'x' ? 'bottom' : 'left'}"]`), (t) => t.textContent ?? '');

describe('loss chart', () => {
  it('invites the user to press Play before there is data', () => {
    render(<LossChartView runs={defaultRuns(32)} n={512} series={{}} pinned={[]} xAxis="steps" logY />);
    expect(screen.getByText(/Press ▶ Play/)).toBeInTheDocument();
  });

  it('has a text alternative with each run’s latest training loss on the chosen axis', () => {
    const series = { mini: runSeries({ batchLosses: [], evals, events: [] }, 'examples', false), single: runSeries({ batchLosses: [], evals: [], events: [] }, 'examples', false) };
    render(<LossChartView runs={defaultRuns(32)} n={512} series={series} pinned={[]} xAxis="examples" logY={false} />);
    expect(screen.getByRole('img', { name: /B = 32: training loss 0.3 at 3,200 examples seen/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /B = 1: no data yet/ })).toBeInTheDocument();
  });

  it('is exactly one tab stop: nothing inside the chart is focusable', () => {
    const series = { mini: runSeries({ batchLosses: [], evals, events: [] }, 'steps', true), single: runSeries({ batchLosses: [], evals, events: [] }, 'steps', true) };
    const { container } = render(<LossChartView runs={defaultRuns(32)} n={512} series={series} pinned={[]} xAxis="steps" logY />);
    const chart = screen.getByRole('img', { name: /Loss chart/ });
    expect(container.querySelector('svg')).not.toBeNull();
    expect(chart).toHaveAttribute('tabindex', '0');
    const focusable = container.querySelectorAll('a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]');
    expect(Array.from(focusable)).toEqual([chart]);
    // Chromium tabs into recharts' layer groups because React listens on them: the whole drawing must be inert.
    expect(container.querySelector('svg')!.closest('[inert]')).not.toBeNull();
    expect(chart.closest('[inert]')).toBeNull();
  });

  it('gives a one-point chart distinct ticks on both axes, for log and linear y', () => {
    for (const logY of [true, false]) {
      const series = { mini: lossSeries([[0, 0.76, 0.78]]) };
      const { container, unmount } = render(<LossChartView runs={defaultRuns(32)} n={512} series={series} pinned={[]} xAxis="steps" logY={logY} />);
      for (const axis of ['x', 'y'] as const) {
        const labels = tickLabels(container, axis);
        expect(labels.length).toBeGreaterThanOrEqual(2);
        expect(new Set(labels).size).toBe(labels.length);
      }
      expect(tickLabels(container, 'x')).toEqual(['0', '1']);
      unmount();
    }
  });

  it('ends the x-axis ticks on round numbers and keeps the y-axis readable after a blow-up', () => {
    const series = { mini: lossSeries([[0, 0.7, 0.7], [300, 0.4, 0.45], [579, 0.3, 0.35]]), single: lossSeries([[0, 0.69, 0.7], [200, 3, 3], [260, 1e30, 1e30]]) };
    const { container } = render(<LossChartView runs={defaultRuns(32)} n={512} series={series} pinned={[]} xAxis="steps" logY />);
    expect(tickLabels(container, 'x')).toEqual(['0', '100', '200', '300', '400', '500']);
    const y = tickLabels(container, 'y');
    expect(y.at(-1)).toBe('1,000');
    expect(y.join(' ')).not.toMatch(/\^|×/);
    // The blow-up is clipped, and the chart says so rather than hiding it.
    expect(container.querySelector('.chart-offscale')).toHaveTextContent('off the top: values up to 1 × 10³⁰');
    expect(container.querySelector('.loss-chart')!.getAttribute('aria-label')).toMatch(/Values up to 1 × 10³⁰ lie above the top of the axis/);
  });

  it('shows nothing off the top while every value fits', () => {
    const series = { mini: lossSeries([[0, 0.7, 0.7], [300, 0.4, 0.45]]) };
    const { container } = render(<LossChartView runs={defaultRuns(32)} n={512} series={series} pinned={[]} xAxis="steps" logY />);
    expect(container.querySelector('.chart-offscale')).toBeNull();
  });

  it('merges lr markers that several runs share and stacks the others', () => {
    const change = (x: number, label: string) => [{ x, label }];
    const series = {
      single: lossSeries([[0, 0.7, 0.7], [100, 0.3, 0.3]], [...change(50, 'lr 10'), ...change(51, 'lr 1')]),
      mini: lossSeries([[0, 0.7, 0.7], [100, 0.3, 0.3]], change(50.3, 'lr 10')),
      full: lossSeries([[0, 0.7, 0.7], [100, 0.3, 0.3]], change(50.2, 'lr 10')),
    };
    const { container } = render(<LossChartView runs={defaultRuns(32)} n={512} series={series} pinned={[]} xAxis="steps" logY />);
    const labels = Array.from(container.querySelectorAll('.event-marker-label'));
    expect(labels.map((l) => l.textContent).sort()).toEqual(['lr 1 · B = 1', 'lr 10 · all runs']);
    expect(new Set(labels.map((l) => l.getAttribute('y'))).size).toBe(2);
  });

  it('writes lr markers’ text above the plot, where it cannot cover the curves’ high start', () => {
    const series = { single: lossSeries([[0, 0.7, 0.7], [100, 0.3, 0.3]], [{ x: 2, label: 'lr 10' }, { x: 40, label: 'lr 1' }]), mini: lossSeries([[0, 0.7, 0.7], [100, 0.3, 0.3]]) };
    const { container } = render(<LossChartView runs={defaultRuns(32)} n={512} series={series} pinned={[]} xAxis="steps" logY />);
    const markerLine = container.querySelector('.recharts-reference-line line')!;
    const plotTop = Math.min(Number(markerLine.getAttribute('y1')), Number(markerLine.getAttribute('y2')));
    const labels = Array.from(container.querySelectorAll('.event-marker-label'));
    expect(labels).toHaveLength(2);
    // Text hangs down from y by about its 11 px size: all of it above the plot's top edge.
    for (const label of labels) expect(Number(label.getAttribute('y')) + 11).toBeLessThanOrEqual(plotTop);
  });

  it('labels each run’s training line at its end', () => {
    const series = { single: lossSeries([[0, 0.7, 0.7], [40, 0.5, 0.5]]), mini: lossSeries([[0, 0.7, 0.7], [100, 0.3, 0.3]]) };
    const { container } = render(<LossChartView runs={defaultRuns(32)} n={512} series={series} pinned={[]} xAxis="steps" logY />);
    expect(Array.from(container.querySelectorAll('.line-end-label'), (l) => l.textContent)).toEqual(['B = 1', 'B = 32']);
  });

  it('labels a line that left the chart upwards below the lr markers, not over them', () => {
    const labelY = (events: RunSeries['events']) => {
      const series = { single: lossSeries([[0, 0.7, 0.7], [50, 2, 2], [100, 1e30, 1e30]], events), mini: lossSeries([[0, 0.7, 0.7], [100, 0.3, 0.3]]) };
      const { container, unmount } = render(<LossChartView runs={defaultRuns(32)} n={512} series={series} pinned={[]} xAxis="steps" logY />);
      const group = container.querySelector('.line-end-labels > g')!;
      const y = Number(/translate\([^,]+, ([\d.]+)\)/.exec(group.getAttribute('transform')!)![1]);
      unmount();
      return y;
    };
    // One row of marker text (14 px) pushes the clamped label down by as much.
    expect(labelY([{ x: 40, label: 'lr 10' }]) - labelY([])).toBeCloseTo(14, 6);
  });

  it('reads out every run’s training and test loss at the hovered x, with "—" beyond a run’s range', () => {
    const series = {
      single: lossSeries([[0, 0.7, 0.72], [40, 0.5, 0.55]]),
      mini: lossSeries([[0, 0.7, 0.71], [100, 0.3, 0.4]]),
      full: lossSeries([[0, 0.7, 0.7], [100, 0.2, 0.25]]),
    };
    render(<LossChartView runs={defaultRuns(32)} n={512} series={series} pinned={[]} xAxis="steps" logY />);
    const chart = screen.getByRole('img', { name: /Loss chart/ });
    // Past B = 1's last point (x = 40): the plot spans roughly pixels 60 … 716 of the 800 px chart.
    fireEvent.pointerMove(chart, { clientX: 600 });
    const tooltip = screen.getByTestId('loss-tooltip');
    const rows = within(tooltip).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['B = 1', 'B = 32', 'B = N (512)']);
    expect(within(rows[0]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['—', '—']);
    // The readout snaps to the nearest measurement (x = 100), where B = 32 and B = N were both evaluated.
    expect(within(tooltip).getByText('100 steps')).toBeInTheDocument();
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0.3', '0.4']);
    fireEvent.pointerLeave(chart);
    expect(screen.queryByTestId('loss-tooltip')).toBeNull();
  });

  it('marks with "≈" a value read off a line between two of its measurements', () => {
    const series = {
      single: lossSeries([[0, 0.7, 0.72], [40, 0.5, 0.55]]),
      mini: lossSeries([[0, 0.7, 0.71], [100, 0.3, 0.4]]),
    };
    render(<LossChartView runs={defaultRuns(32)} n={512} series={series} pinned={[]} xAxis="steps" logY />);
    const chart = screen.getByRole('img', { name: /Loss chart/ });
    // Near x = 40, B = 1's last evaluation: B = 32 has no measurement there, only its line from 0.7 to 0.3.
    fireEvent.pointerMove(chart, { clientX: 330 });
    const tooltip = screen.getByTestId('loss-tooltip');
    expect(within(tooltip).getByText('40 steps')).toBeInTheDocument();
    const rows = within(tooltip).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0.5', '0.55']);
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['≈0.54', '≈0.586']);
  });

  it('moves the readout with the arrow keys while the chart has focus', () => {
    const series = { mini: lossSeries([[0, 0.7, 0.71], [100, 0.3, 0.4]]) };
    render(<LossChartView runs={defaultRuns(32)} n={512} series={series} pinned={[]} xAxis="steps" logY />);
    const chart = screen.getByRole('img', { name: /Loss chart/ });
    // One press moves 2 % of the range from the middle (52), and the readout snaps to the nearest evaluation.
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(within(screen.getByTestId('loss-tooltip')).getByText('100 steps')).toBeInTheDocument();
    fireEvent.keyDown(chart, { key: 'Escape' });
    expect(screen.queryByTestId('loss-tooltip')).toBeNull();
  });
});
