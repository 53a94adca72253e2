import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_RUNS } from '../../experiment/limits';
import { readBatchSize } from '../controls/read-input';
import { useMetricsStore } from '../../store/metrics-store';
import { useSettingsStore } from '../../store/settings-store';
import { useTraining } from '../training-context';
import { RunCard } from './run-card';

/** The run cards (they are the chart legend) and the "add run" form. */
export function RunList() {
  const runs = useSettingsStore(useShallow((s) => s.runs));
  const pinnedCount = useMetricsStore((s) => s.pinned.length);
  const training = useTraining();
  const addRun = useSettingsStore((s) => s.addRun);
  const n = useSettingsStore((s) => s.experiment.n);
  const [draft, setDraft] = useState('8');
  const [note, setNote] = useState<string | null>(null);
  const add = () => {
    const reading = readBatchSize(draft, n, 'no run added');
    setNote(reading.note);
    if (reading.value !== null) addRun(reading.value);
  };
  return (
    <section className="run-list" aria-label="Runs">
      {runs.map((run) => (
        <RunCard key={run.id} run={run} />
      ))}
      {runs.length < MAX_RUNS ? (
        <form
          className="add-run"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <label>
            <span>Add a run with batch size</span>
            <input type="text" inputMode="numeric" value={draft} onChange={(e) => setDraft(e.target.value)} aria-label="Batch size of the new run" />
          </label>
          <button type="submit">+ Add run</button>
          {note ? (
            <p className="field-note" role="status">
              {note}
            </p>
          ) : null}
        </form>
      ) : null}
      {pinnedCount > 0 ? (
        <button type="button" className="link-button" onClick={training.clearPins}>
          Clear {pinnedCount} pinned curve{pinnedCount > 1 ? 's' : ''}
        </button>
      ) : null}
    </section>
  );
}
