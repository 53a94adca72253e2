import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SWEEP_LARGEST_CHOICES, SWEEP_WIDTHS, sweepModel, modelTitle, type SweepWidth } from '../../experiment/sweep-setup';
import { BACKEND_NAMES, probeBackendOffers, SWEEP_BACKENDS } from '../../runtime/backend-offers';
import { startSweep } from '../../runtime/sweep-controller';
import type { BackendName } from '../../runtime/protocol';
import { useSettingsStore } from '../../store/settings-store';
import { useSweepStore } from '../../store/sweep-store';
import { formatCount } from '../format';
import { useTraining } from '../training-context';

/** Which backends to time (those this browser lacks are greyed, with why), the model width, the largest B, and Run / Cancel with progress. */
export function SweepControls() {
  const training = useTraining();
  const { options, offers, running, progress, cancel } = useSweepStore(useShallow((s) => ({ options: s.options, offers: s.offers, running: s.running, progress: s.progress, cancel: s.cancel })));
  const setOptions = useSweepStore((s) => s.setOptions);
  const experiment = useSettingsStore((s) => s.experiment);

  useEffect(() => {
    if (useSweepStore.getState().offers) return;
    let live = true;
    void probeBackendOffers().then((found) => live && useSweepStore.getState().setOffers(found));
    return () => {
      live = false;
    };
  }, []);

  const offerOf = (backend: BackendName) => offers?.find((o) => o.backend === backend) ?? null;
  const chosen = SWEEP_BACKENDS.filter((b) => options.backends.includes(b) && offerOf(b)?.available !== false);
  const toggle = (backend: BackendName, on: boolean) => setOptions({ backends: on ? [...options.backends, backend] : options.backends.filter((b) => b !== backend) });
  const widthLabel = (width: SweepWidth) => (width === 'model' ? `as trained (${modelTitle(sweepModel(experiment, 'model'))})` : modelTitle(sweepModel(experiment, width)));
  const overall = progress ? (progress.backendIndex + progress.done / Math.max(1, progress.total)) / progress.backendCount : 0;

  return (
    <div className="sweep-controls">
      <fieldset className="sweep-backends" disabled={running}>
        <legend>Backends</legend>
        {SWEEP_BACKENDS.map((backend) => {
          const offer = offerOf(backend);
          const unavailable = offer !== null && !offer.available;
          return (
            <label key={backend} className={unavailable ? 'unavailable' : undefined} title={offer?.reason ?? undefined}>
              <input type="checkbox" checked={!unavailable && options.backends.includes(backend)} disabled={unavailable} onChange={(e) => toggle(backend, e.target.checked)} />
              {BACKEND_NAMES[backend]}
              {unavailable ? <span className="why"> — {offer.reason}</span> : null}
            </label>
          );
        })}
      </fieldset>
      <div className="sweep-settings">
        <label className="inline-field">
          <span>Model</span>
          <select value={String(options.width)} disabled={running} onChange={(e) => setOptions({ width: e.target.value === 'model' ? 'model' : (Number(e.target.value) as SweepWidth) })} aria-label="Model width for the sweep">
            {SWEEP_WIDTHS.map((width) => (
              <option key={width} value={String(width)}>
                {widthLabel(width)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>Up to</span>
          <select value={options.largest} disabled={running} onChange={(e) => setOptions({ largest: Number(e.target.value) })} aria-label="Largest batch size">
            {SWEEP_LARGEST_CHOICES.map((b) => (
              <option key={b} value={b}>
                B = {formatCount(b)}
              </option>
            ))}
          </select>
        </label>
        {running ? (
          <button type="button" onClick={() => cancel?.()}>
            Cancel sweep
          </button>
        ) : (
          <button type="button" className="primary" disabled={chosen.length === 0} onClick={() => startSweep(training)}>
            Run sweep
          </button>
        )}
      </div>
      {running ? (
        <div className="sweep-progress" role="status">
          <progress max={1} value={overall} aria-label="Sweep progress" />
          <span>
            {progress
              ? `${BACKEND_NAMES[progress.backend]} (${progress.backendIndex + 1} of ${progress.backendCount}): ${progress.done} of ${progress.total} sizes timed`
              : 'Starting…'}{' '}
            · training is paused meanwhile
          </span>
        </div>
      ) : null}
    </div>
  );
}
