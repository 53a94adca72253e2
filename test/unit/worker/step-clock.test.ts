import { describe, expect, it } from 'vitest';
import { WARMUP_MS } from '../../../src/runtime/protocol';
import { createStepClock, isTimeable } from '../../../src/worker/step-clock';

const chunk = (steps: number, wallMs: number, readbackMs = 5, examples = steps * 32, timed = true) => ({ steps, examples, wallMs, readbackMs, timed });
const lone = (wallMs: number) => chunk(1, wallMs, 5, 32, false);

describe('step clock', () => {
  it('charges a chunk its own work: the readback round trip is subtracted', () => {
    const clock = createStepClock();
    expect(clock.record(chunk(10, 45))).toBeCloseTo(40, 10);
    // A figure needs three blocks: one or two are no median.
    expect(clock.rates().msPerStep).toBeNull();
    clock.record(chunk(10, 45));
    clock.record(chunk(10, 45));
    expect(clock.rates().msPerStep).toBeCloseTo(4, 10);
    expect(clock.rates().stepsPerSecond).toBeCloseTo(250, 10);
    expect(clock.rates().examplesPerSecond).toBeCloseTo(8000, 10);
    expect(clock.rates().timingSource).toBe('warming');
  });

  it('never times a lone slow-motion step, nor a block the readback outweighs', () => {
    expect(isTimeable(lone(30))).toBe(false);
    expect(isTimeable(lone(400))).toBe(false);
    expect(isTimeable(chunk(8, 9))).toBe(false);
    expect(isTimeable(chunk(8, 40))).toBe(true);
    // A slow step run as a block (B = N on a large set, one step per chunk) is timed.
    expect(isTimeable(chunk(1, 400))).toBe(true);
    // The coarse worker clock cannot time sub-2 ms blocks.
    expect(isTimeable(chunk(8, 1.5, 0))).toBe(false);
  });

  it('shows no time per step until a block could be timed, then carries it over untimeable steps', () => {
    const clock = createStepClock();
    clock.record(lone(30));
    expect(clock.rates()).toEqual({ msPerStep: null, stepsPerSecond: null, examplesPerSecond: null, timingSource: null });
    for (let i = 0; i < 3; i++) clock.record(chunk(10, 45));
    // A slow-motion step is charged at the measured cost, not at its 30 ms of waiting.
    expect(clock.record(lone(30))).toBeCloseTo(4, 10);
    expect(clock.rates().msPerStep).toBeCloseTo(4, 10);
    expect(clock.rates().timingSource).toBe('earlier');
  });

  it('marks its figure as warming up until a block is timed WARMUP_MS after its first, then as live', () => {
    let now = 1000;
    const clock = createStepClock(() => now);
    for (let i = 0; i < 3; i++) clock.record(chunk(10, 45));
    expect(clock.rates().timingSource).toBe('warming');
    // A run that stopped during its warm-up (paused, diverged) keeps a warm-up figure however long it stands.
    now += 6 * WARMUP_MS;
    expect(clock.rates().timingSource).toBe('warming');
    clock.record(chunk(10, 45));
    expect(clock.rates()).toMatchObject({ timingSource: 'live' });
    expect(clock.rates().msPerStep).toBeCloseTo(4, 10);
  });

  it('takes the median of recent blocks, so one stalled block does not move the figure', () => {
    const clock = createStepClock();
    for (const wall of [45, 45, 500, 45, 45]) clock.record(chunk(10, wall));
    expect(clock.rates().msPerStep).toBeCloseTo(4, 10);
  });

  it('reads the quieter blocks: the page’s drawing slowing 6 of 10 blocks does not move the figure', () => {
    const clock = createStepClock();
    // 4 blocks at 4 ms/step, 6 slowed by contention to 8–12 ms/step (their median would read 8.5).
    for (const wall of [45, 85, 105, 45, 125, 95, 45, 85, 115, 45]) clock.record(chunk(10, wall));
    expect(clock.rates().msPerStep).toBeCloseTo(4, 10);
    // Once nearly every block is slow, the figure follows: a run that became slower is not hidden.
    for (let i = 0; i < 12; i++) clock.record(chunk(10, 85));
    expect(clock.rates().msPerStep).toBeCloseTo(8, 10);
  });

  it('counts partial batches in examples per second', () => {
    const clock = createStepClock();
    for (let i = 0; i < 3; i++) clock.record(chunk(4, 45, 5, 100));
    expect(clock.rates().examplesPerSecond).toBeCloseTo((1000 * 25) / 10, 10);
  });
});
