import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { NoiseView } from '../../src/components/views/noise-view';
import { WorkspaceViews } from '../../src/components/views/workspace-views';
import type { NoisePoint } from '../../src/runtime/protocol';
import { useMetricsStore } from '../../src/store/metrics-store';
import { noiseSeries } from '../../src/store/noise-series';
import { useSettingsStore } from '../../src/store/settings-store';
import { useUiStore } from '../../src/store/ui-store';
import { resetStores, status } from './fixtures';

function points(batchSize: number, error: number, bSimple: number, settled: boolean): NoisePoint[] {
  return Array.from({ length: 12 }, (_, i) => ({
    step: i * 10,
    epoch: i,
    examples: i * 10 * batchSize,
    seconds: i / 10,
    batchSize,
    cosine: batchSize >= 512 ? 1 : 0.5,
    relativeError: batchSize >= 512 ? 0 : error,
    expectedRelativeError: batchSize >= 512 ? 0 : error * 1.1,
    singleRelativeError: 4 * error,
    bSimple,
    estimate: batchSize >= 512 ? null : { bSimple: bSimple * 0.9, samples: i + 1, settled },
  }));
}

function loadRecording(): void {
  useMetricsStore.setState({
    noise: {
      single: noiseSeries(points(1, 2.5, 60, false), 'steps'),
      mini: noiseSeries(points(32, 0.4, 60, true), 'steps'),
      full: noiseSeries(points(512, 0, 900, false), 'steps'),
    },
    statuses: { single: status({ id: 'single', noiseShare: 0.12 }), mini: status({ id: 'mini', noiseShare: 0.08 }), full: status({ id: 'full', noiseShare: 0.05 }) },
  });
}

describe('gradient-noise view', () => {
  beforeEach(resetStores);

  it('asks for Play before anything is measured', () => {
    render(<NoiseView />);
    expect(screen.getAllByText(/Press ▶ Play/)).toHaveLength(2);
  });

  it('draws both charts from recorded data, with text alternatives naming every run', () => {
    loadRecording();
    const { container } = render(<NoiseView />);
    expect(container.querySelectorAll('svg.recharts-surface')).toHaveLength(2);
    expect(screen.getByRole('img', { name: /Error of each batch gradient over training\. B = 1: relative error 2\.5 .*B = 32: relative error 0\.4/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Noise scale over training\. B = 1: noise scale 60, batch size 1; B = 32: noise scale 60, batch size 32; B = N \(512\): noise scale 900/ })).toBeInTheDocument();
    // Each run's B is a level on the noise-scale chart.
    expect(Array.from(container.querySelectorAll('.level-label'), (t) => t.textContent)).toEqual(['B = 1', 'B = 32', 'B = N (512)']);
  });

  it('lists each run’s latest figures: the estimate says when it has not settled, B = N has none', () => {
    loadRecording();
    render(<NoiseView />);
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/B = 1\s*0\.5\s*2\.5\s*2\.75\s*60\s*settling…/);
    expect(rows[2]).toHaveTextContent(/B = 32\s*0\.5\s*0\.4\s*0\.44\s*60\s*54/);
    expect(rows[3]).toHaveTextContent(/B = N \(512\)\s*1\s*0\s*0\s*900\s*— \(B = N\)/);
    expect(screen.getByText(/B = 1’s batch is below the noise scale \(60\)/)).toBeInTheDocument();
    expect(screen.getByText(/Measuring took 12 % of training time at most/)).toBeInTheDocument();
  });

  it('reads nothing into the noise of a run thrown off by its lr', () => {
    loadRecording();
    useMetricsStore.setState({ health: { mini: { kind: 'unstable', since: { step: 40, epoch: 4, examples: 1280, seconds: 0.4 }, loss: 11.1, initialLoss: 0.7 } } });
    render(<NoiseView />);
    expect(screen.queryByText(/B = 32’s batch is/)).toBeNull();
    expect(screen.getByText(/B = 32 is unstable: its gradients describe that state, not what its batch size buys/)).toBeInTheDocument();
    expect(screen.getByText(/B = 1’s batch is below the noise scale \(60\)/)).toBeInTheDocument();
  });

  it('switches the left chart to the cosine, and the cadence control can turn measuring off', () => {
    loadRecording();
    render(<NoiseView />);
    fireEvent.click(screen.getByRole('radio', { name: 'direction' }));
    expect(screen.getByRole('img', { name: /Direction of each batch gradient over training\. B = 1: cos\(g_B, G\) 0\.5/ })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Measure gradient noise'), { target: { value: 'off' } });
    expect(useSettingsStore.getState().noiseEveryMs).toBeNull();
    fireEvent.change(screen.getByLabelText('Measure gradient noise'), { target: { value: '2000' } });
    expect(useSettingsStore.getState().noiseEveryMs).toBe(2000);
  });

  it('explains itself with MathML formulas, loaded when first opened', async () => {
    const { container } = render(<NoiseView />);
    expect(container.querySelector('math')).toBeNull();
    const details = screen.getByText('What these charts show').closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    await screen.findByText(/One example’s gradient can point almost/);
    expect(container.querySelectorAll('math').length).toBeGreaterThanOrEqual(5);
    // By selector: jsdom's getComputedStyle fails on MathML elements inside a role query.
    const bSimple = container.querySelector('[role="math"][aria-label^="B simple equals trace of Sigma"]');
    expect(bSimple?.querySelector('math mfrac')).not.toBeNull();
    expect(container.querySelector('.formula [style]')).toBeNull();
  });

  it('sits behind tabs with the other views; arrow keys, Home and End move between them', () => {
    render(<WorkspaceViews />);
    const noiseTab = screen.getByRole('tab', { name: 'Gradient noise' });
    expect(noiseTab).toHaveAttribute('aria-selected', 'true');
    noiseTab.focus();
    fireEvent.keyDown(noiseTab, { key: 'ArrowRight' });
    expect(useUiStore.getState().view).toBe('variance');
    expect(screen.getByRole('tab', { name: 'Variance' })).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Variance' }), { key: 'End' });
    expect(useUiStore.getState().view).toBe('loader');
    expect(screen.getByRole('tab', { name: 'DataLoader' })).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toContainElement(screen.getByRole('radiogroup', { name: 'Loader view' }));
    fireEvent.keyDown(screen.getByRole('tab', { name: 'DataLoader' }), { key: 'ArrowLeft' });
    expect(useUiStore.getState().view).toBe('data');
    expect(screen.getByRole('tab', { name: 'Data' })).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toContainElement(screen.getByRole('region', { name: 'Data view' }));
  });
});
