import type { EvalPoint } from '../runtime/protocol';

/** A point of a run's path through (w, b). */
export interface PathPoint {
  step: number;
  w: number;
  b: number;
}

/** Points a drawn path keeps: the most recent RECENT_POINTS all, the earlier ones thinned evenly to the rest. */
export const MAX_PATH_POINTS = 600;
export const RECENT_POINTS = 200;

/** A run's path from its evaluations (those that carry two parameters), thinned for drawing; the recent part kept whole. */
export function parameterPath(evals: readonly EvalPoint[]): PathPoint[] {
  const all = evals.flatMap((e) => (e.params?.length === 2 && e.params.every(Number.isFinite) ? [{ step: e.step, w: e.params[0]!, b: e.params[1]! }] : []));
  if (all.length <= MAX_PATH_POINTS) return all;
  const early = all.slice(0, -RECENT_POINTS);
  const keep = MAX_PATH_POINTS - RECENT_POINTS;
  const thinned = Array.from({ length: keep }, (_, i) => early[Math.floor((i * early.length) / keep)]!);
  return [...thinned, ...all.slice(-RECENT_POINTS)];
}
