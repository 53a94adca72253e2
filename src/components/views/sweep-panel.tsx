import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { regimeSpans } from '../../engine/throughput';
import { resolveBatchSize } from '../../experiment/config';
import { BACKEND_NAMES } from '../../runtime/backend-offers';
import type { BackendName } from '../../runtime/protocol';
import { useSettingsStore } from '../../store/settings-store';
import { useSweepStore } from '../../store/sweep-store';
import { LogSlider } from '../controls/log-slider';
import { Explainer } from '../explain/explainer';
import { formatBytes } from '../format';
import { SweepChart } from './sweep-charts';
import { SweepControls } from './sweep-controls';
import { BACKEND_COLOURS, examplesRateChart, REGIME_FILLS, measured, memoryChart, memoryReading, regimeBackendOf, stepTimeChart, type RunMark } from './sweep-model';
import { crossoverSentence, describeSweep, memorySentence, regimeSentence, stopSentence } from './sweep-text';

const MIB = 2 ** 20;
const BUDGET_STOPS_MIB = Array.from({ length: 13 }, (_, k) => 16 * 2 ** k);

/** The batch-size sweep: time steps of the model at B = 1, 2, 4, … on each backend, with memory, regimes and where one backend overtakes another. */
export function SweepPanel() {
  const { current, kept, running, budgetBytes } = useSweepStore(useShallow((s) => ({ current: s.current, kept: s.kept, running: s.running, budgetBytes: s.options.budgetBytes })));
  const { keepCurrent, clearKept, setOptions } = useSweepStore(useShallow((s) => ({ keepCurrent: s.keepCurrent, clearKept: s.clearKept, setOptions: s.setOptions })));
  const runs = useSettingsStore(useShallow((s) => s.runs));
  const n = useSettingsStore((s) => s.experiment.n);
  const [wantedRegimes, setWantedRegimes] = useState<BackendName | null>(null);

  const marks = useMemo<RunMark[]>(() => runs.filter((r) => r.enabled).map((r) => ({ id: r.id, batchSize: resolveBatchSize(r.batchSize, n) })), [runs, n]);
  const regimeBackend = regimeBackendOf(current, wantedRegimes);
  const reading = useMemo(() => memoryReading(regimeBackend, budgetBytes), [regimeBackend, budgetBytes]);
  const time = useMemo(() => stepTimeChart(current, kept, marks, regimeBackend), [current, kept, marks, regimeBackend]);
  const rate = useMemo(() => examplesRateChart(current, kept, marks, regimeBackend), [current, kept, marks, regimeBackend]);
  const memory = useMemo(() => memoryChart(current, kept, marks, reading, budgetBytes), [current, kept, marks, reading, budgetBytes]);
  const backends = measured(current);
  const shownRegimes = (['overhead-bound', 'saturated'] as const).filter((regime) => regimeBackend && regimeSpans(regimeBackend.points).some((span) => span.regime === regime));

  return (
    <div className="sweep-panel">
      <p className="panel-note">
        Times SGD steps of the model at B = 1, 2, 4, … on a larger seeded copy of your dataset, on each backend in its own worker: a warm-up, then the
        median of timed blocks that each end in one readback. Training pauses while it runs.
      </p>
      <SweepControls />
      {current ? (
        <p className="sweep-title">
          {current.cancelled ? 'Cancelled sweep' : running ? 'Sweeping' : 'Sweep'}: {current.title}
        </p>
      ) : null}
      <div className="noise-charts">
        <SweepChart title="Time per step" model={time} description={describeSweep(current, 'time')} />
        <SweepChart title="Examples per second" model={rate} description={describeSweep(current, 'rate')} />
      </div>
      {current || kept.length > 0 ? (
        <p className="legend-line">
          {measured(current).map((b) => (
            <span key={b.backend} className="legend-item">
              <span className="swatch" style={{ background: BACKEND_COLOURS[b.backend] }} aria-hidden="true" /> {b.label}
            </span>
          ))}
          {kept.map((k) => (
            <span key={k.id} className="legend-item">
              <span className="swatch dashed" style={{ background: '#3a4450' }} aria-hidden="true" /> kept: {k.title}
            </span>
          ))}
          <span className="legend-item">┊ your runs’ B</span>
          {shownRegimes.map((regime) => (
            <span key={regime} className="legend-item">
              <span className="swatch" style={{ background: REGIME_FILLS[regime]! }} aria-hidden="true" /> {BACKEND_NAMES[regimeBackend!.backend]} {regime}
            </span>
          ))}
        </p>
      ) : null}
      {current && !running ? (
        <div className="sweep-actions">
          {backends.filter((b) => b.points.length >= 2).length > 1 ? (
            <label className="inline-field">
              <span>Shade regimes of</span>
              <select value={regimeBackend?.backend ?? ''} onChange={(e) => setWantedRegimes(e.target.value as BackendName)} aria-label="Shade the regimes of">
                {backends.filter((b) => b.points.length >= 2).map((b) => (
                  <option key={b.backend} value={b.backend}>
                    {BACKEND_NAMES[b.backend]}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="button" onClick={keepCurrent} disabled={kept.some((k) => k.id === current.id) || backends.length === 0} title="Keep this sweep on the charts (dashed) while you run another, e.g. with another width">
            Keep for comparison
          </button>
          {kept.length > 0 ? (
            <button type="button" onClick={clearKept}>
              Clear kept
            </button>
          ) : null}
        </div>
      ) : null}
      <SweepReadings />
      <div className="sweep-memory">
        <SweepChart title="Peak memory of a step" model={memory} description={describeSweep(current, 'memory')} withKey />
        <div className="sweep-memory-side">
          <LogSlider
            label="Device memory budget"
            hint="Shades the batch sizes whose fitted peak would not fit: a model from the measured usage, not the device’s real limit."
            value={budgetBytes / MIB}
            min={BUDGET_STOPS_MIB[0]!}
            max={BUDGET_STOPS_MIB[BUDGET_STOPS_MIB.length - 1]!}
            stops={BUDGET_STOPS_MIB}
            format={(v) => formatBytes(v * MIB)}
            suffix="MiB"
            onChange={(v) => setOptions({ budgetBytes: v * MIB })}
          />
          {reading ? <p className="analysis-reading">{memorySentence(reading, budgetBytes)}</p> : null}
        </div>
      </div>
      <Explainer summary="Why accelerators want big batches, and where memory stops them" body="sweep" />
    </div>
  );
}

/** What the measurement says, in sentences: each backend's regimes, who is fastest where, and why any stopped. */
function SweepReadings() {
  const current = useSweepStore((s) => s.current);
  // Read only once the sweep is over: half a backend's sizes would make "never overtakes" look measured.
  const running = useSweepStore((s) => s.running);
  if (!current || running) return null;
  const backends = current.backends;
  const sentences = [
    crossoverSentence(current),
    ...measured(current).map(regimeSentence),
    ...backends.map(stopSentence),
  ].filter((s): s is string => s !== null);
  if (sentences.length === 0) return null;
  return (
    <div className="analysis-reading sweep-reading" aria-live="polite">
      {sentences.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
    </div>
  );
}
