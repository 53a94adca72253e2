import type { ShuffleMode } from '../../engine/loader';
import { parseBatchSize } from '../../experiment/limits';
import type { RunSetting } from '../../store/run-settings';
import { useSettingsStore } from '../../store/settings-store';
import { useDraft } from '../controls/use-draft';

/** A run's own batch size, lr override and shuffle override. */
export function RunSettingsRow({ run, label }: { run: RunSetting; label: string }) {
  const { setRunBatch, setRunLr, setRunShuffle } = useSettingsStore.getState();
  const [batchDraft, setBatchDraft, clearBatchDraft] = useDraft(run.batchSize, String);
  const [lrDraft, setLrDraft, clearLrDraft] = useDraft(run.lrOverride, (lr) => (lr === null ? '' : String(lr)));
  const commitBatch = () => {
    const parsed = parseBatchSize(batchDraft);
    clearBatchDraft();
    if (parsed !== null && parsed !== 0 && parsed !== run.batchSize) setRunBatch(run.id, parsed);
  };
  const commitLr = () => {
    const value = Number(lrDraft);
    clearLrDraft();
    if (lrDraft.trim() === '') {
      if (run.lrOverride !== null) setRunLr(run.id, null);
    } else if (Number.isFinite(value) && value > 0) {
      setRunLr(run.id, value);
    }
  };
  return (
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
  );
}
