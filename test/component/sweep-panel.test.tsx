import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { TrainingContext } from '../../src/components/training-context';
import { SweepPanel } from '../../src/components/views/sweep-panel';
import { pointFromBlocks, sweepBatchSizes } from '../../src/engine/throughput';
import type { BackendSweep } from '../../src/runtime/protocol';
import { useSweepStore, type SweepResult } from '../../src/store/sweep-store';
import { fakeTraining, resetStores } from './fixtures';

/** t = overhead + perExample·B ms, peak = 1 MiB + 800 B per example, at B = 1 … 65,536. */
function backend(name: BackendSweep['backend'], label: string, overhead: number, perExample: number): BackendSweep {
  const points = sweepBatchSizes(65_536).map((b) => pointFromBlocks(b, 1, [overhead + perExample * b], { peakBytes: 2 ** 20 + 800 * b, stepBytes: 800 * b }));
  return { backend: name, label, points, stop: null, unavailable: null };
}

const SWEEP: SweepResult = {
  id: 'sweep-1',
  title: 'hidden 16×2, moons, N = 65,536',
  hidden: [16, 16],
  n: 65_536,
  cancelled: false,
  backends: [
    backend('cpu', 'CPU (tfjs, JavaScript)', 0.01, 0.001),
    backend('webgl', 'WebGL · SwiftShader (software)', 1, 0.00001),
    { backend: 'webgpu', label: 'webgpu', points: [], stop: null, unavailable: 'WebGPU is there but found no adapter' },
  ],
};

function renderPanel() {
  return render(
    <TrainingContext.Provider value={fakeTraining()}>
      <SweepPanel />
    </TrainingContext.Provider>,
  );
}

