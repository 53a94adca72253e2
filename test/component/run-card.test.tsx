import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { RunCard } from '../../src/components/runs/run-card';
import { TrainingContext } from '../../src/components/training-context';
import { useMetricsStore } from '../../src/store/metrics-store';
import { useSettingsStore } from '../../src/store/settings-store';
import { evalPoint, fakeTraining, resetStores, status } from './fixtures';

function renderCard(id: string) {
  const run = useSettingsStore.getState().runs.find((r) => r.id === id)!;
  return render(
    <TrainingContext.Provider value={fakeTraining()}>
      <RunCard run={run} />
    </TrainingContext.Provider>,
  );
}

describe('run card', () => {
  beforeEach(resetStores);

  it('shows the run’s live numbers, rounded for reading and with units', () => {
    useMetricsStore.setState({ statuses: { mini: status() }, latest: { mini: evalPoint() } });
    renderCard('mini');
    const card = screen.getByRole('article', { name: 'Run B = 32' });
    const value = (term: string) => within(card).getByText(term).nextElementSibling!.textContent;
    expect(value('step')).toBe('1,204');
    expect(value('epoch')).toBe('75.3');
    expect(value('examples seen')).toBe('38,528');
    expect(value('training loss')).toBe('0.312');
    expect(value('test accuracy')).toBe('86.7 %');
    expect(value('steps/s')).toBe('482');
    // examples/s is steps/s × B, rounded for reading.
    expect(value('examples/s')).toBe((481.6 * 32).toLocaleString('en-US', { maximumFractionDigits: 0 }));
    expect(value('time per step')).toBe('2.08 ms');
    expect(within(card).getByTestId('state-mini')).toHaveTextContent('running');
  });

  it('says why a diverged run stopped and what to do', () => {
    useMetricsStore.setState({ statuses: { single: status({ id: 'single', batchSize: 1, state: 'diverged', divergedAtStep: 87 }) } });
    renderCard('single');
    expect(screen.getByRole('alert')).toHaveTextContent('The loss became infinite or NaN at step 87');
    expect(screen.getByRole('alert')).toHaveTextContent('Lower the lr');
  });

  it('labels the full-batch run with N and shows dashes before any measurement', () => {
    renderCard('full');
    const card = screen.getByRole('article', { name: 'Run B = N (512)' });
    expect(within(card).getByText('training loss').nextElementSibling).toHaveTextContent('—');
  });

  it('shows the linear-scaling lr when scaling is on', () => {
    useSettingsStore.getState().setScaleLr(true);
    renderCard('full');
    // lr · B / B_mini = 0.1 · 512 / 32
    expect(screen.getByText(/full batch · lr 1.6/)).toBeInTheDocument();
  });
});
