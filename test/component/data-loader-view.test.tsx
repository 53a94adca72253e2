import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TrainingContext } from '../../src/components/training-context';
import { DataLoaderView } from '../../src/components/views/data-loader-view';
import { createDataLoader, type ShuffleMode } from '../../src/engine/loader';
import type { LoaderSnapshot } from '../../src/runtime/protocol';
import { useSettingsStore } from '../../src/store/settings-store';
import { fakeTraining, resetStores } from './fixtures';

/**
 * A recorded loader of the mini-batch run (N = 512, B = 32, 16 batches an epoch) that has served 2 epochs and 3
 * batches, with the losses of every step kept: class 0's batches (the first 8 of the stored order) at 0.2, class 1's at 0.8.
 */
function snapshot(shuffle: ShuffleMode): LoaderSnapshot {
  const loader = createDataLoader({ n: 512, batchSize: 32, shuffle, dropLast: false, seed: 42 });
  const epochs: number[] = [];
  const batches: number[] = [];
  const losses: number[] = [];
  for (let i = 0; i < 35; i++) {
    const batch = loader.next();
    epochs.push(batch.epoch);
    batches.push(batch.batchInEpoch);
    losses.push(batch.indices[0]! < 256 ? 0.2 : 0.8);
  }
  return { runId: 'mini', loader: loader.state(), recent: { epochs: Int32Array.from(epochs), batches: Int32Array.from(batches), losses: Float32Array.from(losses) } };
}

function renderView(shuffle: ShuffleMode) {
  const training = fakeTraining();
  training.loaderState = vi.fn(async () => snapshot(shuffle));
  render(
    <TrainingContext.Provider value={training}>
      <DataLoaderView />
    </TrainingContext.Provider>,
  );
  return training;
}

describe('the DataLoader view', () => {
  beforeEach(resetStores);

  it('stacks the mini-batch run’s epochs in the stored order when shuffle is off, with single-class batches and the loss swing beside them', async () => {
    const training = renderView('off');
    const strip = await screen.findByRole('img', { name: /^The order in which the loader of B = 32 serves the 512 training examples, epochs 3 to 6/ });
    expect(training.loaderState).toHaveBeenCalledWith('mini');
    expect(strip.getAttribute('aria-label')).toContain('cut into 16 batches of 32. Every row has the same order. The run takes batch 4 of epoch 3 next.');
    expect(screen.getByText(/No shuffle: every row is the stored order/)).toBeInTheDocument();
    expect(screen.getByText('Next: batch 4 of 16 in epoch 3: 32 examples (class 0: 32, class 1: 0), starting 96, 97, 98, 99, 100, 101, 102, 103, ….')).toBeInTheDocument();
    // The second epoch (index 1) is finished and all its losses are kept: it is the one the composition shows.
    expect(screen.getByRole('img', { name: 'Class mix of each batch. B = 32, epoch 2: 16 batches, 16 made of a single class. Its batch losses run from 0.2 to 0.8.' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Loss of each batch\. B = 32, epoch 2/ })).toBeInTheDocument();
    // The data view beside it rings the batch the run takes next.
    expect(screen.getByRole('img', { name: '512 training points of “moons”, the 32 examples of the batch it takes next ringed' })).toBeInTheDocument();
  });

  it('says the backend is starting before it can read any loader', () => {
    const training = fakeTraining();
    training.loaderState = vi.fn(() => new Promise<LoaderSnapshot | null>(() => undefined));
    render(
      <TrainingContext.Provider value={training}>
        <DataLoaderView />
      </TrainingContext.Provider>,
    );
    expect(screen.getByText('Starting the training backend: the loader appears once the runs exist.')).toBeInTheDocument();
  });

  it('says when every epoch has its own order, and mixes the classes in each batch', async () => {
    renderView('on');
    const strip = await screen.findByRole('img', { name: /The rows’ orders differ\./ });
    expect(strip).toBeInTheDocument();
    const mix = screen.getByRole('img', { name: /^Class mix of each batch\. B = 32, epoch 2: 16 batches, (\d+) made of a single class/ });
    expect(Number(/, (\d+) made of a single class/.exec(mix.getAttribute('aria-label')!)![1])).toBe(0);
  });

  it('moves a chosen batch with the arrow keys and rings it in the data', async () => {
    renderView('once');
    const strip = await screen.findByRole('img', { name: /Every row has the same order/ });
    fireEvent.keyDown(strip, { key: 'ArrowDown' });
    fireEvent.keyDown(strip, { key: 'ArrowRight' });
    expect(screen.getByText(/^Batch 5 of 16 in epoch 4: 32 examples \(class 0: \d+, class 1: \d+\), starting/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /the 32 examples of the batch 5 of epoch 4 ringed$/ })).toBeInTheDocument();
    fireEvent.keyDown(strip, { key: 'Escape' });
    expect(screen.getByText(/^Next: batch 4 of 16 in epoch 3/)).toBeInTheDocument();
  });

  it('shows the last partial batch, or the dropped tail with drop last', async () => {
    useSettingsStore.getState().setExperiment({ n: 500 });
    const training = fakeTraining();
    const loader = createDataLoader({ n: 500, batchSize: 32, shuffle: 'on', dropLast: true, seed: 42 });
    training.loaderState = vi.fn(async () => ({ runId: 'mini', loader: loader.state(), recent: { epochs: new Int32Array(), batches: new Int32Array(), losses: new Float32Array() } }));
    render(
      <TrainingContext.Provider value={training}>
        <DataLoaderView />
      </TrainingContext.Provider>,
    );
    expect(await screen.findByText('▨ dropped: 20 left out (drop last)')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /cut into 15 batches of 32; the last 20 examples are dropped/ })).toBeInTheDocument();
    expect(screen.getByText('No batch losses of this epoch yet: press Play or Step +1.')).toBeInTheDocument();
  });
});

