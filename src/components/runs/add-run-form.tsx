import { useState } from 'react';
import { MAX_RUNS } from '../../experiment/limits';
import { useSettingsStore } from '../../store/settings-store';
import { readBatchSize } from '../controls/read-input';

/** "Add a run with batch size …": a refused or clamped size is said beside the field. */
export function AddRunForm() {
  const runCount = useSettingsStore((s) => s.runs.length);
  const addRun = useSettingsStore((s) => s.addRun);
  const n = useSettingsStore((s) => s.experiment.n);
  const [draft, setDraft] = useState('8');
  const [note, setNote] = useState<string | null>(null);
  if (runCount >= MAX_RUNS) return <p className="run-note">{MAX_RUNS} runs at most: remove an extra run to add another.</p>;
  const add = () => {
    const reading = readBatchSize(draft, n, 'no run added');
    setNote(reading.note);
    if (reading.value !== null) addRun(reading.value);
  };
  return (
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
  );
}
