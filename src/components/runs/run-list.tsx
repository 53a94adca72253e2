import { useShallow } from 'zustand/react/shallow';
import { useMetricsStore } from '../../store/metrics-store';
import { useSettingsStore } from '../../store/settings-store';
import { useTraining } from '../training-context';
import { RunCard } from './run-card';

/** The run cards: they are the chart legend. */
export function RunList() {
  const runs = useSettingsStore(useShallow((s) => s.runs));
  const pinnedCount = useMetricsStore((s) => s.pinned.length);
  const training = useTraining();
  return (
    <section className="run-list" aria-label="Runs">
      {runs.map((run) => (
        <RunCard key={run.id} run={run} />
      ))}
      {pinnedCount > 0 ? (
        <button type="button" className="link-button" onClick={training.clearPins}>
          Clear {pinnedCount} pinned curve{pinnedCount > 1 ? 's' : ''}
        </button>
      ) : null}
    </section>
  );
}
