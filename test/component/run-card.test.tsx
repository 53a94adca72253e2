import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RunCard } from '../../src/components/runs/run-card';
import { TrainingContext } from '../../src/components/training-context';
import { useMetricsStore } from '../../src/store/metrics-store';
import { useSettingsStore } from '../../src/store/settings-store';
import { evalPoint, fakeTraining, resetStores, status } from './fixtures';

function renderCard(id: string, training = fakeTraining()) {
  const run = useSettingsStore.getState().runs.find((r) => r.id === id)!;
  return render(
    <TrainingContext.Provider value={training}>
      <RunCard run={run} />
    </TrainingContext.Provider>,
  );
}

const at = (step: number) => ({ step, epoch: step / 16, examples: step * 32, seconds: step / 100 });

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
    for (const term of ['steps/s', 'examples/s', 'time per step']) expect(within(card).getByText(term)).toHaveAttribute('title', expect.stringMatching(/own training compute.*left out/));
    expect(within(card).getByTestId('state-mini')).toHaveTextContent('running');
  });

  it('says why a diverged run stopped and what to do', () => {
    useMetricsStore.setState({ statuses: { single: status({ id: 'single', batchSize: 1, state: 'diverged', divergedAtStep: 87 }) } });
    renderCard('single');
    expect(screen.getByRole('alert')).toHaveTextContent('B = 1’s loss became infinite or NaN at step 87');
    expect(screen.getByRole('alert')).toHaveTextContent('Lower the lr');
    expect(screen.getByRole('button', { name: 'Reset this run' })).toBeInTheDocument();
  });

  it('after the lr was lowered, tells a diverged run to reset, not to lower the lr again', () => {
    const training = fakeTraining();
    useMetricsStore.setState({
      statuses: { single: status({ id: 'single', batchSize: 1, state: 'diverged', divergedAtStep: 73, lr: 0.1 }) },
      health: { single: { kind: 'diverged', atStep: 73, lr: 3 } },
    });
    renderCard('single', training);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('B = 1’s loss became infinite or NaN at step 73 (at lr 3): its steps overshot. Its lr is now 0.1: reset it to train again from the start at that lr.');
    expect(alert).not.toHaveTextContent('Lower the lr');
    fireEvent.click(screen.getByRole('button', { name: 'Reset this run' }));
    expect(training.resetRun).toHaveBeenCalledWith('single');
  });

  it('marks a run unstable, with the numbers that make it so and the hint to lower lr', () => {
    useMetricsStore.setState({ statuses: { mini: status() }, health: { mini: { kind: 'unstable', since: at(40), loss: 31.2, initialLoss: 0.71 } } });
    renderCard('mini');
    expect(screen.getByTestId('state-mini')).toHaveTextContent('unstable');
    expect(screen.getByRole('alert')).toHaveTextContent('since step 40 its training loss has stayed far above where it started (31.2 against 0.71)');
    expect(screen.getByRole('alert')).toHaveTextContent('lower it');
  });

  it('says a saturated run is stuck and resets that run alone', () => {
    const training = fakeTraining();
    useMetricsStore.setState({ statuses: { mini: status() }, health: { mini: { kind: 'stuck', since: at(400), loss: 0.705, accuracy: 0.5 } } });
    renderCard('mini', training);
    expect(screen.getByTestId('state-mini')).toHaveTextContent('stuck');
    expect(screen.getByRole('alert')).toHaveTextContent('flat, averaging 0.705 (50 % accuracy) over its last ten evaluations');
    fireEvent.click(screen.getByRole('button', { name: 'Reset this run' }));
    expect(training.resetRun).toHaveBeenCalledWith('mini');
  });

  it('after a lowered lr, says a still-unstable run is damaged and offers a reset instead of "lower it"', () => {
    const training = fakeTraining();
    useMetricsStore.setState({ statuses: { mini: status() }, health: { mini: { kind: 'damaged', since: at(650), loss: 3.04, initialLoss: 0.766, lr: 0.1, previousLr: 10 } } });
    renderCard('mini', training);
    expect(screen.getByTestId('state-mini')).toHaveTextContent('damaged');
    expect(screen.getByRole('alert')).toHaveTextContent('lr was lowered from 10 to 0.1 at step 650, yet its loss stays far above its start (3.04 against 0.766)');
    expect(screen.getByRole('alert')).not.toHaveTextContent('lower it');
    fireEvent.click(screen.getByRole('button', { name: 'Reset this run' }));
    expect(training.resetRun).toHaveBeenCalledWith('mini');
  });

  it('names a repeated run uniquely and says it is the same experiment while the measurement says it still is', () => {
    useSettingsStore.getState().addRun('full');
    useMetricsStore.setState({ repeats: { 'run-4': 'full' } });
    renderCard('run-4');
    expect(screen.getByRole('article', { name: 'Run B = N (512) #2' })).toBeInTheDocument();
    expect(screen.getByText(/Same experiment as B = N \(512\).*evaluated at the same steps/)).toBeInTheDocument();
    act(() => useMetricsStore.setState({ repeats: {} }));
    expect(screen.queryByText(/Same experiment as/)).toBeNull();
  });

  it('shows no time per step, with the reason, when no block could be timed; marks a carried figure', () => {
    const untimed = { msPerStep: null, stepsPerSecond: null, examplesPerSecond: null, timingSource: null };
    useSettingsStore.setState({ speed: 'slow' });
    useMetricsStore.setState({ statuses: { mini: status({ ...untimed, state: 'paused' }) } });
    const { unmount } = renderCard('mini');
    const cell = () => screen.getByText('time per step').nextElementSibling!;
    expect(cell().textContent).toMatch(/^—/);
    expect(cell()).toHaveAttribute('title', expect.stringMatching(/^Not timed yet: single steps \(slow motion, Step \+1\) are too short to time honestly/));
    // At Full speed a run is timed within a few blocks; a run that diverged at once never was.
    act(() => useSettingsStore.setState({ speed: 'fast' }));
    expect(cell()).toHaveAttribute('title', 'Not timed yet: the first blocks of steps are being timed.');
    act(() => useMetricsStore.setState({ statuses: { mini: status({ ...untimed, state: 'diverged' }) } }));
    expect(cell()).toHaveAttribute('title', 'Not timed: the run diverged before enough blocks of its steps were timed.');
    unmount();
    useMetricsStore.setState({ statuses: { mini: status({ timingSource: 'earlier' }) } });
    const again = renderCard('mini');
    expect(screen.getByText('time per step').nextElementSibling).toHaveAttribute('title', expect.stringMatching(/^From earlier blocks/));
    again.unmount();
    useMetricsStore.setState({ statuses: { mini: status({ timingSource: 'warming' }) } });
    renderCard('mini');
    expect(screen.getByText('time per step').nextElementSibling).toHaveAttribute('title', expect.stringMatching(/^Still warming up/));
  });

  it('keeps a run’s own settings folded until asked for, and open where the run has one of its own', () => {
    const first = renderCard('mini');
    const toggle = screen.getByRole('button', { name: /own settings/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('textbox', { name: /batch size/ })).toBeNull();
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('textbox', { name: 'B = 32: batch size (a number or full)' })).toHaveValue('32');
    first.unmount();
    useSettingsStore.getState().setRunShuffle('mini', 'off');
    renderCard('mini');
    expect(screen.getByRole('button', { name: /own settings/ })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText(/mini-batch · lr 0\.1 · shuffle off/)).toBeInTheDocument();
  });

  it('says next to the field what became of a refused or clamped value', () => {
    renderCard('mini');
    fireEvent.click(screen.getByRole('button', { name: /own settings/ }));
    const batch = screen.getByRole('textbox', { name: 'B = 32: batch size (a number or full)' });
    fireEvent.change(batch, { target: { value: 'abc' } });
    fireEvent.blur(batch);
    expect(screen.getByRole('status')).toHaveTextContent('“abc” is not a batch size');
    const lr = screen.getByRole('textbox', { name: 'B = 32: own learning rate (empty = shared)' });
    fireEvent.change(lr, { target: { value: '50' } });
    fireEvent.blur(lr);
    expect(screen.getByRole('status')).toHaveTextContent('50 is above the largest learning rate: using 10');
    expect(useSettingsStore.getState().runs.find((r) => r.id === 'mini')!.lrOverride).toBe(10);
  });

  it('turns a batch size above N into the full batch, field and name alike', () => {
    renderCard('mini');
    fireEvent.click(screen.getByRole('button', { name: /own settings/ }));
    const batch = screen.getByRole('textbox', { name: 'B = 32: batch size (a number or full)' });
    fireEvent.change(batch, { target: { value: '100000' } });
    fireEvent.blur(batch);
    expect(screen.getByRole('status')).toHaveTextContent('100,000 is more than N = 512: using the full batch');
    expect(useSettingsStore.getState().runs.find((r) => r.id === 'mini')!.batchSize).toBe('full');
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

  it('copies the CLI command for the run as it is at the click, even before the card has drawn its last step', async () => {
    const training = fakeTraining();
    const history = { batchLosses: [], evals: [], events: [], noise: [], throughput: [], status: status({ step: 150, state: 'finished' }) };
    training.exportHistory = vi.fn(() => ({ mini: history }));
    // The card last drew step 147; the run has since finished at 150.
    useMetricsStore.setState({ statuses: { mini: status({ step: 147 }) } });
    renderCard('mini', training);
    fireEvent.click(screen.getByRole('button', { name: 'Copy as CLI' }));
    // jsdom has no clipboard: the card shows the command instead.
    const command = await screen.findByText(/npm run -s experiment/);
    expect(command.textContent).toContain('--steps 150');
  });
});
