import { memo, useState } from 'react';
import { cliCommand } from '../../experiment/cli-command';
import { resolveBatchSize } from '../../experiment/config';
import { useMetricsStore } from '../../store/metrics-store';
import { effectiveLr, runLabels, type RunSetting } from '../../store/run-settings';
import { useSettingsStore } from '../../store/settings-store';
import type { EvalPoint, RunStatus, Speed } from '../../runtime/protocol';
import type { ShuffleMode } from '../../engine/loader';
import { formatCount, formatMs, formatNumber, formatReading } from '../format';
import { useTraining } from '../training-context';
import { cliRunFor } from './cli-for-run';
import { copyText } from './copy-text';
import { RunAlerts } from './run-alerts';
import { useShallow } from 'zustand/react/shallow';
import { RunSettingsRow } from './run-settings-row';

const ROLE_NAMES: Record<string, string> = { single: 'single item', mini: 'mini-batch', full: 'full batch' };
const SHUFFLE_NAMES: Record<ShuffleMode, string> = { on: 'every epoch', once: 'once', off: 'off' };

/** Why a run shows no time per step, or where its figure comes from. */
export function timingNote(status: RunStatus | undefined, speed: Speed): string | null {
  if (!status || status.step === 0) return null;
  if (status.msPerStep === null) {
    if (status.state === 'diverged' || status.state === 'finished') return `Not timed: the run ${status.state === 'diverged' ? 'diverged' : 'finished'} before enough blocks of its steps were timed.`;
    if (speed === 'slow') return 'Not timed yet: single steps (slow motion, Step +1) are too short to time honestly; Full speed or Steady times blocks of steps.';
    return 'Not timed yet: the first blocks of steps are being timed.';
  }
  if (status.timingSource === 'warming') {
    const stopped = status.state === 'diverged' || status.state === 'finished';
    return stopped
      ? 'Timed only while warming up: the first seconds of training run slower while code and shaders are compiled and cached, so this figure is likely above the run’s settled time per step.'
      : 'Still warming up: the first seconds of training run slower while code and shaders are compiled and cached, so this figure is still falling towards the run’s own speed.';
  }
  if (status.timingSource === 'earlier') return 'From earlier blocks of steps: single steps (slow motion, Step +1) are too short to time honestly.';
  return null;
}

// A stopwatch beside the step counter reads fewer steps per second: say what these figures leave out.
const OWN_COMPUTE =
  'From this run’s own training compute (its timed blocks of steps). Evaluations, noise measurements, other runs’ turns and rests are left out, so on the wall clock the step counter moves more slowly.';

const STATE_TEXT: Record<RunStatus['state'], string> = {
  ready: 'ready',
  running: 'running',
  paused: 'paused',
  finished: 'finished',
  diverged: 'diverged',
  off: 'off',
};

interface RunNumbersProps {
  status: RunStatus | undefined;
  latest: EvalPoint | undefined;
  classification: boolean;
  speed: Speed;
}

/** The numbers of one run, from plain props (fixtures in tests). */
export const RunNumbers = memo(function RunNumbers({ status, latest, classification, speed }: RunNumbersProps) {
  const note = timingNote(status, speed);
  return (
    <dl className="run-numbers">
      <div>
        <dt>step</dt>
        <dd>{status ? formatCount(status.step) : '—'}</dd>
      </div>
      <div>
        <dt>epoch</dt>
        <dd>{status ? formatNumber(status.epoch) : '—'}</dd>
      </div>
      <div>
        <dt>examples seen</dt>
        <dd>{status ? formatCount(status.examplesSeen) : '—'}</dd>
      </div>
      <div>
        <dt>training loss</dt>
        <dd>{formatReading(latest?.trainLoss)}</dd>
      </div>
      <div>
        <dt>test loss</dt>
        <dd>{formatReading(latest?.testLoss)}</dd>
      </div>
      {classification ? (
        <div>
          <dt>test accuracy</dt>
          <dd>{latest?.accuracy === null || latest === undefined ? '—' : `${formatNumber(100 * latest.accuracy)} %`}</dd>
        </div>
      ) : null}
      <div>
        <dt title={OWN_COMPUTE}>steps/s</dt>
        <dd>{formatNumber(status?.stepsPerSecond)}</dd>
      </div>
      <div>
        <dt title={OWN_COMPUTE}>examples/s</dt>
        <dd>{formatNumber(status?.examplesPerSecond)}</dd>
      </div>
      <div>
        <dt title={OWN_COMPUTE}>time per step</dt>
        <dd title={note ?? undefined}>
          {formatMs(status?.msPerStep ?? null)}
          {note ? (
            <>
              <span className="timing-mark" aria-hidden="true">
                {status?.msPerStep === null ? ' ?' : ' *'}
              </span>
              <span className="sr-only">{note}</span>
            </>
          ) : null}
        </dd>
      </div>
    </dl>
  );
});

