import type { EvalPoint, RunEvent, RunPosition } from '../runtime/protocol';

/**
 * How a run is faring, read from its full-set evaluations:
 * - `unstable`: its training loss has stayed far above where it started for a sustained stretch (the lr is too
 *   large for it, though nothing is infinite yet);
 * - `stuck`: after being unstable it went flat at no better than its starting loss: its units saturated and it
 *   no longer learns, whatever the lr now;
 * - `damaged`: its lr was lowered after the trouble began, yet the loss still stays far above the start: telling the
 *   user to lower the lr again would be no help, a reset is;
 * - `diverged`: its loss became infinite or NaN at `atStep`, under the lr `lr` (null: the lr it has now).
 */
export type RunHealth =
  | { kind: 'ok' }
  | { kind: 'unstable'; since: RunPosition; loss: number; initialLoss: number }
  | { kind: 'damaged'; since: RunPosition; loss: number; initialLoss: number; lr: number; previousLr: number }
  /** `loss` and `accuracy`: their means over the latest evaluations, the level the run is stuck at. */
  | { kind: 'stuck'; since: RunPosition; loss: number; accuracy: number | null }
  | { kind: 'diverged'; atStep: number; lr: number | null };

/** Training loss above this multiple of the starting loss counts as blown up. */
export const UNSTABLE_FACTOR = 2;
/** Consecutive evaluations (about 0.3 s apart while training) that make a stretch sustained. */
export const SUSTAINED_EVALS = 4;
/** Evaluations (about 3 s of training), and how little the mean of their halves may differ, that make a run flat. */
const FLAT_EVALS = 10;
const FLAT_TREND = 0.05;
/** Evaluations after the lr was lowered (about 3 s of training) before a run that is still unstable counts as damaged. */
const AFTER_LOWERING_EVALS = 10;
/** A stuck run counts as learning again once its loss falls below this share of the level it was stuck at. */
const STUCK_PROGRESS = 0.8;

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

const average = (values: EvalPoint[]) => values.reduce((s, e) => s + e.trainLoss, 0) / values.length;

/**
 * Where, after the blow-up at `from`, the loss went flat at no better than the start and has made no real progress
 * since (the mean of the latest evaluations stays above STUCK_PROGRESS × that level), or null. Holding on once flat keeps the state
 * from flickering while a stuck run's loss wobbles.
 */
function stuckSince(evals: EvalPoint[], from: number, initialLoss: number): EvalPoint | null {
  let since: { at: number; level: number } | null = null;
  for (let end = from + FLAT_EVALS; end <= evals.length; end++) {
    // Over a whole flat window, not half of one: a noisy stuck run (B = 1 swinging 0.58–1.18) dips for a few
    // evaluations now and then, and released on each dip its state flickered between stuck and running.
    const lately = average(evals.slice(end - FLAT_EVALS, end));
    if (since && lately < STUCK_PROGRESS * since.level) since = null;
    if (since) continue;
    const window = evals.slice(end - FLAT_EVALS, end);
    const mean = average(window);
    // Noisy but going nowhere: the older and newer halves of the window sit at the same level.
    const trend = Math.abs(average(window.slice(0, FLAT_EVALS / 2)) - average(window.slice(FLAT_EVALS / 2)));
    const calm = window.every((e) => e.trainLoss <= UNSTABLE_FACTOR * initialLoss);
    if (end - FLAT_EVALS > from && calm && trend <= FLAT_TREND * mean && mean >= 0.9 * initialLoss) since = { at: end - FLAT_EVALS, level: mean };
  }
  return since ? evals[since.at]! : null;
}

/** The latest lr change that lowered the lr at or after `step`, followed by at least AFTER_LOWERING_EVALS evaluations. */
function settledLowering(events: readonly RunEvent[], evals: EvalPoint[], step: number): (RunEvent & { change: { kind: 'lr' } }) | null {
  const lowerings = events.filter((e): e is RunEvent & { change: { kind: 'lr' } } => e.change.kind === 'lr' && e.change.lr < e.change.previous && e.step >= step);
  const latest = lowerings.at(-1);
  if (!latest) return null;
  return evals.filter((e) => e.step > latest.step).length >= AFTER_LOWERING_EVALS ? latest : null;
}

/**
 * The lr a run diverged under: a diverged run trains no further, so the first lr change at or after the step it
 * diverged at came later, and its `previous` is that lr; null when the lr has not changed since.
 */
function lrAtDivergence(events: readonly RunEvent[], step: number): number | null {
  const later = events.find((e): e is RunEvent & { change: { kind: 'lr' } } => e.change.kind === 'lr' && e.step >= step);
  return later ? later.change.previous : null;
}

/**
 * How a run is faring from its evaluations and its mid-run changes (`events`: lr changes tell unstable from damaged);
 * `divergedAtStep`: the run diverged there.
 */
export function runHealth(evals: EvalPoint[], events: readonly RunEvent[] = [], divergedAtStep: number | null = null): RunHealth {
  if (divergedAtStep !== null) return { kind: 'diverged', atStep: divergedAtStep, lr: lrAtDivergence(events, divergedAtStep) };
  const finite = evals.filter((e) => Number.isFinite(e.trainLoss));
  const initial = finite[0];
  if (!initial || finite.length < SUSTAINED_EVALS + 1) return { kind: 'ok' };
  const threshold = UNSTABLE_FACTOR * initial.trainLoss;
  const { first, current } = unstableStretches(finite, threshold);
  const last = finite[finite.length - 1]!;
  if (current) {
    // Lowered since the trouble began (the first stretch: a noisy run dips below the line now and then) and still high.
    const lowering = settledLowering(events, finite, first!.step);
    if (lowering) return { kind: 'damaged', since: lowering, loss: last.trainLoss, initialLoss: initial.trainLoss, lr: lowering.change.lr, previousLr: lowering.change.previous };
    return { kind: 'unstable', since: current, loss: last.trainLoss, initialLoss: initial.trainLoss };
  }
  if (!first) return { kind: 'ok' };
  const stuck = stuckSince(finite, finite.indexOf(first), initial.trainLoss);
  if (stuck) {
    // The level it sits at, not its latest wobble.
    const recent = finite.slice(-FLAT_EVALS);
    const accuracies = recent.flatMap((e) => (e.accuracy === null ? [] : [e.accuracy]));
    return { kind: 'stuck', since: stuck, loss: average(recent), accuracy: accuracies.length ? accuracies.reduce((s, a) => s + a, 0) / accuracies.length : null };
  }
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
