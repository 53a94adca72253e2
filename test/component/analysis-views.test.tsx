import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TrainingContext } from '../../src/components/training-context';
import { CloudView } from '../../src/components/views/cloud-view';
import { VarianceView } from '../../src/components/views/variance-view';
import type { GradientAnalysis } from '../../src/runtime/protocol';
import { fakeTraining, resetStores } from './fixtures';
import { useUiStore } from '../../src/store/ui-store';

/** A recorded analysis: tr(Σ) = 4 over N = 512, measured variance exactly on the theory line but for a 5 % wobble. */
function analysis(cloudBatchSize: number): GradientAnalysis {
  const theory = (b: number) => (b >= 512 ? 0 : (4 / b) * ((512 - b) / 511));
  const sizes = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];
  const spread = Math.sqrt(theory(cloudBatchSize));
  return {
    runId: 'mini',
    step: 120,
    n: 512,
    rows: 512,
    parameters: 354,
    gradNormSq: 0.25,
    traceSigma: 4,
    variance: sizes.map((b, i) => ({ batchSize: b, measured: theory(b) * (i % 2 ? 1.05 : 0.95), theory: theory(b), batches: b >= 512 ? 1 : 200 })),
    cloud: {
      batchSize: cloudBatchSize,
      kind: 'projection',
      // Four points at distance `spread` from G = (0.5, 0): the RMS distance is exactly `spread`.
      points: cloudBatchSize >= 512 ? [[0.5, 0]] : [[0.5 + spread, 0], [0.5 - spread, 0], [0.5, spread], [0.5, spread]],
      full: [0.5, 0],
    },
    ms: 120,
  };
}

function renderWith(view: React.ReactNode) {
  const training = fakeTraining();
  training.analyseGradients = vi.fn(async (_runId: string, cloudBatchSize: number) => analysis(cloudBatchSize));
  render(<TrainingContext.Provider value={training}>{view}</TrainingContext.Provider>);
  return training;
}

describe('variance against batch size', () => {
  beforeEach(resetStores);

  it('draws measured points and the theory line log-log, marks each run’s B, and reads the slope', async () => {
    const training = renderWith(<VarianceView />);
    const chart = await screen.findByRole('img', { name: /Gradient variance against batch size for B = 32, log-log\. Fitted slope −1 / });
    expect(training.analyseGradients).toHaveBeenCalledWith('mini', 32);
    expect(chart.getAttribute('aria-label')).toContain('B = 512: measured 0, theory 0');
    expect(chart.querySelectorAll('.level-label').length).toBe(3);
    expect(screen.getByText(/B = 32 at step 120: per-example gradients of all 512 training examples, 354 parameters each/)).toBeInTheDocument();
    expect(screen.getByText(/doubling the batch divides the variance by about 2/)).toBeInTheDocument();
  });

  it('measures again on request', async () => {
    const training = renderWith(<VarianceView />);
    await screen.findByText(/at step 120/);
    fireEvent.click(screen.getByRole('button', { name: 'Measure now' }));
    await waitFor(() => expect(training.analyseGradients).toHaveBeenCalledTimes(2));
  });
});

describe('gradient cloud', () => {
  beforeEach(resetStores);

  it('samples at the run’s own B, reports the spread beside theory, and re-samples when the slider moves', async () => {
    const training = renderWith(<CloudView />);
    await screen.findByRole('img', { name: /4 sampled gradients of batches of 32 at B = 32’s weights/ });
    const theory32 = Math.sqrt((4 / 32) * (480 / 511));
    expect(screen.getByText(/RMS distance from G/)).toHaveTextContent(`RMS distance from G: ${Number(theory32.toPrecision(3))}`);
    await act(async () => {
      fireEvent.change(screen.getByRole('textbox', { name: 'Batch size of the samples (number)' }), { target: { value: '512' } });
      fireEvent.keyDown(screen.getByRole('textbox', { name: 'Batch size of the samples (number)' }), { key: 'Enter' });
    });
    expect(training.analyseGradients).toHaveBeenLastCalledWith('mini', 512);
    await screen.findByRole('img', { name: /1 sampled gradient of batches of 512 .*RMS distance from G 0 \(random-batch theory 0\)/ });
    expect(screen.getByText(/: 1 batch of 512/)).toBeInTheDocument();
    expect(screen.getByText('Every batch here is the whole set, so every sample is G itself: the cloud is a single point.')).toBeInTheDocument();
  });

  it('offers to fit the axes to a cloud that is small on the fixed ones, and says what the zoom hides', async () => {
    renderWith(<CloudView />);
    await screen.findByRole('img', { name: /4 sampled gradients of batches of 32/ });
    // tr(Σ) = 4: the fixed axes reach 2 · √4 = 4 either side of G, where B = 32's cloud lies within 0.35.
    expect(screen.getByText(/The cloud is small on these axes/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Fit the axes to the cloud' }));
    expect(screen.getByText(/Zoomed to the cloud: its shape shows, but not how much smaller/)).toBeInTheDocument();
    expect(useUiStore.getState().cloudZoomed).toBe(true);
  });
});

describe('explanations', () => {
  it('render every formula as MathML without a style attribute (a strict CSP refuses inline styles)', async () => {
    const { NoiseExplainerBody, VarianceExplainerBody, CloudExplainerBody } = await import('../../src/components/explain/explainer-bodies');
    for (const Body of [NoiseExplainerBody, VarianceExplainerBody, CloudExplainerBody]) {
      const { container, unmount } = render(<Body />);
      expect(container.querySelectorAll('math').length).toBeGreaterThanOrEqual(2);
      expect(container.querySelector('math[style], math [style]')).toBeNull();
      expect(container.querySelector('merror')).toBeNull();
      unmount();
    }
  });
});
