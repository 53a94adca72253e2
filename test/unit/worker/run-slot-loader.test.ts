import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/engine/datasets';
import { uploadDataset } from '../../../src/engine/device-data';
import { createDataLoader } from '../../../src/engine/loader';
import { createBatchLossRing } from '../../../src/worker/recent-batch-losses';
import { createRunSlot, type SlotContext } from '../../../src/worker/run-slot';
import type { StepRecord } from '../../../src/engine/trainer-types';
import { createNoiseCostBook } from '../../../src/worker/noise-meter';

const record = (step: number, loss: number): StepRecord => ({ step, epoch: step / 4, examplesSeen: step, batchSize: 1, batchLoss: loss, batchEpoch: Math.floor(step / 4), batchInEpoch: step % 4 });

describe('the recent batch losses', () => {
  it('keep the last `capacity` steps, oldest first, across the wrap', () => {
    const ring = createBatchLossRing(5);
    ring.push([0, 1, 2].map((s) => record(s, s / 10)));
    expect(Array.from(ring.snapshot().batches)).toEqual([0, 1, 2]);
    ring.push([3, 4, 5, 6].map((s) => record(s, s / 10)));
    const kept = ring.snapshot();
    expect(Array.from(kept.epochs)).toEqual([0, 0, 1, 1, 1]);
    expect(Array.from(kept.batches)).toEqual([2, 3, 0, 1, 2]);
    expect(Array.from(kept.losses)).toEqual([0.2, 0.3, 0.4, 0.5, 0.6].map(Math.fround));
  });
});

describe('a run slot’s loader snapshot', () => {
  it('says where its loader stands, with each step’s batch loss at its batch, after a shuffle change', async () => {
    const data = uploadDataset(generateDataset({ name: 'moons', n: 40, noise: 0.2, testShare: 0.25, seed: 3 }));
    const context: SlotContext = { data, model: { kind: 'mlp', hidden: [4], activation: 'tanh' }, momentum: 0, dropLast: false, seed: 3, snapshotsWanted: () => false, readbackMs: () => 0, noiseCosts: createNoiseCostBook() };
    const slot = await createRunSlot(context, { id: 'mini', batchSize: 16, lr: 0.3, shuffle: 'on', enabled: true }, null);
    try {
      await slot.runChunk(4);
      slot.updateSpec({ ...slot.spec, shuffle: 'off' });
      await slot.runChunk(3);
      const before = slot.drain(false);
      const snapshot = slot.loaderSnapshot();
      // 3 batches an epoch (16, 16, 8): 7 steps stand at epoch 2, batch 1; epoch 1 was under way at the change.
      expect(snapshot.loader).toMatchObject({ epoch: 2, batchInEpoch: 1, batchesInEpoch: 3, spans: [{ fromEpoch: 0, shuffle: 'on' }, { fromEpoch: 2, shuffle: 'off' }] });
      expect(Array.from(snapshot.recent.epochs)).toEqual([0, 0, 0, 1, 1, 1, 2]);
      expect(Array.from(snapshot.recent.batches)).toEqual([0, 1, 2, 0, 1, 2, 0]);
      expect(before.batchLosses.length).toBeGreaterThan(0);
      // The same steps on a bare loader serve the same batches.
      const loader = createDataLoader({ n: 40, batchSize: 16, shuffle: 'on', dropLast: false, seed: 3 });
      for (let i = 0; i < 4; i++) loader.next();
      loader.setShuffle('off');
      for (let i = 0; i < 3; i++) loader.next();
      expect(snapshot.loader.spans).toEqual(loader.state().spans);
      expect(Array.from(slot.trainer.peekBatch().indices)).toEqual(Array.from(loader.peek().indices));
    } finally {
      slot.dispose();
      data.dispose();
    }
  });
});
