import { LIMITS } from '../../experiment/limits';
import type { BackendPreference, StopRule } from '../../runtime/protocol';
import { useSettingsStore } from '../../store/settings-store';
import { FieldNote, NumberInput } from './number-input';
import { readNumber } from './read-input';
import { useNumberEntry } from './use-number-entry';

/** The number after "Stop each run at": a whole count of epochs or steps, clamped with a note. */
function StopValueField({ stop, onChange }: { stop: StopRule; onChange(stop: StopRule): void }) {
  const unit = stop.unit === 'epochs' ? 'epoch' : 'step';
  const entry = useNumberEntry(stop.value, (text) => readNumber(text, LIMITS.stopAt, `${unit} to stop at`), (value) => onChange({ unit: stop.unit, value }));
  return (
    <>
      <NumberInput entry={entry} integer className="number-field" aria-label={`Stop at ${unit}`} aria-describedby={entry.note ? 'stop-note' : undefined} />
      <FieldNote id="stop-note" note={entry.note} />
    </>
  );
}

/** Linear lr scaling, automatic stopping and the compute backend. */
export function RunOptions() {
  const scaleLr = useSettingsStore((s) => s.scaleLr);
  const stopAt = useSettingsStore((s) => s.stopAt);
  const backend = useSettingsStore((s) => s.backend);
  const { setScaleLr, setStopAt, setBackend } = useSettingsStore.getState();
  return (
    <>
      <div className="field">
        <label className="toggle">
          <input type="checkbox" checked={scaleLr} onChange={(e) => setScaleLr(e.target.checked)} aria-describedby="scale-hint" />
          Scale lr with batch size
        </label>
        <p className="hint" id="scale-hint">
          Linear scaling rule: each run uses lr · B / B<sub>mini</sub>, so bigger batches take bigger steps.
        </p>
      </div>
      <div className="field">
        <label htmlFor="stop-unit">Stop each run at</label>
        <div className="slider-row wraps">
          <select
            id="stop-unit"
            aria-describedby="stop-hint"
            value={stopAt?.unit ?? 'never'}
            onChange={(e) => {
              const unit = e.target.value;
              setStopAt(unit === 'never' ? null : { unit: unit as 'epochs' | 'steps', value: stopAt?.value ?? (unit === 'epochs' ? 20 : 500) });
            }}
          >
            <option value="never">never</option>
            <option value="epochs">epoch</option>
            <option value="steps">step</option>
          </select>
          {stopAt ? <StopValueField stop={stopAt} onChange={setStopAt} /> : null}
        </div>
        <p className="hint" id="stop-hint">
          Every run halts there, so they can be compared at equal epochs or steps.
        </p>
      </div>
      <div className="field">
        <label htmlFor="backend-select">Compute backend</label>
        <select id="backend-select" value={backend} onChange={(e) => setBackend(e.target.value as BackendPreference)} aria-describedby="backend-hint">
          <option value="auto">Auto (GPU if available)</option>
          <option value="webgl">WebGL (GPU)</option>
          <option value="webgpu">WebGPU (GPU, where offered)</option>
          <option value="wasm">WASM (CPU, compiled)</option>
          <option value="cpu">CPU (JavaScript)</option>
        </select>
        <p className="hint" id="backend-hint">
          Switching restarts the runs on the chosen device.
        </p>
      </div>
    </>
  );
}
