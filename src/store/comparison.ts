import type { EvalPoint, RunEvent } from '../runtime/protocol';
import { xOf } from './chart-series';
import type { XAxis } from './ui-store';

/** Runs ranked by full training loss at the same point on the chosen axis. */
export interface Comparison {
  axis: XAxis;
  /** The furthest x every compared run has reached. */
  x: number;
  ranking: { id: string; loss: number }[];
}

/** A run's full training loss at x, linearly interpolated between evaluations; null outside its range. */
export function lossAt(evals: EvalPoint[], axis: XAxis, x: number): number | null {
  for (let i = 0; i < evals.length; i++) {
    const point = evals[i]!;
    const px = xOf(point, axis);
    if (px === x) return point.trainLoss;
    if (px > x) {
      if (i === 0) return null;
      const before = evals[i - 1]!;
      const bx = xOf(before, axis);
      const t = (x - bx) / (px - bx);
      return before.trainLoss + t * (point.trainLoss - before.trainLoss);
    }
  }
  return null;
}

/**
 * The repeats (repeatedRuns, from the settings) that are still the same experiment: each had the same changes at the
 * same steps as the run it repeats. A shared lr change reaches every run at its own step, and ends the likeness.
 */
export function repeatsSoFar(repeats: Readonly<Record<string, string>>, runs: ReadonlyMap<string, { events: readonly RunEvent[] }>): Record<string, string> {
  const changesOf = (id: string) => JSON.stringify((runs.get(id)?.events ?? []).map((e) => [e.step, e.change]));
  return Object.fromEntries(Object.entries(repeats).filter(([id, of]) => changesOf(id) === changesOf(of)));
}

/**
 * The runs "What to look for" ranks: the enabled ones, less any that repeat another run (the same experiment: ranking
 * the two would only rank the steps at which each happened to be evaluated).
 */
export function runsToCompare<R extends { evals: EvalPoint[] }>(runs: Iterable<[string, R]>, enabled: ReadonlySet<string>, repeats: Readonly<Record<string, string>>): { id: string; evals: EvalPoint[] }[] {
  return [...runs].filter(([id]) => enabled.has(id) && !(id in repeats)).map(([id, run]) => ({ id, evals: run.evals }));
}

/** Compares runs at the furthest x all of them have reached (needs ≥ 2 runs past their start). */
export function compareAtEqualX(runs: { id: string; evals: EvalPoint[] }[], axis: XAxis): Comparison | null {
  const candidates = runs.filter((r) => r.evals.length >= 2 && r.evals.every((e) => Number.isFinite(e.trainLoss)));
  if (candidates.length < 2) return null;
  const x = Math.min(...candidates.map((r) => xOf(r.evals[r.evals.length - 1]!, axis)));
  if (!(x > 0)) return null;
  const ranking = candidates
    .map((r) => ({ id: r.id, loss: lossAt(r.evals, axis, x) }))
    .filter((r): r is { id: string; loss: number } => r.loss !== null)
    .sort((a, b) => a.loss - b.loss);
  return ranking.length >= 2 ? { axis, x, ranking } : null;
}
