import type { StepRecord } from '../engine/trainer-types';
import type { BatchLossPoint, RunPosition } from '../runtime/protocol';

/**
 * Points one chunk contributes at most: a few below the full batch (the page smooths them anyway, and every point
 * costs a message, the history and the chart: 16 a chunk cost ~8 fps here, 2 none measurable); for the full batch
 * every step up to FULL_BATCH_POINTS, and beyond that as many steps picked evenly, each kept exact: its batch loss is
 * the full training loss, and the chart draws its training line through these very points.
 */
export const MAX_POINTS_PER_CHUNK = 2;
export const FULL_BATCH_POINTS = 16;

/** Where a chunk's steps are cut into averaged points: [0, …, count]. */
function binBounds(count: number): number[] {
  const bins = Math.min(count, MAX_POINTS_PER_CHUNK);
  return Array.from({ length: bins + 1 }, (_, b) => Math.floor((b * count) / bins));
}

/** The full batch's kept steps: all of them, or FULL_BATCH_POINTS spread evenly from the first to the last. */
function keptSteps(count: number): number[] {
  if (count <= FULL_BATCH_POINTS) return Array.from({ length: count }, (_, i) => i);
  return Array.from({ length: FULL_BATCH_POINTS }, (_, k) => Math.round((k * (count - 1)) / (FULL_BATCH_POINTS - 1)));
}

/**
 * A chunk's batch losses, each placed where the run stood before its step. `before` is the position before the
 * chunk, `endSeconds` the run's compute clock after it (seconds are spread evenly over the chunk's steps).
 * Consecutive steps are averaged into at most MAX_POINTS_PER_CHUNK points, or (`everyStep`, the full batch) up to
 * FULL_BATCH_POINTS steps are kept as measured; non-finite losses (the step that diverged) are left out.
 */
export function batchLossPoints(before: RunPosition, records: StepRecord[], endSeconds: number, everyStep: boolean): BatchLossPoint[] {
  const count = records.length;
  const positions: RunPosition[] = records.map((_, i) => {
    const previous = records[i - 1];
    const seconds = before.seconds + ((endSeconds - before.seconds) * i) / count;
    return previous ? { step: previous.step, epoch: previous.epoch, examples: previous.examplesSeen, seconds } : { ...before, seconds };
  });
  if (everyStep) {
    return keptSteps(count)
      .filter((i) => Number.isFinite(records[i]!.batchLoss))
      .map((i) => ({ ...positions[i]!, loss: records[i]!.batchLoss, steps: 1 }));
  }
  const bounds = binBounds(count);
  const points: BatchLossPoint[] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const finite = records
      .slice(bounds[b]!, bounds[b + 1]!)
      .map((r, k) => ({ loss: r.batchLoss, at: positions[bounds[b]! + k]! }))
      .filter((p) => Number.isFinite(p.loss));
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
