import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/engine/datasets';
import { uploadDataset } from '../../../src/engine/device-data';
import type { EvalPoint, RunSpec } from '../../../src/runtime/protocol';
import { createEvaluationSchedule } from '../../../src/worker/evaluation-schedule';
import { createNoiseCostBook } from '../../../src/worker/noise-meter';
import { createRunSlot, type RunSlot, type SlotContext } from '../../../src/worker/run-slot';

const spec = (id: string, lr = 0.5): RunSpec => ({ id, batchSize: 1, lr, shuffle: 'on', enabled: true });
const dataset = () => uploadDataset(generateDataset({ name: 'moons', n: 64, noise: 0.2, testShare: 0.25, seed: 3 }));
const contextFor = (data: ReturnType<typeof dataset>): SlotContext => ({ data, model: { kind: 'mlp', hidden: [8], activation: 'tanh' }, momentum: 0, dropLast: false, seed: 3, snapshotsWanted: () => false, readbackMs: () => 0, noiseCosts: createNoiseCostBook() });

describe('the evaluation schedule', () => {
  it('evaluates two runs of the same experiment at the same steps, whatever their chunks, so their loss lines coincide', async () => {
    const data = dataset();
    const context = contextFor(data);
    const slots: RunSlot[] = [];
    const schedule = createEvaluationSchedule(() => slots);
    const evals: Record<string, EvalPoint[]> = { original: [], repeat: [], other: [] };
    try {
      for (const id of ['original', 'repeat']) slots.push(await createRunSlot(context, spec(id), null));
      slots.push(await createRunSlot(context, spec('other', 0.05), null));
      for (const slot of slots) await schedule.evaluate(slot);
      schedule.regroup();
      // Uneven chunks, as a busy device gives them: the repeat lags, and the cadence comes round at odd moments.
      const wanted: Record<string, number[]> = { original: [7, 13, 5, 11], repeat: [3, 4, 9, 2, 6], other: [10] };
      for (let round = 0; round < 12; round++) {
        for (const slot of slots) {
          const chunk = wanted[slot.id]![round % wanted[slot.id]!.length]!;
          await slot.runChunk(chunk);
          const cadenceComesRound = round % 3 === slot.id.length % 3;
          await schedule.afterChunk(slot, performance.now() + (cadenceComesRound ? 10_000 : 0));
          evals[slot.id]!.push(...slot.drain(false).evals);
        }
      }
      const stepsOf = (id: string) => evals[id]!.map((e) => e.step);
      // Chunks pause at the steps owed and go on: the repeat still took every step it was given.
      expect(slots[1]!.trainer.progress.step).toBe(2 * (3 + 4 + 9 + 2 + 6) + 3 + 4);
      const reach = Math.min(slots[0]!.trainer.progress.step, slots[1]!.trainer.progress.step);
      const upTo = (id: string) => evals[id]!.filter((e) => e.step <= reach);
      expect(upTo('repeat').map((e) => e.step)).toEqual(upTo('original').map((e) => e.step));
      expect(upTo('repeat').map((e) => e.trainLoss)).toEqual(upTo('original').map((e) => e.trainLoss));
      expect(stepsOf('original').length).toBeGreaterThan(3);
      // A run of another experiment keeps its own cadence.
      expect(stepsOf('other')).not.toEqual(stepsOf('original').slice(0, stepsOf('other').length));
    } finally {
      for (const slot of slots) slot.dispose();
      data.dispose();
    }
  });

  it('takes no evaluation mid-chunk while the device is lost (its reads would be zeros)', async () => {
    const data = dataset();
    const context = contextFor(data);
    const slots = [await createRunSlot(context, spec('a'), null), await createRunSlot(context, spec('b'), null)];
    let lost = false;
    const schedule = createEvaluationSchedule(() => slots, () => lost);
    try {
      for (const slot of slots) await schedule.evaluate(slot);
      schedule.regroup();
      await slots[0]!.runChunk(10);
      await schedule.afterChunk(slots[0]!, performance.now() + 10_000);
      slots[1]!.drain(false);
      lost = true;
      await slots[1]!.runChunk(20);
      expect(slots[1]!.drain(false).evals).toEqual([]);
      lost = false;
      expect(slots[1]!.evaluatedSteps).toEqual([0]);
    } finally {
      for (const slot of slots) slot.dispose();
      data.dispose();
    }
  });

  it('stops treating runs as twins once one of them had an lr change the other did not', async () => {
    const data = dataset();
    const context = contextFor(data);
    const a = await createRunSlot(context, spec('a'), null);
    const b = await createRunSlot(context, spec('b'), null);
    try {
      expect(a.twinKey()).toBe(b.twinKey());
      await a.runChunk(5);
      a.updateSpec(spec('a', 1));
      await b.runChunk(6);
      b.updateSpec(spec('b', 1));
      // Same lr now, but changed at different steps: they took different steps since.
      expect(a.twinKey()).not.toBe(b.twinKey());
    } finally {
      a.dispose();
      b.dispose();
      data.dispose();
    }
  });
});
