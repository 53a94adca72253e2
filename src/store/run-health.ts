import type { EvalPoint, RunPosition } from '../runtime/protocol';

/**
 * How a run is faring, read from its full-set evaluations:
 * - `unstable`: its training loss has stayed far above where it started for a sustained stretch (the lr is too
 *   large for it, though nothing is infinite yet);
 * - `stuck`: after being unstable it went flat at no better than its starting loss: its units saturated and it
 *   no longer learns, whatever the lr now.
 */
export type RunHealth =
  | { kind: 'ok' }
  | { kind: 'unstable'; since: RunPosition; loss: number; initialLoss: number }
  | { kind: 'stuck'; since: RunPosition; loss: number; accuracy: number | null };

/** Training loss above this multiple of the starting loss counts as blown up. */
export const UNSTABLE_FACTOR = 2;
/** Consecutive evaluations (about 0.3 s apart while training) that make a stretch sustained. */
export const SUSTAINED_EVALS = 4;
/** Evaluations, and the relative spread of their losses, that make a run flat. */
const FLAT_EVALS = 6;
const FLAT_SPREAD = 0.01;

/** The first evaluation of the latest sustained stretch above UNSTABLE_FACTOR × the start, or of any earlier one. */
function unstableStretches(evals: EvalPoint[], threshold: number): { first: EvalPoint | null; current: EvalPoint | null } {
  let first: EvalPoint | null = null;
  let runStart = -1;
  for (let i = 0; i < evals.length; i++) {
    if (evals[i]!.trainLoss > threshold) {
      if (runStart < 0) runStart = i;
      if (i - runStart + 1 >= SUSTAINED_EVALS && !first) first = evals[runStart]!;
    } else runStart = -1;
  }
  const current = runStart >= 0 && evals.length - runStart >= SUSTAINED_EVALS ? evals[runStart]! : null;
  return { first, current };
}

export function runHealth(evals: EvalPoint[]): RunHealth {
  const finite = evals.filter((e) => Number.isFinite(e.trainLoss));
  const initial = finite[0];
  if (!initial || finite.length < SUSTAINED_EVALS + 1) return { kind: 'ok' };
  const threshold = UNSTABLE_FACTOR * initial.trainLoss;
  const { first, current } = unstableStretches(finite, threshold);
  const last = finite[finite.length - 1]!;
  if (current) return { kind: 'unstable', since: current, loss: last.trainLoss, initialLoss: initial.trainLoss };
  if (!first) return { kind: 'ok' };
  const recent = finite.slice(-FLAT_EVALS);
  const losses = recent.map((e) => e.trainLoss);
  const mean = losses.reduce((s, v) => s + v, 0) / losses.length;
  const flat = recent.length === FLAT_EVALS && recent[0]!.step > first.step && (Math.max(...losses) - Math.min(...losses)) / mean < FLAT_SPREAD;
  if (flat && mean >= 0.9 * initial.trainLoss) return { kind: 'stuck', since: recent[0]!, loss: last.trainLoss, accuracy: last.accuracy };
  return { kind: 'ok' };
}

/** Where a run first got into trouble (a sustained unstable stretch, or divergence), for "who failed first". */
export function troubleStart(evals: EvalPoint[]): RunPosition | null {
  const finite = evals.filter((e) => Number.isFinite(e.trainLoss));
  const initial = finite[0];
  const stretch = initial ? unstableStretches(finite, UNSTABLE_FACTOR * initial.trainLoss).first : null;
  const diverged = evals.find((e) => !Number.isFinite(e.trainLoss)) ?? null;
  if (stretch && diverged) return stretch.step <= diverged.step ? stretch : diverged;
  return stretch ?? diverged;
}
