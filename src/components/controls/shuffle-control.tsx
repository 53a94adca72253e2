import type { ShuffleMode } from '../../engine/loader';
import { useSettingsStore } from '../../store/settings-store';
import { Segmented } from './segmented';

export const SHUFFLE_OPTIONS: { value: ShuffleMode; label: string; title: string }[] = [
  { value: 'on', label: 'Every epoch', title: 'A fresh random order at the start of every epoch, before batches are cut' },
  { value: 'once', label: 'Once', title: 'One random order, repeated every epoch' },
  { value: 'off', label: 'Off', title: 'The stored order (sorted by class) every epoch' },
];

/** What the selected mode does to the batches, in a sentence (the stored order is by class, or by x for `line`). */
export function shuffleHint(mode: ShuffleMode, regression: boolean): string {
  const stored = regression ? 'sorted by x' : 'sorted by class';
  switch (mode) {
    case 'on':
      return 'A fresh random order every epoch, drawn before the batches are cut: each epoch’s batches hold a new mix of examples.';
    case 'once':
      return 'One random order, drawn once and kept: the same batches come round in the same order every epoch.';
    case 'off':
      return `The stored order, ${stored}, every epoch: neighbouring examples share a batch, so a batch is far from a fair sample.`;
  }
}

/** Shuffle mode for all runs; a change applies from each run's next epoch. */
export function ShuffleControl() {
  const shuffle = useSettingsStore((s) => s.experiment.shuffle);
  const setExperiment = useSettingsStore((s) => s.setExperiment);
  const regression = useSettingsStore((s) => s.experiment.dataset === 'line');
  return (
    <fieldset className="field segmented-field">
      <legend>Shuffle</legend>
      <Segmented label="Shuffle" name="shuffle" options={SHUFFLE_OPTIONS} value={shuffle} onChange={(mode) => setExperiment({ shuffle: mode })} />
      <p className="hint" aria-live="polite">
        {shuffleHint(shuffle, regression)} A change applies from each run’s next epoch.
      </p>
    </fieldset>
  );
}
