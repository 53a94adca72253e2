import { useMetricsStore } from '../../store/metrics-store';
import { useSettingsStore } from '../../store/settings-store';
import { useSweepStore } from '../../store/sweep-store';
import type { Speed } from '../../runtime/protocol';
import { useTraining } from '../training-context';

const SPEEDS: { value: Speed; label: string }[] = [
  { value: 'fast', label: 'Full speed' },
  { value: 'steady', label: 'Steady' },
  { value: 'slow', label: 'Slow motion' },
];

/** Play, step, reset and speed: the first thing a student reaches for. */
export function TopBar() {
  const training = useTraining();
  const playing = useMetricsStore((s) => s.playing);
  const starting = useMetricsStore((s) => s.starting && !s.playing);
  const backend = useMetricsStore((s) => s.backend);
  // A batch-size sweep times the device alone; training resumes when it ends.
  const sweeping = useSweepStore((s) => s.running);
  const speed = useSettingsStore((s) => s.speed);
  const setSpeed = useSettingsStore((s) => s.setSpeed);
  return (
    <header className="top-bar" id="top-bar" tabIndex={-1}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Batchscope</span>
        <span className="brand-tag">why batch size matters</span>
      </div>
      <div className="transport" role="group" aria-label="Training">
        <button
          type="button"
          className="primary"
          onClick={playing || starting ? training.pause : training.play}
          disabled={sweeping}
          title={sweeping ? 'Paused while the batch-size sweep runs; training resumes after it' : undefined}
          aria-label={sweeping ? 'Play (paused while the batch-size sweep runs)' : playing ? 'Pause training' : starting ? 'Starting: training begins as soon as the runs are ready (press to cancel)' : 'Play: train all runs'}
        >
          {playing ? '❚❚ Pause' : starting ? 'Starting…' : '▶ Play'}
        </button>
        <button type="button" onClick={training.step} disabled={!backend || playing || sweeping} title="One SGD step of every run" aria-label="Step +1">
          <span className="button-word" aria-hidden="true">
            Step{' '}
          </span>
          <span aria-hidden="true">+1</span>
        </button>
        <button type="button" onClick={training.reset} disabled={!backend} title="Start every run again from the same initial weights, paused: press Play to train" aria-label="Reset">
          <span aria-hidden="true">⟲</span>
          <span className="button-word" aria-hidden="true">
            {' '}Reset
          </span>
        </button>
        <label className="inline-field">
          <span>Speed</span>
          <select value={speed} onChange={(e) => setSpeed(e.target.value as Speed)} aria-label="Speed">
            {SPEEDS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {/* In one column the settings come after the chart and the runs: one tap away. */}
      <a className="jump-to-settings" href="#experiment-settings">
        Settings ↓
      </a>
      <div className="backend-badge" aria-live="polite" data-testid="backend-badge" title={backend?.inWorker === false ? 'Training on the page’s thread' : 'Training in a Web Worker'}>
        {backend ? backend.label : 'Starting…'}
      </div>
    </header>
  );
}