describe('the 15-item explorer', () => {
  beforeEach(resetStores);

  it('cuts range(15) into 3 batches of 5 that cover every item once, epoch after epoch, and copies the matching CLI line', async () => {
    renderView('on');
    fireEvent.click(screen.getByLabelText('15 items, batch 5'));
    const epoch0 = screen.getByRole('listitem', { name: 'Epoch 1' });
    const batches = within(epoch0).getAllByTestId('explorer-batch');
    expect(batches).toHaveLength(3);
    const items = batches.flatMap((b) => b.getAttribute('aria-label')!.replace(/^Batch \d: /, '').split(', ').map(Number));
    expect([...items].sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    fireEvent.click(screen.getByRole('button', { name: 'Next epoch' }));
    const epoch1 = screen.getByRole('listitem', { name: 'Epoch 2' });
    expect(within(epoch1).getAllByTestId('explorer-batch').map((b) => b.getAttribute('aria-label'))).not.toEqual(batches.map((b) => b.getAttribute('aria-label')));
    expect(screen.getByText('npm run -s experiment -- loader --n 15 --batch 5 --shuffle on --seed 1 --epochs 2')).toBeInTheDocument();
  });

  it('marks a partial last batch, drops it with drop last, and keeps the stored order with shuffle off', () => {
    renderView('on');
    fireEvent.click(screen.getByLabelText('15 items, batch 5'));
    fireEvent.change(screen.getByLabelText('Batch size'), { target: { value: '4' } });
    fireEvent.blur(screen.getByLabelText('Batch size'));
    fireEvent.click(screen.getByLabelText('Off'));
    expect(screen.getAllByTestId('explorer-batch').map((b) => b.getAttribute('aria-label'))).toEqual(['Batch 1: 0, 1, 2, 3', 'Batch 2: 4, 5, 6, 7', 'Batch 3: 8, 9, 10, 11', 'Batch 4: 12, 13, 14 (partial)']);
    fireEvent.click(screen.getByLabelText('drop last'));
    expect(screen.getAllByTestId('explorer-batch')).toHaveLength(3);
    expect(screen.getByLabelText('Dropped: 12, 13, 14')).toBeInTheDocument();
    expect(screen.getByText('npm run -s experiment -- loader --n 15 --batch 4 --shuffle off --seed 1 --epochs 1 --drop-last')).toBeInTheDocument();
  });

  it('says what it did with a batch size or seed out of range, and refuses text', () => {
    renderView('on');
    fireEvent.click(screen.getByLabelText('15 items, batch 5'));
    const batch = screen.getByLabelText('Batch size');
    fireEvent.change(batch, { target: { value: '20' } });
    fireEvent.keyDown(batch, { key: 'Enter' });
    expect(screen.getByText('20 is above the largest batch size: using 15.')).toBeInTheDocument();
    expect(screen.getAllByTestId('explorer-batch')).toHaveLength(1);
    const seed = screen.getByLabelText('Seed');
    fireEvent.change(seed, { target: { value: 'abc' } });
    fireEvent.blur(seed);
    expect(screen.getByText('“abc” is not a number: the seed stays as it was.')).toBeInTheDocument();
    expect(screen.getByText(/--seed 1 /)).toBeInTheDocument();
  });
});
