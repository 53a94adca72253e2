import type { BackendPreference } from '../../runtime/protocol';
import { useSettingsStore } from '../../store/settings-store';

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
        <div className="slider-row">
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
          {stopAt ? (
            <input
              type="number"
              className="number-field"
              aria-label={`Stop at ${stopAt.unit === 'epochs' ? 'epoch' : 'step'}`}
              min={1}
              value={stopAt.value}
              onChange={(e) => {
                const value = Math.round(Number(e.target.value));
                if (value >= 1) setStopAt({ unit: stopAt.unit, value });
              }}
            />
          ) : null}
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
