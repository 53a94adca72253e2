import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ControlsPanel } from '../../src/components/controls/controls-panel';
import { useMetricsStore } from '../../src/store/metrics-store';
import { MINI_RUN_ID } from '../../src/store/run-settings';
import { useSettingsStore } from '../../src/store/settings-store';
import { useUiStore } from '../../src/store/ui-store';
import { resetStores, status } from './fixtures';

const miniBatch = () => useSettingsStore.getState().runs.find((r) => r.id === MINI_RUN_ID)!.batchSize;

describe('controls write the settings store', () => {
  beforeEach(resetStores);

  it('the batch-size slider snaps to powers of two and N; its end is the full batch', () => {
    render(<ControlsPanel />);
    const slider = screen.getByRole('slider', { name: 'Batch size (mini-batch run)' });
    fireEvent.change(slider, { target: { value: '3' } });
    expect(miniBatch()).toBe(8);
    fireEvent.change(slider, { target: { value: '9' } });
    expect(miniBatch()).toBe('full');
    expect(screen.getByText('512 = N (full)')).toBeInTheDocument();
  });

  it('the batch-size number field takes any whole size up to N, clamping beyond', async () => {
    render(<ControlsPanel />);
    const field = screen.getByRole('textbox', { name: 'Batch size (mini-batch run) (number)' });
    await userEvent.clear(field);
    await userEvent.type(field, '100{Enter}');
    expect(miniBatch()).toBe(100);
    await userEvent.clear(field);
    await userEvent.type(field, '100000{Enter}');
    expect(miniBatch()).toBe('full');
  });

  it('the learning-rate field sets the shared lr; text that is not a number leaves it alone', async () => {
    render(<ControlsPanel />);
    const field = screen.getByRole('textbox', { name: 'Learning rate (number)' });
    await userEvent.clear(field);
    await userEvent.type(field, '0.03{Enter}');
    expect(useSettingsStore.getState().experiment.lr).toBe(0.03);
    await userEvent.clear(field);
    await userEvent.type(field, '{Enter}');
    expect(useSettingsStore.getState().experiment.lr).toBe(0.03);
    expect(field).toHaveValue('0.03');
    expect(screen.getByText('An empty field is not a number: the learning rate stays as it was.')).toBeInTheDocument();
  });

  it('says what it did with a minus sign, text, or a size beyond N in the batch field, and drops a stale note', async () => {
    render(<ControlsPanel />);
    const field = screen.getByRole('textbox', { name: 'Batch size (mini-batch run) (number)' });
    await userEvent.clear(field);
    await userEvent.type(field, '−5{Enter}');
    expect(screen.getByText('A batch holds at least 1 example; kept the old size.')).toBeInTheDocument();
    expect(miniBatch()).toBe(32);
    await userEvent.clear(field);
    await userEvent.type(field, 'abc{Enter}');
    expect(screen.getByText('“abc” is not a batch size: type a whole number from 1 to 512, or “full”.')).toBeInTheDocument();
    await userEvent.clear(field);
    await userEvent.type(field, '513{Enter}');
    expect(screen.getByText('513 is more than N = 512: using the full batch.')).toBeInTheDocument();
    // Typing again clears the note: it spoke of the old text.
    await userEvent.clear(field);
    await userEvent.type(field, '64');
    expect(screen.queryByText(/more than N/)).toBeNull();
    // Enter on the value already in place confirms it: a refusal's note goes too.
    await userEvent.clear(field);
    await userEvent.type(field, '−5{Enter}');
    expect(screen.getByText('A batch holds at least 1 example; kept the old size.')).toBeInTheDocument();
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(screen.queryByText(/kept the old size/)).toBeNull();
  });

  it('the seed changes on Enter, not on every keystroke, and says what it did with a value out of range', async () => {
    render(<ControlsPanel />);
    const field = screen.getByLabelText('Seed');
    await userEvent.clear(field);
    await userEvent.type(field, '123');
    expect(useSettingsStore.getState().experiment.seed).toBe(42);
    await userEvent.type(field, '{Enter}');
    expect(useSettingsStore.getState().experiment.seed).toBe(123);
    await userEvent.clear(field);
    await userEvent.type(field, '-1{Enter}');
    expect(screen.getByText('-1 is below the smallest seed: using 0.')).toBeInTheDocument();
    await userEvent.clear(field);
    await userEvent.type(field, '1.5{Enter}');
    expect(screen.getByText('1.5 is not a whole number: using 2.')).toBeInTheDocument();
    expect(useSettingsStore.getState().experiment.seed).toBe(2);
  });

  it('the noise takes any value in [0, 1] typed beside its slider, clamping beyond with a note; the slider clears the note', async () => {
    render(<ControlsPanel />);
    const field = screen.getByRole('textbox', { name: 'Noise (number)' });
    await userEvent.clear(field);
    await userEvent.type(field, '0.13{Enter}');
    expect(useSettingsStore.getState().experiment.noise).toBe(0.13);
    expect(screen.queryByText(/noise: using/)).toBeNull();
    await userEvent.clear(field);
    await userEvent.type(field, '1.5{Enter}');
    expect(screen.getByText('1.5 is above the largest noise: using 1.')).toBeInTheDocument();
    expect(useSettingsStore.getState().experiment.noise).toBe(1);
    fireEvent.change(screen.getByRole('slider', { name: 'Noise' }), { target: { value: '0.35' } });
    expect(useSettingsStore.getState().experiment.noise).toBe(0.35);
    expect(screen.queryByText(/is above the largest noise/)).toBeNull();
    expect(field).toHaveValue('0.35');
  });

  it('stop at step: 0 becomes 1 and a fraction is rounded, each with a note', async () => {
    render(<ControlsPanel />);
    await userEvent.selectOptions(screen.getByLabelText('Stop each run at'), 'steps');
    const field = screen.getByRole('textbox', { name: 'Stop at step' });
    await userEvent.clear(field);
    await userEvent.type(field, '0{Enter}');
    expect(screen.getByText('0 is below the smallest step to stop at: using 1.')).toBeInTheDocument();
    expect(useSettingsStore.getState().stopAt).toEqual({ unit: 'steps', value: 1 });
    await userEvent.clear(field);
    await userEvent.type(field, '2.5{Enter}');
    expect(screen.getByText('2.5 is not a whole number: using 3.')).toBeInTheDocument();
    expect(useSettingsStore.getState().stopAt).toEqual({ unit: 'steps', value: 3 });
  });

  it('shuffle is a labelled radio group', async () => {
    render(<ControlsPanel />);
    await userEvent.click(screen.getByRole('radio', { name: 'Off' }));
    expect(useSettingsStore.getState().experiment.shuffle).toBe('off');
  });

  it('choosing line switches to the 2-parameter linear model; a classification dataset back to the MLP', async () => {
    render(<ControlsPanel />);
    await userEvent.selectOptions(screen.getByLabelText('Dataset'), 'line');
    expect(useSettingsStore.getState().experiment.model).toBe('linear');
    expect(screen.getByLabelText('Model')).toHaveValue('linear');
    await userEvent.selectOptions(screen.getByLabelText('Dataset'), 'spiral');
    expect(useSettingsStore.getState().experiment.model).toBe('mlp');
  });

  it('bad hidden sizes are refused with a hint, good ones applied', async () => {
    render(<ControlsPanel />);
    const field = screen.getByLabelText('Hidden layers');
    await userEvent.clear(field);
    await userEvent.type(field, '16,abc{Enter}');
    expect(screen.getByText(/Use 1–4 widths/)).toBeInTheDocument();
    expect(useSettingsStore.getState().experiment.hidden).toEqual([16, 16]);
    await userEvent.clear(field);
    await userEvent.type(field, '32,8,4{Enter}');
    expect(useSettingsStore.getState().experiment.hidden).toEqual([32, 8, 4]);
  });

  it('an out-of-range N is clamped and the user is told', () => {
    useSettingsStore.getState().setExperiment({ n: 1_000_000 });
    expect(useSettingsStore.getState().experiment.n).toBe(65_536);
    expect(useUiStore.getState().notices.map((n) => n.text)).toContain('n 1000000 is out of range; using 65536');
  });

  it('does not re-render when metrics update', () => {
    let renders = 0;
    render(
      <Profiler id="controls" onRender={() => renders++}>
        <ControlsPanel />
      </Profiler>,
    );
    const before = renders;
    act(() => {
      for (let k = 0; k < 5; k++) useMetricsStore.setState({ statuses: { mini: status({ step: k }) }, playing: true });
    });
    expect(renders).toBe(before);
  });
});

describe('runs', () => {
  beforeEach(resetStores);

  it('adds up to five runs, each with its own colour, and removes extra ones', () => {
    const { addRun, removeRun } = useSettingsStore.getState();
    addRun(8);
    addRun(128);
    addRun(4);
    const runs = useSettingsStore.getState().runs;
    expect(runs.map((r) => r.batchSize)).toEqual([1, 32, 'full', 8, 128]);
    expect(new Set(runs.map((r) => r.colour)).size).toBe(5);
    removeRun(runs[3]!.id);
    addRun(2);
    const after = useSettingsStore.getState().runs;
    expect(after.map((r) => r.id)).toEqual(['single', 'mini', 'full', 'run-5', 'run-4']);
    expect(new Set(after.map((r) => r.id)).size).toBe(5);
  });
});
