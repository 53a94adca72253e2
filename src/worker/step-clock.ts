import { quantile } from 'd3-array';
import { WARMUP_MS, type TimingSource } from '../runtime/protocol';

/** One timed chunk: `steps` SGD steps over `examples` examples took `wallMs` from dispatch to readback. */
export interface ChunkTiming {
  steps: number;
  examples: number;
  wallMs: number;
  /** The backend's current readback round trip (ms), measured on an idle queue. */
  readbackMs: number;
  /** Whether the steps ran back to back as a block worth timing (false for single slow-motion steps). */
  timed: boolean;
}

/** A run's speed as shown: one window of timed blocks for all three numbers, so they always agree. */
export interface StepRates {
  msPerStep: number | null;
  stepsPerSecond: number | null;
  examplesPerSecond: number | null;
  timingSource: TimingSource;
}

// A block is timed when the device was kept busy with its steps back to back (full speed and steady, never a
// lone slow-motion step: measured on WebGL, one step alone costs 3–4× a step in a block, waking an idle device
// and waiting behind the page's drawing on a shared GPU), when its work is at least the readback it ends with,
// and when it lasts long enough for the worker's coarse clock (0.1 ms without cross-origin isolation).
const MIN_WORK_MS = 2;
// The latest blocks, read at their lower quartile: on a shared machine the page's drawing, the compositor and the
// other runs only ever add time to a block, so the quieter blocks are the run's own work (measured on a 2-core
// machine: the median moved up to +77 % between Full speed, Steady and a run alone; the lower quartile mostly
// stayed within ±25 %).
const WINDOW_BLOCKS = 15;
const QUANTILE = 0.25;
// One or two blocks are no sample: the first after Play still pay for warming up.
const MIN_BLOCKS_SHOWN = 3;
/** Steps a timed block takes, unless its steps are so slow that fewer fill MAX_CHUNK_MS. */
export const MIN_TIMED_STEPS = 8;

/** Whether a chunk's own work can be told apart from its readback round trip. */
export function isTimeable(chunk: ChunkTiming): boolean {
  const work = chunk.wallMs - chunk.readbackMs;
  return chunk.timed && work >= MIN_WORK_MS && work >= chunk.readbackMs;
}

const typicalMs = (blocks: readonly { msPerStep: number }[]): number => quantile(blocks, QUANTILE, (b) => b.msPerStep)!;

/**
 * A run's compute clock. Each chunk is charged its own work only: the readback round trip is subtracted, and
 * chunks too short to time (a single slow-motion step) are charged at the run's measured cost per step.
 */
export interface StepClock {
  /** Records a chunk; returns the compute milliseconds charged to the run for it. */
  record(chunk: ChunkTiming): number;
  rates(): StepRates;
}

export function createStepClock(now: () => number = () => performance.now()): StepClock {
  const blocks: { msPerStep: number; examplesPerStep: number }[] = [];
  // When the first and the latest timed blocks were recorded: a figure from blocks all within WARMUP_MS of the first
  // is a warm-up figure, and stays one while the run stands still (paused, diverged).
  let firstTimedAt: number | null = null;
  let lastTimedAt = 0;
  // Whether the latest steps ran as single untimed steps (the figure then comes from earlier blocks).
  let lastUntimed = false;
  return {
    record(chunk) {
      const work = Math.max(0, chunk.wallMs - chunk.readbackMs);
      lastUntimed = !chunk.timed;
      if (isTimeable(chunk)) {
        lastTimedAt = now();
        firstTimedAt ??= lastTimedAt;
        blocks.push({ msPerStep: work / chunk.steps, examplesPerStep: chunk.examples / chunk.steps });
        if (blocks.length > WINDOW_BLOCKS) blocks.shift();
      }
      // Charge the typical measured cost, so neither a stall nor a readback wait moves the run's clock.
      if (blocks.length === 0) return work;
      return chunk.steps * typicalMs(blocks);
    },
    rates() {
      if (blocks.length < MIN_BLOCKS_SHOWN) return { msPerStep: null, stepsPerSecond: null, examplesPerSecond: null, timingSource: null };
      const msPerStep = typicalMs(blocks);
      const examplesPerStep = blocks.reduce((s, b) => s + b.examplesPerStep, 0) / blocks.length;
      return {
        msPerStep,
        stepsPerSecond: 1000 / msPerStep,
        examplesPerSecond: (1000 * examplesPerStep) / msPerStep,
        timingSource: lastUntimed ? 'earlier' : lastTimedAt - firstTimedAt! < WARMUP_MS ? 'warming' : 'live',
      };
    },
  };
}
