import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/engine/datasets';
import { uploadDataset } from '../../../src/engine/device-data';
import { createRunSlot, type SlotContext } from '../../../src/worker/run-slot';
import { createNoiseCostBook } from '../../../src/worker/noise-meter';

describe('a run slot’s batch losses', () => {
  it('for B = N, equal the full training loss evaluated at the same step (within 1e-6)', async () => {
    const data = uploadDataset(generateDataset({ name: 'moons', n: 64, noise: 0.2, testShare: 0.25, seed: 3 }));
    const context: SlotContext = { data, model: { kind: 'mlp', hidden: [8], activation: 'tanh' }, momentum: 0, dropLast: false, seed: 3, snapshotsWanted: () => false, readbackMs: () => 0, noiseCosts: createNoiseCostBook() };
    const slot = await createRunSlot(context, { id: 'full', batchSize: 64, lr: 0.5, shuffle: 'on', enabled: true }, null);
    try {
      await slot.evaluate();
      for (const chunk of [1, 3, 2, 5]) {
        await slot.runChunk(chunk);
        await slot.evaluate();
      }
      const update = slot.drain(false);
      const evalByStep = new Map(update.evals.map((e) => [e.step, e.trainLoss]));
      const matched = update.batchLosses.filter((p) => evalByStep.has(p.step));
      // Every evaluation but the last has a step after it whose batch loss was taken at the same parameters.
      expect(matched.map((p) => p.step)).toEqual([0, 1, 4, 6]);
      for (const p of matched) expect(Math.abs(p.loss - evalByStep.get(p.step)!)).toBeLessThan(1e-6);
      expect(update.batchLosses).toHaveLength(11);
    } finally {
      slot.dispose();
      data.dispose();
    }
  });
});
