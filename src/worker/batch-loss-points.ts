import type { StepRecord } from '../engine/trainer-types';
import type { BatchLossPoint, RunPosition } from '../runtime/protocol';

/** Points one chunk contributes at most (a full batch keeps every step: its points must equal the full loss). */
export const MAX_POINTS_PER_CHUNK = 16;

/**
 * A chunk's batch losses, each placed where the run stood before its step. `before` is the position before the
 * chunk, `endSeconds` the run's compute clock after it (seconds are spread evenly over the chunk's steps).
 * Consecutive steps are averaged into at most MAX_POINTS_PER_CHUNK points unless `everyStep`; non-finite losses
 * (the step that diverged) are left out.
 */
export function batchLossPoints(before: RunPosition, records: StepRecord[], endSeconds: number, everyStep: boolean): BatchLossPoint[] {
  const count = records.length;
  const positions: RunPosition[] = records.map((_, i) => {
    const previous = records[i - 1];
    const seconds = before.seconds + ((endSeconds - before.seconds) * i) / count;
    return previous ? { step: previous.step, epoch: previous.epoch, examples: previous.examplesSeen, seconds } : { ...before, seconds };
  });
  const bins = everyStep ? count : Math.min(count, MAX_POINTS_PER_CHUNK);
  const points: BatchLossPoint[] = [];
  for (let b = 0; b < bins; b++) {
    const from = Math.floor((b * count) / bins);
    const to = Math.floor(((b + 1) * count) / bins);
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
