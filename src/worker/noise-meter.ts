import { estimateSettled, expectedBatchErrorSq, relativeError } from '../engine/noise';
import type { NoiseStats } from '../engine/trainer';
import type { NoisePoint, RunPosition } from '../runtime/protocol';

/**
 * A run trains at least this many times as long as its recent noise measurements took before the next: measuring
 * stays under 20 % of its training time even when one measurement runs longer than the one before.
 */
export const NOISE_SPACING = 6;
/**
 * And all its paced measurements together take at most this share of its training time, counting the next at
 * NOISE_ESTIMATE_MARGIN times what the last took: the share stays under the 20 % the page promises from the first
 * measurement on, even where one measurement (a full gradient over a large N) takes longer than all the training
 * before it, and one runs three times as long as the last on a busy 2-core machine.
 */
export const NOISE_BUDGET = 0.1;
/** The next measurement is counted at this multiple of what one took: single timings on a busy device vary. */
export const NOISE_ESTIMATE_MARGIN = 1.5;
/** No paced measurement before a run has trained this long (ms): over a few ms of training any measurement is a large share. */
export const NOISE_MIN_TRAINING_MS = 250;

/** Where a run stands against its noise schedule. */
export interface NoiseClock {
  newSteps: boolean;
  msSinceLast: number;
  trainMsSinceLast: number;
  /** What a measurement takes now (ms). */
  lastMs: number;
  /** Paced measurements' time and training time so far (ms). */
  spentMs: number;
  trainedMs: number;
}

/**
 * A measurement is due after new steps, once `everyMs` passed, the run trained NOISE_SPACING × the last one's
 * duration, and one more keeps the run within NOISE_BUDGET; `always` (slow motion, a pause) skips the pacing.
 */
export function noiseIsDue(clock: NoiseClock, everyMs: number, always: boolean): boolean {
  if (!clock.newSteps) return false;
  if (always) return true;
  return (
    clock.msSinceLast >= everyMs &&
    clock.trainedMs >= NOISE_MIN_TRAINING_MS &&
    clock.trainMsSinceLast >= NOISE_SPACING * clock.lastMs &&
    clock.spentMs + NOISE_ESTIMATE_MARGIN * clock.lastMs <= NOISE_BUDGET * clock.trainedMs
  );
}

/**
 * Why a run measures: the `initial` one at step 0 (compiling its shaders), a `paced` one while it trains, or an
 * `extra` one between single steps or at a pause, where it takes no time from training. Only paced ones count in
 * the share.
 */
export type NoiseOccasion = 'initial' | 'paced' | 'extra';

/** The point a run's noise history keeps for one measurement of the engine. */
export function noisePoint(at: RunPosition, stats: NoiseStats, n: number): NoisePoint {
  return {
    ...at,
    batchSize: stats.batchSize,
    cosine: stats.cosine,
    relativeError: relativeError(stats.batchErrorSq, stats.gradNormSq),
    expectedRelativeError: relativeError(expectedBatchErrorSq(stats.traceSigma, n, stats.batchSize), stats.gradNormSq),
    singleRelativeError: relativeError(stats.traceSigma, stats.gradNormSq),
    bSimple: stats.bSimple,
    estimate: stats.estimate ? { bSimple: stats.estimate.bSimple, samples: stats.estimate.samples, settled: estimateSettled(stats.estimate) } : null,
  };
}

/**
 * The quickest initial measurement of the runs on one dataset: they all take per-example gradients over the same N
 * rows, but the first run's also compiles the shaders, so the quickest is what a measurement costs warm.
 */
export interface NoiseCostBook {
  record(ms: number): void;
  quickest(): number | null;
}

export function createNoiseCostBook(): NoiseCostBook {
  let quickest: number | null = null;
  return {
    record(ms) {
      quickest = quickest === null ? ms : Math.min(quickest, ms);
    },
    quickest: () => quickest,
  };
}

/** A run's wall time spent training and measuring noise, and when it last measured. */
export interface NoiseMeter {
  /** Wall time of a block of training steps. */
  trained(ms: number): void;
  /** A measurement at `step` took `ms`. */
  measured(step: number, ms: number, at: number, occasion: NoiseOccasion): void;
  due(now: number, step: number, ok: boolean, everyMs: number, always: boolean): boolean;
  /** Paced measuring's wall time over training's (null until both happened). */
  share(): number | null;
}

export function createNoiseMeter(costs: NoiseCostBook = createNoiseCostBook()): NoiseMeter {
  let trainMs = 0;
  let noiseMs = 0;
  let trainMsSince = 0;
  let lastAt = Number.NEGATIVE_INFINITY;
  let lastStep = -1;
  // The last two measurements' durations: the spacing follows their mean, so one slow one (a GC) stalls it only a
  // little. Until a paced one is timed, the quickest initial one on this dataset stands in.
  let recent: number[] = [];
  return {
    trained(ms) {
      trainMs += ms;
      trainMsSince += ms;
    },
    measured(step, ms, at, occasion) {
      lastAt = at;
      lastStep = step;
      trainMsSince = 0;
      if (occasion === 'initial') costs.record(ms);
      if (occasion !== 'paced') return;
      noiseMs += ms;
      recent = [...recent, ms].slice(-2);
    },
    due(now, step, ok, everyMs, always) {
      const lastMs = recent.length ? recent.reduce((s, v) => s + v, 0) / recent.length : (costs.quickest() ?? 0);
      return noiseIsDue({ newSteps: ok && step !== lastStep, msSinceLast: now - lastAt, trainMsSinceLast: trainMsSince, lastMs, spentMs: noiseMs, trainedMs: trainMs }, everyMs, always);
    },
    share: () => (trainMs > 0 && noiseMs > 0 ? noiseMs / trainMs : null),
  };
}
