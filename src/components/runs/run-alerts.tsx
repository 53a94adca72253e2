import type { RunStatus } from '../../runtime/protocol';
import type { RunHealth } from '../../store/run-health';
import { formatCount, formatNumber } from '../format';

interface RunAlertsProps {
  label: string;
  status: RunStatus | undefined;
  health: RunHealth | undefined;
  /** The name of the earlier run this one repeats exactly, if any. */
  repeats: string | null;
  onResetRun(): void;
}

/** What is wrong with a run (or odd about it), in words, with the way out. */
export function RunAlerts({ label, status, health, repeats, onResetRun }: RunAlertsProps) {
  const alerts: React.ReactNode[] = [];
  if (status?.state === 'diverged') {
    const lrThen = health?.kind === 'diverged' ? health.lr : null;
    alerts.push(
      <div key="diverged" className="run-alert" role="alert">
        <p>
          {label}’s loss became infinite or NaN at step {formatCount(status.divergedAtStep ?? 0)}
          {lrThen === null ? '' : ` (at lr ${formatNumber(lrThen)})`}: its steps overshot.{' '}
          {lrThen !== null && status.lr < lrThen
            ? `Its lr is now ${formatNumber(status.lr)}: reset it to train again from the start at that lr.`
            : 'Lower the lr (the shared one or this run’s own), then reset it.'}
        </p>
        <button type="button" onClick={onResetRun}>
          Reset this run
        </button>
      </div>,
    );
  } else if (health?.kind === 'unstable') {
    alerts.push(
      <p key="unstable" className="run-alert" role="alert">
        {label} is unstable: since step {formatCount(health.since.step)} its training loss has stayed far above where it started ({formatNumber(health.loss)} against {formatNumber(health.initialLoss)}). This lr is
        too large for it: lower it.
      </p>,
    );
  } else if (health?.kind === 'damaged') {
    alerts.push(
      <div key="damaged" className="run-alert" role="alert">
        <p>
          {label}’s lr was lowered from {formatNumber(health.previousLr)} to {formatNumber(health.lr)} at step {formatCount(health.since.step)}, yet its loss stays far above its start (
          {formatNumber(health.loss)} against {formatNumber(health.initialLoss)}). The lr may still be too large, or the big steps left its weights where small ones make little headway: reset it to
          start again at the current lr.
        </p>
        <button type="button" onClick={onResetRun}>
          Reset this run
        </button>
      </div>,
    );
  } else if (health?.kind === 'stuck') {
    alerts.push(
      <div key="stuck" className="run-alert" role="alert">
        <p>
          {label} is stuck: after blowing up, its loss has stayed flat, averaging {formatNumber(health.loss)}
          {health.accuracy === null ? '' : ` (${formatNumber(100 * health.accuracy)} % accuracy)`} over its last ten evaluations, and it is no longer learning. Its hidden units saturated, so a smaller lr cannot revive it.
        </p>
        <button type="button" onClick={onResetRun}>
          Reset this run
        </button>
      </div>,
    );
  }
  if (repeats) {
    alerts.push(
      <p key="repeat" className="run-note">
        Same experiment as {repeats} (same batch size, lr and shuffle, changed at the same steps): it takes the very same steps and is evaluated at the
        same steps, so its loss lines lie on that run’s.
      </p>,
    );
  }
  return alerts.length ? <>{alerts}</> : null;
}
