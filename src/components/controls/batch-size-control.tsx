import { resolveBatchSize } from '../../experiment/config';
import { MINI_RUN_ID } from '../../store/run-settings';
import { useSettingsStore } from '../../store/settings-store';
import { LogSlider } from './log-slider';
import { readBatchSize } from './read-input';

/** 1, 2, 4, … below n, then n itself. */
export function batchStops(n: number): number[] {
  const stops: number[] = [];
  for (let b = 1; b < n; b *= 2) stops.push(b);
  stops.push(n);
  return stops;
}

/** The mini-batch run's batch size: log slider snapping to powers of two and N, plus a number field. */
export function BatchSizeControl() {
  const n = useSettingsStore((s) => s.experiment.n);
  const setting = useSettingsStore((s) => s.runs.find((r) => r.id === MINI_RUN_ID)?.batchSize ?? 32);
  const setMiniBatch = useSettingsStore((s) => s.setMiniBatch);
  const value = resolveBatchSize(setting, n);
  return (
    <LogSlider
      label="Batch size (mini-batch run)"
      hint="Examples averaged per step. N (the whole training set) is full-batch gradient descent."
      value={value}
      min={1}
      max={n}
      stops={batchStops(n)}
      integer
      format={(b) => (b >= n ? `${b} = N (full)` : String(b))}
      onChange={(b) => setMiniBatch(b >= n ? 'full' : b)}
      read={(text) => {
        const reading = readBatchSize(text, n);
        return { value: reading.value === 'full' ? n : reading.value, note: reading.note };
      }}
    />
  );
}
