import { useShallow } from 'zustand/react/shallow';
import { runLabels } from '../../store/run-settings';
import { useSettingsStore } from '../../store/settings-store';
import { useUiStore } from '../../store/ui-store';

/** The run whose gradients the analysis views take apart: the one chosen, else the mini-batch run, else the first. */
export function useAnalysedRun() {
  const runs = useSettingsStore(useShallow((s) => s.runs));
  const n = useSettingsStore((s) => s.experiment.n);
  const chosen = useUiStore((s) => s.analysisRunId);
  const run = runs.find((r) => r.id === chosen) ?? runs.find((r) => r.id === 'mini') ?? runs[0] ?? null;
  return { run, runs, labels: runLabels(runs, n), n };
}

/** "[label] [run]": picks the run the analysis views (and the DataLoader view) look at. */
export function AnalysedRunSelect({ label }: { label: string }) {
  const { run, runs, labels } = useAnalysedRun();
  const setRun = useUiStore((s) => s.setAnalysisRun);
  return (
    <label className="inline-field">
      <span>{label}</span>
      <select value={run?.id ?? ''} onChange={(e) => setRun(e.target.value)}>
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            {labels[r.id]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "At the weights of [run]" with a Refresh button and what the numbers are. */
export function AnalysisRunPicker({ busy, onRefresh, status }: { busy: boolean; onRefresh(): void; status: string }) {
  return (
    <div className="panel-head">
      <AnalysedRunSelect label="At the weights of" />
      <button type="button" onClick={onRefresh} disabled={busy}>
        {busy ? 'Measuring…' : 'Measure now'}
      </button>
      <p className="panel-note analysis-status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
