import type { EvalPoint, RunPosition, RunStatus } from '../runtime/protocol';
import type { RunHistory } from './metrics-history';
import { runHealth, troubleStart, type RunHealth } from './run-health';

/** What the cards and "What to look for" read of each run: its status, latest evaluation, health and first trouble. */
export interface RunReadings {
  statuses: Record<string, RunStatus>;
  latest: Record<string, EvalPoint>;
  health: Record<string, RunHealth>;
  trouble: Record<string, RunPosition>;
}

export function runReadings(runs: Iterable<[string, RunHistory]>): RunReadings {
  const readings: RunReadings = { statuses: {}, latest: {}, health: {}, trouble: {} };
  for (const [id, run] of runs) {
    readings.statuses[id] = run.status;
    const last = run.evals.at(-1);
    if (last) readings.latest[id] = last;
    readings.health[id] = runHealth(run.evals, run.events, run.status.state === 'diverged' ? (run.status.divergedAtStep ?? 0) : null);
    const start = troubleStart(run.evals);
    if (start) readings.trouble[id] = start;
  }
  return readings;
}
