import type { ShuffleMode } from '../engine/loader';
import type { BatchSizeSetting, ExperimentConfig } from '../experiment/config';
import { LIMITS, MAX_RUNS } from '../experiment/limits';
import type { BackendPreference, RunSpec, Speed, StopRule, WorkspaceSpec } from '../runtime/protocol';
import { datasetSpecOf, modelSpecOf, resolveBatchSize } from '../experiment/config';

/** Okabe–Ito colours in the order runs take them: B = 1, mini-batch, full batch, then extra runs. */
export const RUN_COLOURS = ['#E69F00', '#0072B2', '#009E73', '#D55E00', '#CC79A7'] as const;

/** One run as the user sets it; null overrides follow the shared setting. */
export interface RunSetting {
  id: string;
  colour: string;
  batchSize: BatchSizeSetting;
  lrOverride: number | null;
  shuffleOverride: ShuffleMode | null;
  enabled: boolean;
}

/** The id of the run the main batch-size control drives. */
export const MINI_RUN_ID = 'mini';

/** The three runs every workspace starts with. */
export function defaultRuns(miniBatch: BatchSizeSetting): RunSetting[] {
  return [
    { id: 'single', colour: RUN_COLOURS[0], batchSize: 1, lrOverride: null, shuffleOverride: null, enabled: true },
    { id: MINI_RUN_ID, colour: RUN_COLOURS[1], batchSize: miniBatch, lrOverride: null, shuffleOverride: null, enabled: true },
    { id: 'full', colour: RUN_COLOURS[2], batchSize: 'full', lrOverride: null, shuffleOverride: null, enabled: true },
  ];
}

/** A colour no current run uses (runs keep their colour for life). */
export function freeColour(runs: RunSetting[]): string | null {
  if (runs.length >= MAX_RUNS) return null;
  return RUN_COLOURS.find((c) => !runs.some((r) => r.colour === c)) ?? null;
}

// Grouped like every other count on the page ("B = N (65,536)").
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "B = 1", "B = 32", "B = N (512)", "B = N (65,536)". */
export function runLabel(batchSize: BatchSizeSetting, n: number): string {
  const b = resolveBatchSize(batchSize, n);
  return b >= n ? `B = N (${COUNT.format(n)})` : `B = ${COUNT.format(b)}`;
}

/**
 * The order in which runs claim a name or count as the original of a repeat: the mini-batch run last, since its size
 * is the one the user slides (set to N, it is the full-batch run's "#2", not the other way round).
 */
function namingOrder<R extends Pick<RunSetting, 'id'>>(runs: readonly R[]): R[] {
  return [...runs.filter((r) => r.id !== MINI_RUN_ID), ...runs.filter((r) => r.id === MINI_RUN_ID)];
}

/** One name per run, used everywhere (cards, chart, messages): runLabel, with "#2", "#3" for repeats. */
export function runLabels(runs: readonly Pick<RunSetting, 'id' | 'batchSize'>[], n: number): Record<string, string> {
  const seen = new Map<string, number>();
  return Object.fromEntries(
    namingOrder(runs).map((run) => {
      const base = runLabel(run.batchSize, n);
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      return [run.id, count === 1 ? base : `${base} #${count}`];
    }),
  );
}

/** For each run, the run it repeats exactly (same batch, lr and shuffle: the same training, step for step), if any. */
export function repeatedRuns(settings: WorkspaceSettings): Record<string, string> {
  const ordered = namingOrder(toWorkspaceSpec(settings).runs);
  const repeats: Record<string, string> = {};
  ordered.forEach((run, i) => {
    const twin = ordered.slice(0, i).find((r) => run.enabled && r.enabled && r.batchSize === run.batchSize && r.lr === run.lr && r.shuffle === run.shuffle);
    if (twin) repeats[run.id] = twin.id;
  });
  return repeats;
}

/** A batch size setting for a training set of n: anything of n or more is the full batch. */
export function normaliseBatch(batchSize: BatchSizeSetting, n: number): BatchSizeSetting {
  return batchSize === 'full' || batchSize >= n ? 'full' : batchSize;
}

/** Everything that shapes the training, as the user set it. */
export interface WorkspaceSettings {
  experiment: ExperimentConfig;
  runs: RunSetting[];
  /** Linear scaling rule: each run's lr = lr · B / B_mini. */
  scaleLr: boolean;
  stopAt: StopRule | null;
  speed: Speed;
  backend: BackendPreference;
  focusRunId: string;
  /** Wall time between each run's gradient-noise measurements (ms); null: off. */
  noiseEveryMs: number | null;
}

/** The lr a run trains with: its override, else the shared lr (scaled by B / B_mini when asked), within limits. */
export function effectiveLr(run: RunSetting, settings: WorkspaceSettings): number {
  if (run.lrOverride !== null) return run.lrOverride;
  const { lr, n } = settings.experiment;
  if (!settings.scaleLr) return lr;
  const mini = settings.runs.find((r) => r.id === MINI_RUN_ID);
  const reference = mini ? resolveBatchSize(mini.batchSize, n) : 32;
  const scaled = (lr * resolveBatchSize(run.batchSize, n)) / reference;
  return Math.min(LIMITS.lr.max, Math.max(LIMITS.lr.min, scaled));
}

/** What the training host needs, resolved from the user's settings. */
export function toWorkspaceSpec(settings: WorkspaceSettings): WorkspaceSpec {
  const { experiment } = settings;
  const runs: RunSpec[] = settings.runs.map((run) => ({
    id: run.id,
    batchSize: resolveBatchSize(run.batchSize, experiment.n),
    lr: effectiveLr(run, settings),
    shuffle: run.shuffleOverride ?? experiment.shuffle,
    enabled: run.enabled,
  }));
  return {
    experiment: {
      dataset: datasetSpecOf(experiment),
      model: modelSpecOf(experiment),
      momentum: experiment.momentum,
      dropLast: experiment.dropLast,
    },
    runs,
    stopAt: settings.stopAt,
    speed: settings.speed,
    focusRunId: settings.focusRunId,
    noiseEveryMs: settings.noiseEveryMs,
  };
}
