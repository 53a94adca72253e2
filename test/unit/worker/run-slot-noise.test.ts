import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/engine/datasets';
import { uploadDataset } from '../../../src/engine/device-data';
import { expectedBatchErrorSq } from '../../../src/engine/noise';
import { createNoiseCostBook, createNoiseMeter, NOISE_SPACING, noiseIsDue } from '../../../src/worker/noise-meter';
import { createRunSlot, type SlotContext } from '../../../src/worker/run-slot';

const dataset = () => uploadDataset(generateDataset({ name: 'moons', n: 64, noise: 0.2, testShare: 0.25, seed: 3 }));
const contextFor = (data: ReturnType<typeof dataset>): SlotContext => ({ data, model: { kind: 'mlp', hidden: [8], activation: 'tanh' }, momentum: 0, dropLast: false, seed: 3, snapshotsWanted: () => false, readbackMs: () => 0, noiseCosts: createNoiseCostBook() });

describe('a run slot’s gradient-noise measurements', () => {
  it('leave training untouched: the same losses with and without them', async () => {
    const losses = async (measure: boolean) => {
      const data = dataset();
      const slot = await createRunSlot(contextFor(data), { id: 'mini', batchSize: 8, lr: 0.3, shuffle: 'on', enabled: true }, null);
      for (let chunk = 0; chunk < 6; chunk++) {
        if (measure) await slot.measureNoise();
        await slot.runChunk(5);
      }
      const update = slot.drain(false);
      slot.dispose();
      data.dispose();
      return { losses: update.batchLosses.map((p) => p.loss), noise: update.noise };
    };
    const without = await losses(false);
    const withNoise = await losses(true);
    expect(withNoise.losses).toEqual(without.losses);
    expect(withNoise.noise.map((p) => p.step)).toEqual([0, 5, 10, 15, 20, 25]);
  });

  it('records cos, relative error and its expectation from the engine’s statistics, off the compute clock', async () => {
    const data = dataset();
    const slot = await createRunSlot(contextFor(data), { id: 'mini', batchSize: 8, lr: 0.3, shuffle: 'on', enabled: true }, null);
    try {
      await slot.runChunk(10);
      const secondsBefore = slot.status(false).computeSeconds;
      const stats = await slot.trainer.measureNoise();
      await slot.measureNoise();
      expect(slot.status(false).computeSeconds).toBe(secondsBefore);
      const [point] = slot.drain(false).noise;
      expect(point!.step).toBe(10);
      expect(point!.cosine).toBeCloseTo(stats.cosine, 6);
      expect(point!.relativeError).toBeCloseTo(Math.sqrt(stats.batchErrorSq / stats.gradNormSq), 6);
      expect(point!.expectedRelativeError).toBeCloseTo(Math.sqrt(expectedBatchErrorSq(stats.traceSigma, 64, 8) / stats.gradNormSq), 6);
      expect(point!.singleRelativeError).toBeCloseTo(Math.sqrt(stats.traceSigma / stats.gradNormSq), 6);
      expect(point!.bSimple).toBeCloseTo(stats.traceSigma / stats.gradNormSq, 4);
      expect(slot.status(false).noiseShare).toBeGreaterThan(0);
    } finally {
      slot.dispose();
      data.dispose();
    }
  });

  it('times a measurement for the dataset’s cost book without keeping a point or counting it in the share', async () => {
    const data = dataset();
    const context = contextFor(data);
    const slot = await createRunSlot(context, { id: 'mini', batchSize: 8, lr: 0.3, shuffle: 'on', enabled: true }, null);
    try {
      await slot.runChunk(5);
      expect(context.noiseCosts.quickest()).toBeNull();
      await slot.calibrateNoise();
      expect(context.noiseCosts.quickest()).toBeGreaterThan(0);
      expect(slot.drain(false).noise).toEqual([]);
      expect(slot.status(false).noiseShare).toBeNull();
      // Still due as before: the calibration is not a measurement of this run.
      expect(slot.noiseDue(0, 0, true)).toBe(true);
    } finally {
      slot.dispose();
      data.dispose();
    }
  });

  it('marks the first measurement after steps taken with measuring off, and only that one', async () => {
    const data = dataset();
    const slot = await createRunSlot(contextFor(data), { id: 'mini', batchSize: 8, lr: 0.3, shuffle: 'on', enabled: true }, null);
    try {
      await slot.measureNoise('initial');
      await slot.runChunk(5);
      await slot.measureNoise();
      await slot.runChunk(5);
      slot.noiseLapsed();
      await slot.runChunk(5);
      await slot.measureNoise();
      await slot.runChunk(5);
      await slot.measureNoise();
      expect(slot.drain(false).noise.map((p) => [p.step, p.afterGap ?? false])).toEqual([
        [0, false],
        [5, false],
        [15, true],
        [20, false],
      ]);
    } finally {
      slot.dispose();
      data.dispose();
    }
  });

  it('is due only after new steps, the cadence, and NOISE_SPACING times its own duration of training', async () => {
    const data = dataset();
    const slot = await createRunSlot(contextFor(data), { id: 'mini', batchSize: 8, lr: 0.3, shuffle: 'on', enabled: true }, null);
    try {
      expect(slot.noiseDue(0, 0, true)).toBe(true);
      await slot.measureNoise();
      // No step since: nothing new to measure, even in slow motion.
      expect(slot.noiseDue(performance.now() + 1e6, 0, true)).toBe(false);
      await slot.runChunk(1);
      expect(slot.noiseDue(performance.now(), 0, true)).toBe(true);
      // The cadence has not passed yet.
      expect(slot.noiseDue(performance.now(), 60_000, false)).toBe(false);
    } finally {
      slot.dispose();
      data.dispose();
    }
  });

  it('keeps measuring to at most 1 / NOISE_SPACING of training time at any cadence', () => {
    const clock = { newSteps: true, msSinceLast: 1000, trainMsSinceLast: 40, lastMs: 10, spentMs: 0, trainedMs: 1e6 };
    expect(noiseIsDue(clock, 500, false)).toBe(false);
    expect(noiseIsDue({ ...clock, trainMsSinceLast: NOISE_SPACING * 10 }, 500, false)).toBe(true);
    expect(noiseIsDue({ ...clock, trainMsSinceLast: 1e6, msSinceLast: 499 }, 500, false)).toBe(false);
    expect(noiseIsDue({ ...clock, trainMsSinceLast: 0 }, 500, true)).toBe(true);
    expect(noiseIsDue({ ...clock, newSteps: false }, 0, true)).toBe(false);
  });

  it('keeps the share under 20 % from the first paced measurement on, where one measurement outlasts all training before it', () => {
    // N = 65,536 on a slow device: the initial measurement took 3 s, later ones 2 s; training comes in 100 ms blocks
    // and the cadence asks for one every 0.5 s.
    const meter = createNoiseMeter();
    let now = 0;
    let step = 0;
    meter.measured(step, 3000, (now += 3000), 'initial');
    const shares: number[] = [];
    for (let block = 0; block < 3000; block++) {
      meter.trained(100);
      now += 100;
      step += 1;
      if (meter.due(now, step, true, 500, false)) {
        meter.measured(step, 2000, (now += 2000), 'paced');
        shares.push(meter.share()!);
      }
    }
    expect(shares.length).toBeGreaterThan(10);
    expect(Math.max(...shares)).toBeLessThan(0.2);
  });

  it('leaves measurements that take no training time (slow motion, a pause) out of the share', () => {
    const meter = createNoiseMeter();
    meter.trained(100);
    meter.measured(1, 50, 100, 'extra');
    expect(meter.share()).toBeNull();
    meter.measured(2, 10, 200, 'paced');
    expect(meter.share()).toBeCloseTo(0.1, 12);
  });

  it('does not hold back a run behind the first run’s shader compile: the quickest initial measurement stands in', () => {
    const costs = createNoiseCostBook();
    const first = createNoiseMeter(costs);
    const second = createNoiseMeter(costs);
    first.measured(0, 400, 400, 'initial');
    second.measured(0, 10, 410, 'initial');
    first.trained(300);
    // Its own 400 ms would ask for 4 s of training first; a warm measurement costs 10 ms.
    expect(first.due(2000, 30, true, 500, false)).toBe(true);
    // A run that has barely trained measures nothing paced yet, however cheap a measurement is.
    second.trained(100);
    expect(second.due(2000, 10, true, 500, false)).toBe(false);
  });

  it('stays under 20 % when measurements take far longer than the last one timed (a busy device)', () => {
    const costs = createNoiseCostBook();
    const meter = createNoiseMeter(costs);
    meter.measured(0, 7, 7, 'initial');
    let now = 7;
    let taken = 0;
    let worst = 0;
    for (let block = 1; block <= 600; block++) {
      meter.trained(50);
      now += 50;
      if (meter.due(now, block, true, 500, false)) {
        // 2.7 times the warm initial the first time, then as timed.
        meter.measured(block, 19, (now += 19), 'paced');
        taken++;
        worst = Math.max(worst, meter.share()!);
      }
    }
    expect(taken).toBeGreaterThan(40);
    expect(worst).toBeLessThan(0.2);
  });
});