/** One run: colour, batch size in large type, live numbers, status, its own settings and actions. */
export function RunCard({ run }: { run: RunSetting }) {
  const training = useTraining();
  const n = useSettingsStore((s) => s.experiment.n);
  const classification = useSettingsStore((s) => s.experiment.dataset !== 'line');
  const speed = useSettingsStore((s) => s.speed);
  const lr = useSettingsStore((s) => effectiveLr(run, s));
  const { setRunEnabled, removeRun } = useSettingsStore.getState();
  const status = useMetricsStore((s) => s.statuses[run.id]);
  const latest = useMetricsStore((s) => s.latest[run.id]);
  const health = useMetricsStore((s) => s.health[run.id]);
  const labels = useSettingsStore(useShallow((s) => runLabels(s.runs, s.experiment.n)));
  const repeats = useMetricsStore((s) => s.repeats[run.id] ?? null);
  const [copied, setCopied] = useState<string | null>(null);
  // The cards are the chart's legend: their own settings stay folded unless a run already has one of its own.
  const [settingsOpen, setSettingsOpen] = useState(run.lrOverride !== null || run.shuffleOverride !== null);
  const label = labels[run.id] ?? '';
  const unwell = health && health.kind !== 'ok' && status?.state !== 'diverged' && status?.state !== 'off' ? health.kind : null;
  const state = unwell ?? status?.state ?? 'ready';
  const copyCli = async () => {
    const settings = useSettingsStore.getState();
    // Read at the click, not from the last render: a run that just finished may not have been drawn at its last step.
    const history = training.exportHistory()[run.id];
    const command = cliCommand(
      settings.experiment,
      cliRunFor({
        batchSize: resolveBatchSize(run.batchSize, n) >= n ? 'full' : resolveBatchSize(run.batchSize, n),
        lr,
        shuffle: run.shuffleOverride ?? settings.experiment.shuffle,
        steps: history?.status.step || 100,
        events: history?.events ?? [],
      }),
    );
    const ok = await copyText(command);
    setCopied(ok ? 'Copied' : command);
  };
  return (
    <article className={`run-card state-${state}`} style={{ borderLeftColor: run.colour }} aria-label={`Run ${label}`}>
      <header>
        <span className="swatch" style={{ background: run.colour }} aria-hidden="true" />
        <div className="run-title">
          <strong>{label}</strong>
          <span className="run-role">
            {ROLE_NAMES[run.id] ?? 'extra run'} · lr {formatNumber(lr)}
            {run.shuffleOverride ? ` · shuffle ${SHUFFLE_NAMES[run.shuffleOverride]}` : ''}
            {' · '}
            <button
              type="button"
              className="inline-toggle"
              aria-expanded={settingsOpen}
              aria-controls={settingsOpen ? `settings-${run.id}` : undefined}
              aria-label={`${label}: own settings`}
              onClick={() => setSettingsOpen((open) => !open)}
              title="This run’s own batch size, lr and shuffle"
            >
              settings {settingsOpen ? '▴' : '▾'}
            </button>
          </span>
        </div>
        <span className={`state-pill state-${state}`} data-testid={`state-${run.id}`}>
          {unwell ?? STATE_TEXT[status?.state ?? 'ready']}
        </span>
      </header>
      <RunAlerts label={label} status={status} health={health} repeats={repeats ? (labels[repeats] ?? null) : null} onResetRun={() => training.resetRun(run.id)} />
      <RunNumbers status={status} latest={latest} classification={classification} speed={speed} />
      {settingsOpen ? <RunSettingsRow run={run} label={label} id={`settings-${run.id}`} /> : null}
      <div className="run-actions">
        <label className="toggle">
          <input type="checkbox" checked={run.enabled} onChange={(e) => setRunEnabled(run.id, e.target.checked)} />
          train
        </label>
        <button type="button" onClick={() => training.pin(run.id)} title="Keep this curve, faded, to compare after a change">
          Pin curve
        </button>
        <button type="button" onClick={() => void copyCli()} title="An npm run experiment line that reproduces this run on the CPU">
          Copy as CLI
        </button>
        {!ROLE_NAMES[run.id] ? (
          <button type="button" onClick={() => removeRun(run.id)} aria-label={`Remove run ${label}`}>
            Remove
          </button>
        ) : null}
      </div>
      {copied ? (
        <p className="copied" role="status">
          {copied === 'Copied' ? 'Command copied.' : <code>{copied}</code>}
        </p>
      ) : null}
    </article>
  );
}
