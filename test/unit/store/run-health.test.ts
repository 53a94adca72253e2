import { describe, expect, it } from 'vitest';
import type { EvalPoint, RunEvent } from '../../../src/runtime/protocol';
import { runHealth, troubleStart } from '../../../src/store/run-health';

const evalsOf = (losses: number[], accuracy: number | null = 0.5): EvalPoint[] =>
  losses.map((trainLoss, i) => ({ step: 10 * i, epoch: i, examples: 320 * i, seconds: i / 10, trainLoss, testLoss: trainLoss, accuracy }));

const lrChange = (step: number, lr: number, previous: number): RunEvent => ({ step, epoch: step / 10, examples: 32 * step, seconds: step / 100, label: `lr ${lr}`, change: { kind: 'lr', lr, previous } });

describe('run health of a diverged run', () => {
  it('knows the lr it diverged under: the one before the first change made after it stopped', () => {
    const evals = evalsOf([0.27, 5, 1e20]);
    // lr 0.1 → 3 at step 20, diverged at step 73, then lowered to 0.1 (the run stands still at step 73).
    const events = [lrChange(20, 3, 0.1), lrChange(73, 0.1, 3)];
    expect(runHealth(evals, events, 73)).toEqual({ kind: 'diverged', atStep: 73, lr: 3 });
    // No change since it diverged: the lr it has now.
    expect(runHealth(evals, [lrChange(20, 3, 0.1)], 73)).toEqual({ kind: 'diverged', atStep: 73, lr: null });
  });
});

describe('run health', () => {
  it('is ok while the loss falls, and for a short blip above the start', () => {
    expect(runHealth(evalsOf([0.7, 0.6, 0.5, 0.4, 0.3, 0.2]))).toEqual({ kind: 'ok' });
    expect(runHealth(evalsOf([0.7, 0.6, 5, 5, 0.5, 0.4, 0.3]))).toEqual({ kind: 'ok' });
  });

  it('is unstable when the loss stays far above its start for a sustained stretch', () => {
    const health = runHealth(evalsOf([0.7, 0.6, 30, 33, 31, 34]));
    expect(health).toMatchObject({ kind: 'unstable', loss: 34, initialLoss: 0.7 });
    expect(health.kind === 'unstable' && health.since.step).toBe(20);
  });

  it('is stuck when, after being unstable, the loss goes flat at no better than the start', () => {
    // As measured in the app: moons at lr 10, then lr 0.1; the loss wobbles round 0.7 at 50 % accuracy.
    const health = runHealth(evalsOf([0.69, 30, 33, 31, 34, 2, 0.694, 0.714, 0.703, 0.705, 0.736, 0.693, 0.737, 0.697, 0.71, 0.705]));
    expect(health).toMatchObject({ kind: 'stuck', accuracy: 0.5 });
    // The level of its latest ten evaluations, not the latest one.
    expect(health.kind === 'stuck' && health.loss).toBeCloseTo(0.7094, 10);
    // Still falling after the blow-up: not stuck yet.
    expect(runHealth(evalsOf([0.69, 30, 33, 31, 34, 1.3, 1.25, 1.2, 1.15, 1.1, 1.0, 0.95, 0.9, 0.85, 0.8, 0.75])).kind).toBe('ok');
  });

  it('stays stuck through a noisy run’s short dips, and is released only by a sustained drop', () => {
    // As measured for B = 1 after lr 10 → 0.1: stuck near 0.8, swinging between 0.58 and 1.18.
    const stuck = [0.77, 30, 33, 31, 34, 2, 0.8, 0.82, 0.79, 0.81, 0.8, 0.83, 0.78, 0.8, 0.81, 0.79];
    const dip = [0.6, 0.58, 0.59, 0.6, 0.61];
    const swing = [1.18, 0.95, 0.9, 1.0, 0.85];
    expect(runHealth(evalsOf([...stuck, ...dip])).kind).toBe('stuck');
    expect(runHealth(evalsOf([...stuck, ...dip, ...swing])).kind).toBe('stuck');
    // Learning again: ten evaluations well below the stuck level.
    expect(runHealth(evalsOf([...stuck, 0.5, 0.45, 0.42, 0.4, 0.38, 0.36, 0.35, 0.34, 0.33, 0.32])).kind).toBe('ok');
  });

  it('is damaged when the lr was lowered after the trouble began and the loss still stays far above the start', () => {
    const lowered = (step: number, lr: number, previous: number): RunEvent => ({ step, epoch: step / 10, examples: 32 * step, seconds: step / 100, label: `lr ${lr}`, change: { kind: 'lr', lr, previous } });
    // As measured in the app: moons, B = 32 at lr 10 sat near 30, then at lr 0.1 flat near 3 (78 % accuracy).
    const losses = [0.77, 0.6, 30, 33, 31, 34, 29, 3.05, 3.03, 3.02, 3.04, 3.05, 3.03, 3.02, 3.04, 3.03, 3.02, 3.04];
    const health = runHealth(evalsOf(losses), [lowered(65, 0.1, 10)]);
    expect(health).toMatchObject({ kind: 'damaged', loss: 3.04, initialLoss: 0.77, lr: 0.1, previousLr: 10 });
    expect(health.kind === 'damaged' && health.since.step).toBe(65);
    // Too soon after the lowering to tell (fewer than ten evaluations since): still unstable.
    expect(runHealth(evalsOf(losses.slice(0, 12)), [lowered(65, 0.1, 10)]).kind).toBe('unstable');
    // Raised, not lowered; or lowered before the trouble began: the lr is still the one to change.
    expect(runHealth(evalsOf(losses), [lowered(65, 10, 0.1)]).kind).toBe('unstable');
    expect(runHealth(evalsOf(losses), [lowered(5, 0.1, 10)]).kind).toBe('unstable');
    // A noisy run that dips below the line now and then still counts from its first stretch (B = 1, lr 10 then 0.1).
    const noisy = [0.77, 0.6, 30, 33, 31, 34, 5, 6.4, 1.2, 2.0, 4.1, 5.5, 3.3, 1.4, 2.6, 4.8, 6.0, 5.1];
    expect(runHealth(evalsOf(noisy), [lowered(65, 0.1, 10)]).kind).toBe('damaged');
  });

  it('is ok again when, after being unstable, the run recovers and learns', () => {
    expect(runHealth(evalsOf([0.69, 30, 33, 31, 34, 0.6, 0.5, 0.4, 0.35, 0.3, 0.25, 0.2, 0.18, 0.16, 0.14, 0.12]))).toEqual({ kind: 'ok' });
  });

  it('finds where a run first got into trouble: a sustained stretch or a non-finite loss', () => {
    expect(troubleStart(evalsOf([0.7, 30, 33, 31, 34, Number.NaN]))!.step).toBe(10);
    expect(troubleStart(evalsOf([0.7, 0.6, Number.NaN]))!.step).toBe(20);
    expect(troubleStart(evalsOf([0.7, 0.6, 0.5]))).toBeNull();
  });
});
