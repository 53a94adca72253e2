import { useState } from 'react';
import { useDraft } from './use-draft';
import type { Activation } from '../../engine/models';
import type { ModelKind } from '../../experiment/config';
import { ACTIVATIONS, LIMITS, MAX_HIDDEN_LAYERS, parseHidden } from '../../experiment/limits';
import { useSettingsStore } from '../../store/settings-store';

/** Model kind (linear only for `line`), MLP hidden sizes and activation. Changing the model restarts every run. */
export function ModelControls() {
  const { dataset, model, hidden, activation } = useSettingsStore((s) => s.experiment);
  const setExperiment = useSettingsStore((s) => s.setExperiment);
  const [draft, setDraft, clearDraft] = useDraft(hidden, (h) => h.join(','));
  const [invalid, setInvalid] = useState(false);
  const commitHidden = () => {
    const parsed = parseHidden(draft);
    setInvalid(parsed === null);
    if (parsed) {
      clearDraft();
      if (parsed.join(',') !== hidden.join(',')) setExperiment({ hidden: parsed });
    }
  };
  return (
    <>
      {dataset === 'line' ? (
        <div className="field">
          <label htmlFor="model-select">Model</label>
          <select id="model-select" value={model} onChange={(e) => setExperiment({ model: e.target.value as ModelKind })} aria-describedby="model-hint">
            <option value="linear">Linear: ŷ = w·x + b</option>
            <option value="mlp">MLP</option>
          </select>
          <p className="hint" id="model-hint">
            The linear model has just two parameters, w and b.
          </p>
        </div>
      ) : null}
      {model === 'mlp' ? (
        <div className="field-pair">
          <div className="field">
            <label htmlFor="hidden-field">Hidden layers</label>
            <input
              id="hidden-field"
              type="text"
              inputMode="numeric"
              value={draft}
              aria-invalid={invalid}
              aria-describedby="hidden-hint"
              onChange={(e) => setDraft(e.target.value)}
              onBlur={commitHidden}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commitHidden();
              }}
            />
            <p className="hint" id="hidden-hint">
              {invalid ? `Use 1–${MAX_HIDDEN_LAYERS} widths from 1 to ${LIMITS.hiddenWidth.max}, e.g. 16,16.` : 'Widths, comma-separated.'}
            </p>
          </div>
          <div className="field">
            <label htmlFor="activation-select">Activation</label>
            <select id="activation-select" value={activation} onChange={(e) => setExperiment({ activation: e.target.value as Activation })}>
              {ACTIVATIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
    </>
  );
}
