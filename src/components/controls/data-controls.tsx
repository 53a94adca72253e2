import type { DatasetName } from '../../engine/datasets';
import { DATASET_NAMES, LIMITS } from '../../experiment/limits';
import { useSettingsStore } from '../../store/settings-store';
import { formatCount, formatNumber } from '../format';
import { LogSlider } from './log-slider';
import { batchStops } from './batch-size-control';
import { FieldNote, NumberInput } from './number-input';
import { readNumber } from './read-input';
import { useNumberEntry } from './use-number-entry';

const DATASET_LABELS: Record<DatasetName, string> = {
  line: 'line (regression, 2 parameters)',
  moons: 'moons',
  circles: 'circles',
  spiral: 'spiral',
  blobs: 'blobs (3 classes)',
};

/** A fresh seed from the browser's crypto source: re-rolling is the user's choice, not part of an experiment. */
function randomSeed(): number {
  const value = new Uint32Array(1);
  crypto.getRandomValues(value);
  return value[0]! % (LIMITS.seed.max + 1);
}

/** Dataset, N, noise and seed: changing any of them restarts every run. */
export function DataControls() {
  const { dataset, n, noise, seed } = useSettingsStore((s) => s.experiment);
  const setExperiment = useSettingsStore((s) => s.setExperiment);
  const noiseEntry = useNumberEntry(noise, (text) => readNumber(text, LIMITS.noise, 'noise'), (value) => setExperiment({ noise: value }));
  const seedEntry = useNumberEntry(seed, (text) => readNumber(text, LIMITS.seed, 'seed'), (value) => setExperiment({ seed: value }));
  return (
    <>
      <div className="field">
        <label htmlFor="dataset-select">Dataset</label>
        <select id="dataset-select" value={dataset} onChange={(e) => setExperiment({ dataset: e.target.value as DatasetName })} aria-describedby="dataset-hint">
          {DATASET_NAMES.map((name) => (
            <option key={name} value={name}>
              {DATASET_LABELS[name]}
            </option>
          ))}
        </select>
        <p className="hint" id="dataset-hint">
          Changing the data restarts every run.
        </p>
      </div>
      <LogSlider
        label="Training examples N"
        noun="N"
        hint="A full-batch step looks at all N; a bigger N makes it costlier."
        value={n}
        min={LIMITS.n.min}
        max={LIMITS.n.max}
        stops={batchStops(LIMITS.n.max).filter((s) => s >= LIMITS.n.min)}
        integer
        format={formatCount}
        onChange={(v) => setExperiment({ n: v })}
      />
      <div className="field">
        <div className="field-head">
          <label htmlFor="noise-range">Noise</label>
          <output htmlFor="noise-range">{formatNumber(noise)}</output>
        </div>
        <div className="slider-row">
          <input
            id="noise-range"
            type="range"
            min={LIMITS.noise.min}
            max={LIMITS.noise.max}
            step={0.05}
            value={noise}
            aria-describedby="noise-hint"
            onChange={(e) => {
              noiseEntry.dismiss();
              setExperiment({ noise: Number(e.target.value) });
            }}
          />
          <NumberInput entry={noiseEntry} className="number-field" aria-label="Noise (number)" aria-describedby={noiseEntry.note ? 'noise-note noise-hint' : 'noise-hint'} />
        </div>
        <FieldNote id="noise-note" note={noiseEntry.note} />
        <p className="hint" id="noise-hint">
          Spread of the points around the pattern, from 0 to 1.
        </p>
      </div>
      <div className="field">
        <label htmlFor="seed-field">Seed</label>
        <div className="slider-row">
          <NumberInput id="seed-field" entry={seedEntry} integer className="number-field wide" aria-describedby={seedEntry.note ? 'seed-note seed-hint' : 'seed-hint'} />
          <button
            type="button"
            onClick={() => {
              seedEntry.dismiss();
              setExperiment({ seed: randomSeed() });
            }}
            aria-label="Re-roll the seed"
          >
            ⟳ Re-roll
          </button>
        </div>
        <FieldNote id="seed-note" note={seedEntry.note} />
        <p className="hint" id="seed-hint">
          Same seed: same data, same starting weights, same batches.
        </p>
      </div>
    </>
  );
}
