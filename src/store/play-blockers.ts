import type { RunStatus } from '../runtime/protocol';
import type { RunSetting } from './run-settings';

/**
 * Why pressing Play would train nothing, or null when some run may train: without it Play flicked to Pause and back,
 * and the user saw no reason. Only what no pending change can undo counts: no run switched on, or every one diverged
 * (a finished run may train again once its stop is raised, which the host hears of a moment later).
 */
export function whyNothingCanTrain(runs: readonly Pick<RunSetting, 'id' | 'enabled'>[], statuses: Readonly<Record<string, RunStatus>>): string | null {
  const enabled = runs.filter((r) => r.enabled);
  if (enabled.length === 0) return 'No run is switched on: tick “train” on a run card to train it.';
  if (enabled.every((r) => statuses[r.id]?.state === 'diverged')) return 'Every run has diverged, so none can train: lower the lr if needed, then press Reset, or “Reset this run” on a card.';
  return null;
}
