import type { StepRecord } from '../engine/trainer-types';
import type { BatchLossPoint, RunPosition } from '../runtime/protocol';

/**
 * Points one chunk contributes at most: a few below the full batch (the page smooths them anyway, and every point
 * costs a message, the history and the chart: 16 a chunk cost ~8 fps here, 2 none measurable); for the full batch every step up to
 * FULL_BATCH_POINTS, so its line equals the full training loss, and beyond that its first step alone (at the
 * evaluation before the chunk) and bins of the rest.
 */
export const MAX_POINTS_PER_CHUNK = 2;
export const FULL_BATCH_POINTS = 16;

/** Where a chunk's steps are cut into points: [0, …, count]. */
function binBounds(count: number, everyStep: boolean): number[] {
  if (everyStep && count <= FULL_BATCH_POINTS) return Array.from({ length: count + 1 }, (_, i) => i);
  // The full batch's first step stays exact: it sits where the last evaluation was taken.
  const start = everyStep ? 1 : 0;
  const bins = Math.min(count - start, everyStep ? FULL_BATCH_POINTS - 1 : MAX_POINTS_PER_CHUNK);
  const bounds = everyStep ? [0] : [];
  for (let b = 0; b <= bins; b++) bounds.push(start + Math.floor((b * (count - start)) / bins));
  return bounds;
}

/**
 * A chunk's batch losses, each placed where the run stood before its step. `before` is the position before the
 * chunk, `endSeconds` the run's compute clock after it (seconds are spread evenly over the chunk's steps).
 * Consecutive steps are averaged into at most MAX_POINTS_PER_CHUNK points (FULL_BATCH_POINTS with `everyStep`); non-finite losses
 * (the step that diverged) are left out.
 */
export function batchLossPoints(before: RunPosition, records: StepRecord[], endSeconds: number, everyStep: boolean): BatchLossPoint[] {
  const count = records.length;
  const positions: RunPosition[] = records.map((_, i) => {
    const previous = records[i - 1];
    const seconds = before.seconds + ((endSeconds - before.seconds) * i) / count;
    return previous ? { step: previous.step, epoch: previous.epoch, examples: previous.examplesSeen, seconds } : { ...before, seconds };
  });
  const bounds = binBounds(count, everyStep);
  const points: BatchLossPoint[] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const from = bounds[b]!;
    const to = bounds[b + 1]!;
    const finite = records.slice(from, to).map((r, k) => ({ loss: r.batchLoss, at: positions[from + k]! })).filter((p) => Number.isFinite(p.loss));
    if (finite.length === 0) continue;
    const mean = (value: (p: (typeof finite)[number]) => number) => finite.reduce((s, p) => s + value(p), 0) / finite.length;
    points.push({
      step: mean((p) => p.at.step),
      epoch: mean((p) => p.at.epoch),
      examples: mean((p) => p.at.examples),
      seconds: mean((p) => p.at.seconds),
      loss: mean((p) => p.loss),
      steps: finite.length,
    });
  }
  return points;
}
