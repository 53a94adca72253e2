import { useState } from 'react';
import type { ShuffleMode } from '../../engine/loader';
import type { RunSetting } from '../../store/run-settings';
import { useSettingsStore } from '../../store/settings-store';
import { readBatchSize, readRunLr } from '../controls/read-input';
import { useDraft } from '../controls/use-draft';

/** A run's own batch size, lr override and shuffle override. */
export function RunSettingsRow({ run, label, id }: { run: RunSetting; label: string; id: string }) {
  const { setRunBatch, setRunLr, setRunShuffle } = useSettingsStore.getState();
  const n = useSettingsStore((s) => s.experiment.n);
  const [batchDraft, setBatchDraft, clearBatchDraft] = useDraft(run.batchSize, String);
  const [lrDraft, setLrDraft, clearLrDraft] = useDraft(run.lrOverride, (lr) => (lr === null ? '' : String(lr)));
  // What became of the last typed value, said beside the fields.
  const [note, setNote] = useState<string | null>(null);
  const commitBatch = () => {
    if (batchDraft === String(run.batchSize)) return;
    const reading = readBatchSize(batchDraft, n);
    clearBatchDraft();
    setNote(reading.note);
    if (reading.value !== null && reading.value !== run.batchSize) setRunBatch(run.id, reading.value);
  };
  const commitLr = () => {
    if (lrDraft === (run.lrOverride === null ? '' : String(run.lrOverride))) return;
    const reading = readRunLr(lrDraft);
    clearLrDraft();
    setNote(reading.note);
    if (lrDraft.trim() === '' || reading.value !== null) setRunLr(run.id, reading.value);
  };
  return (
    <div id={id}>
      <div className="run-settings">
        <label>
          <span>batch</span>
          <input
            type="text"
            inputMode="numeric"
            value={batchDraft}
            aria-label={`${label}: batch size (a number or full)`}
            onChange={(e) => setBatchDraft(e.target.value)}
            onBlur={commitBatch}
            onKeyDown={(e) => e.key === 'Enter' && commitBatch()}
          />
        </label>
        <label>
          <span>lr</span>
          <input
            type="text"
            inputMode="decimal"
            placeholder="shared"
            value={lrDraft}
            aria-label={`${label}: own learning rate (empty = shared)`}
            onChange={(e) => setLrDraft(e.target.value)}
            onBlur={commitLr}
            onKeyDown={(e) => e.key === 'Enter' && commitLr()}
          />
        </label>
        <label>
          <span>shuffle</span>
          <select
            value={run.shuffleOverride ?? 'shared'}
            aria-label={`${label}: shuffle`}
            onChange={(e) => setRunShuffle(run.id, e.target.value === 'shared' ? null : (e.target.value as ShuffleMode))}
          >
            <option value="shared">shared</option>
            <option value="on">every epoch</option>
            <option value="once">once</option>
            <option value="off">off</option>
          </select>
        </label>
      </div>
      {note ? (
        <p className="field-note" role="status">
          {note}
        </p>
      ) : null}
    </div>
  );
}