describe('the batch-size sweep panel', () => {
  beforeEach(() => {
    resetStores();
    useSweepStore.setState({ current: null, kept: [], running: false, progress: null, cancel: null, offers: null });
    useSweepStore.getState().setOptions({ budgetBytes: 2 ** 30 });
  });

  it('says what to do before any sweep', () => {
    renderPanel();
    expect(screen.getAllByText('Run a sweep: each backend’s measurements appear here as they land.')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Run sweep' })).toBeEnabled();
  });

  it('greys out a backend this browser lacks, saying why', () => {
    useSweepStore.getState().setOffers([
      { backend: 'cpu', available: true, reason: null },
      { backend: 'wasm', available: true, reason: null },
      { backend: 'webgl', available: true, reason: null },
      { backend: 'webgpu', available: false, reason: 'this browser offers no WebGPU (navigator.gpu is missing)' },
    ]);
    renderPanel();
    const webgpu = screen.getByRole('checkbox', { name: /WebGPU/ });
    expect(webgpu).toBeDisabled();
    expect(webgpu).not.toBeChecked();
    expect(screen.getByText(/navigator\.gpu is missing/)).toBeInTheDocument();
  });

  it('reads the measurement: charts with text alternatives, who is faster where, the regimes, memory and why a backend was not timed', () => {
    useSweepStore.setState({ current: SWEEP });
    renderPanel();
    expect(
      screen.getByRole('img', {
        name: 'Batch-size sweep (hidden 16×2, moons, N = 65,536), log–log. CPU (tfjs, JavaScript): 0.011 ms per step at B = 1, 65.5 ms per step at B = 65,536; WebGL · SwiftShader (software): 1 ms per step at B = 1, 1.66 ms per step at B = 65,536.',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Batch-size sweep (hidden 16×2, moons, N = 65,536), log–log. CPU (tfjs, JavaScript): 90,909 examples per second at B = 1, 999,847 examples per second at B = 65,536; WebGL · SwiftShader (software): 1,000 examples per second at B = 1, 3.96 × 10⁷ examples per second at B = 65,536.',
      }),
    ).toBeInTheDocument();
    const reading = screen.getByText(/^Fastest at the sizes every backend timed:/);
    expect(reading).toHaveTextContent('Fastest at the sizes every backend timed: the CPU for B = 1–1,024, WebGL for B = 2,048–65,536. On this machine WebGL beats the CPU from B ≈ 1,000; below that the CPU is faster.');
    // CPU: t₀/c = 10 — a step within 1.5× of B = 1's up to B = 4, time ∝ B from B = 32; the knee, read between
    // B = 8 and 16, lands near 10.
    expect(screen.getByText(/^CPU: up to B = 4 a step/)).toHaveTextContent(/\(overhead-bound\); from B = 32 a step’s time grows almost in step with B and examples per second level off near 999,847\/s \(saturated\)\. Knee at B ≈ 12\.$/);
    // WebGL: t₀/c = 100,000, past the largest size timed.
    expect(screen.getByText(/^WebGL: up to B = 32,768 .*examples per second were still rising at the largest B timed/)).toBeInTheDocument();
    expect(screen.getByText('WebGPU was not timed: WebGPU is there but found no adapter.')).toBeInTheDocument();
    expect(screen.getByText(/each example in a step adds about 800 B at the peak, on top of 1 MiB/)).toHaveTextContent('A budget of 1 GiB would hold up to B ≈ 1,300,000');
  });

  it('shades the sizes over a smaller memory budget and says which fit', () => {
    useSweepStore.setState({ current: SWEEP });
    useSweepStore.getState().setOptions({ budgetBytes: 16 * 2 ** 20 });
    const { container } = renderPanel();
    // (16 MiB − 1 MiB) / 800 B = 19,660 examples.
    expect(screen.getByText(/A budget of 16 MiB would hold up to B ≈ 20,000/)).toBeInTheDocument();
    expect(within(container.querySelector('.sweep-memory')!).getByText('over the budget (model)')).toBeInTheDocument();
  });

  it('names each backend, the fit and the budget under the memory chart, which stands apart from the shared legend', () => {
    useSweepStore.setState({ current: SWEEP });
    const { container } = renderPanel();
    const key = container.querySelector('.sweep-memory .chart-key')!;
    // WebGPU measured nothing, so it has no line to name; the fit is of the backend whose regimes are shaded.
    expect([...key.querySelectorAll('.legend-item')].map((item) => item.textContent?.trim())).toEqual([
      'CPU (tfjs, JavaScript)',
      'WebGL · SwiftShader (software)',
      'straight-line fit (WebGL)',
      'memory budget',
    ]);
    // Each swatch is drawn as its line is: the fit and the budget dashed, the backends solid.
    expect(key.querySelectorAll('.line-swatch.dashed')).toHaveLength(2);
    expect(key.querySelectorAll('.line-swatch')).toHaveLength(4);
  });

  it('keeps a sweep for comparison, drawn dashed and named in the legend', () => {
    useSweepStore.setState({ current: SWEEP });
    const { container } = renderPanel();
    const dashedIn = (chart: Element) => chart.querySelectorAll('.recharts-line-curve[stroke-dasharray]').length;
    const timeChart = () => container.querySelector('.noise-chart')!;
    expect(dashedIn(timeChart())).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Keep for comparison' }));
    expect(useSweepStore.getState().kept.map((k) => k.id)).toEqual(['sweep-1']);
    expect(screen.getByText('kept: hidden 16×2, moons, N = 65,536')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Keep for comparison' })).toBeDisabled();
    // Drawn once while it is still the current sweep; dashed under the next one's solid lines.
    expect(dashedIn(timeChart())).toBe(0);
    act(() => useSweepStore.setState({ current: { ...SWEEP, id: 'sweep-2', title: 'hidden 256×2, moons, N = 65,536' } }));
    expect(dashedIn(timeChart())).toBe(2);
    expect(container.querySelectorAll('.noise-chart')[0]!.querySelectorAll('.recharts-line-curve').length).toBe(4);
    fireEvent.click(screen.getByRole('button', { name: 'Clear kept' }));
    expect(useSweepStore.getState().kept).toEqual([]);
  });

  it('shows progress and a Cancel button while a sweep runs, with the controls locked', () => {
    let cancelled = false;
    useSweepStore.setState({ running: true, current: SWEEP, progress: { backend: 'webgl', backendIndex: 1, backendCount: 2, done: 3, total: 9 }, cancel: () => (cancelled = true) });
    renderPanel();
    expect(screen.getByText('Sweeping: hidden 16×2, moons, N = 65,536')).toBeInTheDocument();
    // No reading from a half-measured sweep.
    expect(screen.queryByText(/^Fastest at the sizes/)).toBeNull();
    expect(screen.queryByText(/^CPU: up to/)).toBeNull();
    const bar = screen.getByRole('progressbar', { name: 'Sweep progress' });
    expect(Number(bar.getAttribute('value'))).toBeCloseTo((1 + 3 / 9) / 2, 9);
    expect(screen.getByText(/WebGL \(2 of 2\): 3 of 9 sizes timed · training is paused meanwhile/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /^CPU/ })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel sweep' }));
    expect(cancelled).toBe(true);
  });
});
