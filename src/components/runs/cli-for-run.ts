import type { ShuffleMode } from '../../engine/loader';
import type { CliRun } from '../../experiment/cli-command';
import type { RunEvent } from '../../runtime/protocol';

/**
 * The CLI run that replays a run as it happened: the lr and shuffle it started with, then every mid-run change
 * after the step it landed at, up to the run's current step. A change made at that step or later (the lr lowered
 * after a run diverged) has not acted on any step yet, so the command leaves it out.
 */
export function cliRunFor(run: { batchSize: number | 'full'; lr: number; shuffle: ShuffleMode; steps: number; events: RunEvent[] }): CliRun {
  const lrChanges = run.events.flatMap((e) => (e.change.kind === 'lr' ? [{ step: e.step, lr: e.change.lr, previous: e.change.previous }] : []));
  const shuffleChanges = run.events.flatMap((e) => (e.change.kind === 'shuffle' ? [{ step: e.step, shuffle: e.change.shuffle, previous: e.change.previous }] : []));
  return {
    batchSize: run.batchSize,
    // The first change remembers what the run started with; without changes, the current value is the start.
    lr: lrChanges[0]?.previous ?? run.lr,
    shuffle: shuffleChanges[0]?.previous ?? run.shuffle,
    steps: run.steps,
    lrChanges: lrChanges.filter((c) => c.step < run.steps).map(({ step, lr }) => ({ step, lr })),
    shuffleChanges: shuffleChanges.filter((c) => c.step < run.steps).map(({ step, shuffle }) => ({ step, shuffle })),
  };
}
