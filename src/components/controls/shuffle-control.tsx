import type { ShuffleMode } from '../../engine/loader';
import { useSettingsStore } from '../../store/settings-store';

const OPTIONS: { value: ShuffleMode; label: string; title: string }[] = [
  { value: 'on', label: 'Every epoch', title: 'A fresh random order at the start of every epoch, before batches are cut' },
  { value: 'once', label: 'Once', title: 'One random order, repeated every epoch' },
  { value: 'off', label: 'Off', title: 'The stored order (sorted by class) every epoch' },
];

/** Shuffle mode for all runs; a change applies from each run's next epoch. */
export function ShuffleControl() {
  const shuffle = useSettingsStore((s) => s.experiment.shuffle);
  const setExperiment = useSettingsStore((s) => s.setExperiment);
  return (
    <fieldset className="field segmented-field">
      <legend>Shuffle</legend>
      <div className="segmented" role="radiogroup" aria-label="Shuffle">
        {OPTIONS.map((o) => (
          <label key={o.value} title={o.title} className={shuffle === o.value ? 'selected' : undefined}>
            <input type="radio" name="shuffle" value={o.value} checked={shuffle === o.value} onChange={() => setExperiment({ shuffle: o.value })} />
            {o.label}
          </label>
        ))}
      </div>
      <p className="hint">Reshuffling each epoch changes what every batch holds. Applies from the next epoch.</p>
    </fieldset>
  );
}
