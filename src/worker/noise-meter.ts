import { estimateSettled, expectedBatchErrorSq, relativeError } from '../engine/noise';
import type { NoiseStats } from '../engine/trainer';
import type { NoisePoint, RunPosition } from '../runtime/protocol';

/**
 * A run trains at least this many times as long as its recent noise measurements took before the next: measuring
 * stays under 20 % of its training time even when one measurement runs longer than the one before.
 */
export const NOISE_SPACING = 6;

/** Where a run stands against its noise schedule. */
export interface NoiseClock {
  newSteps: boolean;
  msSinceLast: number;
  trainMsSinceLast: number;
  /** What a measurement takes now (ms). */
  lastMs: number;
}

/** A measurement is due after new steps, once `everyMs` passed and the run trained NOISE_SPACING × the last one's duration. */
export function noiseIsDue(clock: NoiseClock, everyMs: number, always: boolean): boolean {
  if (!clock.newSteps) return false;
  return always || (clock.msSinceLast >= everyMs && clock.trainMsSinceLast >= NOISE_SPACING * clock.lastMs);
}

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

/** A run's wall time spent training and measuring noise, and when it last measured. */
export interface NoiseMeter {
  /** Wall time of a block of training steps. */
  trained(ms: number): void;
  /** A measurement at `step` took `ms`; an `initial` one (compiling its shaders) counts neither in the share nor the spacing. */
  measured(step: number, ms: number, at: number, initial: boolean): void;
  due(now: number, step: number, ok: boolean, everyMs: number, always: boolean): boolean;
  /** Measuring's wall time over training's (null until both happened). */
  share(): number | null;
}

export function createNoiseMeter(): NoiseMeter {
  let trainMs = 0;
  let noiseMs = 0;
  let trainMsSince = 0;
  let lastAt = Number.NEGATIVE_INFINITY;
  let lastStep = -1;
  // The last two measurements' durations: the spacing follows their mean, so one slow one (a GC) stalls it only a little.
  let recent: number[] = [];
  return {
    trained(ms) {
      trainMs += ms;
      trainMsSince += ms;
    },
    measured(step, ms, at, initial) {
      lastAt = at;
      lastStep = step;
      trainMsSince = 0;
      if (initial) return;
      noiseMs += ms;
      recent = [...recent, ms].slice(-2);
    },
    due(now, step, ok, everyMs, always) {
      const lastMs = recent.length ? recent.reduce((s, v) => s + v, 0) / recent.length : 0;
      return noiseIsDue({ newSteps: ok && step !== lastStep, msSinceLast: now - lastAt, trainMsSinceLast: trainMsSince, lastMs }, everyMs, always);
    },
    share: () => (trainMs > 0 && noiseMs > 0 ? noiseMs / trainMs : null),
  };
}
