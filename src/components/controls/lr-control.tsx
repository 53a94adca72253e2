import { LIMITS } from '../../experiment/limits';
import { useSettingsStore } from '../../store/settings-store';
import { formatNumber } from '../format';
import { LogSlider } from './log-slider';

/** The shared learning rate (log slider 1e-4 … 10). Applies to running runs at once. */
export function LrControl() {
  const lr = useSettingsStore((s) => s.experiment.lr);
  const setExperiment = useSettingsStore((s) => s.setExperiment);
  return (
    <LogSlider
      label="Learning rate"
      hint="Step length. Too large and the loss stops falling or blows up; which batch size fails first depends on the data and the model, so watch the cards."
      value={lr}
      min={LIMITS.lr.min}
      max={LIMITS.lr.max}
      format={(v) => formatNumber(v)}
      onChange={(v) => setExperiment({ lr: v })}
    />
  );
}
