import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AxisSwitch } from '../../src/components/charts/axis-switch';
import { LossChart } from '../../src/components/charts/loss-chart';
import type { RunSeries } from '../../src/store/chart-series';
import { useMetricsStore } from '../../src/store/metrics-store';
import { useUiStore } from '../../src/store/ui-store';
import { resetStores } from './fixtures';

const lossSeries = (points: [number, number][]): RunSeries => ({ loss: points.map(([x, train]) => ({ x, train, test: train + 0.05 })), train: points.map(([x, y]) => ({ x, y })), band: [], events: [] });

// On the epochs axis B = 1 has gone furthest; the full batch has done 1.35 epochs.
const series = {
  single: lossSeries([[0, 0.7], [200, 0.3], [451, 0.2]]),
  mini: lossSeries([[0, 0.7], [20, 0.4], [40, 0.35]]),
  full: lossSeries([[0, 0.7], [0.6, 0.6], [1.35, 0.55]]),
};

const xTicks = (container: HTMLElement) => Array.from(container.querySelectorAll('.recharts-cartesian-axis-tick-value[orientation="bottom"]'), (t) => t.textContent);

describe('loss chart zoom', () => {
  beforeEach(() => {
    resetStores();
    useUiStore.setState({ xAxis: 'epochs', xDomain: null });
    useMetricsStore.setState({ series });
  });

  it('"Fit to shared range" zooms to 0 … the furthest x every run has reached, and the chart follows', async () => {
    const { container } = render(
      <>
        <AxisSwitch />
        <LossChart />
      </>,
    );
    expect(screen.queryByRole('button', { name: 'Show all' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Fit to shared range' }));
    expect(useUiStore.getState().xDomain).toEqual([0, 1.35]);
    expect(xTicks(container)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1', '1.2']);
    expect(screen.getByRole('img', { name: /Zoomed to 0 – 1.35 epochs/ })).toBeInTheDocument();
  });

  it('"Show all" appears only while zoomed, resets the zoom and leaves focus on the toolbar', async () => {
    render(<AxisSwitch />);
    act(() => useUiStore.getState().setXDomain([0, 1.35]));
    const showAll = screen.getByRole('button', { name: 'Show all' });
    showAll.focus();
    await userEvent.keyboard('{Enter}');
    expect(useUiStore.getState().xDomain).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show all' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Fit to shared range' })).toHaveFocus();
  });

  it('cannot fit before any run has moved', () => {
    useMetricsStore.setState({ series: { mini: lossSeries([[0, 0.7]]) } });
    render(<AxisSwitch />);
    expect(screen.getByRole('button', { name: 'Fit to shared range' })).toBeDisabled();
  });

  it('switching the x-axis drops the zoom', async () => {
    render(<AxisSwitch />);
    act(() => useUiStore.getState().setXDomain([0, 1.35]));
    await userEvent.click(screen.getByRole('radio', { name: 'steps' }));
    expect(useUiStore.getState().xDomain).toBeNull();
  });

  it('dragging across the plot shades the range and zooms to it on release', () => {
    const { container } = render(<LossChart />);
    const chart = screen.getByRole('img', { name: /Loss chart/ });
    fireEvent.pointerDown(chart, { clientX: 200, button: 0, pointerId: 1 });
    fireEvent.pointerMove(chart, { clientX: 400, pointerId: 1 });
    expect(container.querySelector('.recharts-reference-area')).not.toBeNull();
    fireEvent.pointerUp(chart, { clientX: 400, pointerId: 1 });
    const zoom = useUiStore.getState().xDomain;
    expect(zoom).not.toBeNull();
    const [from, to] = zoom!;
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    expect(to).toBeLessThan(451);
    expect(container.querySelector('.recharts-reference-area')).toBeNull();
  });

  it('a click without a drag does not zoom', () => {
    render(<LossChart />);
    const chart = screen.getByRole('img', { name: /Loss chart/ });
    fireEvent.pointerDown(chart, { clientX: 300, button: 0, pointerId: 1 });
    fireEvent.pointerUp(chart, { clientX: 302, pointerId: 1 });
    expect(useUiStore.getState().xDomain).toBeNull();
  });

  it('double-clicking the chart shows the whole range again', () => {
    useUiStore.setState({ xDomain: [0, 1.35] });
    const { container } = render(<LossChart />);
    fireEvent.doubleClick(screen.getByRole('img', { name: /Loss chart/ }));
    expect(useUiStore.getState().xDomain).toBeNull();
    expect(xTicks(container).at(-1)).toBe('400');
  });
});
