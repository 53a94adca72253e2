import { create } from 'zustand';
import type { ShuffleMode } from '../engine/loader';
import { defaultConfig, defaultModelFor, type BatchSizeSetting, type ExperimentConfig } from '../experiment/config';
import { clampConfig, clampToLimit, LIMITS, modelFitsDataset } from '../experiment/limits';
import type { BackendPreference, Speed, StopRule } from '../runtime/protocol';
import { defaultRuns, freeColour, MINI_RUN_ID, normaliseBatch, RUN_COLOURS, type RunSetting, type WorkspaceSettings } from './run-settings';
import { useUiStore } from './ui-store';

interface SettingsActions {
  /** Changes shared settings; out-of-range values are clamped and the user is told. */
  setExperiment(changes: Partial<ExperimentConfig>): void;
  setMiniBatch(batchSize: BatchSizeSetting): void;
  setRunBatch(id: string, batchSize: BatchSizeSetting): void;
  setRunLr(id: string, lr: number | null): void;
  setRunShuffle(id: string, shuffle: ShuffleMode | null): void;
  setRunEnabled(id: string, enabled: boolean): void;
  addRun(batchSize: BatchSizeSetting): void;
  removeRun(id: string): void;
  setScaleLr(scaleLr: boolean): void;
  setStopAt(stopAt: StopRule | null): void;
  setSpeed(speed: Speed): void;
  setBackend(backend: BackendPreference): void;
  setFocus(id: string): void;
  setNoiseEvery(ms: number | null): void;
}

export type SettingsState = WorkspaceSettings & SettingsActions;

/** Gradient noise is measured twice a second per run unless the user changes it. */
export const DEFAULT_NOISE_EVERY_MS = 500;

/** The initial settings: the current defaults (moons) and the three standard runs. */
export function initialSettings(backend: BackendPreference = 'auto'): WorkspaceSettings {
  const experiment = defaultConfig();
  return {
    experiment,
    runs: defaultRuns(experiment.batchSizes[1] ?? 32),
    scaleLr: false,
    stopAt: null,
    speed: 'fast',
    backend,
    focusRunId: MINI_RUN_ID,
    noiseEveryMs: DEFAULT_NOISE_EVERY_MS,
  };
}

/** On a dataset change, each of noise, model, hidden and activation still at the old dataset's default moves to the new one's; values the user set stay (a model only if it still fits). */
function settingsAfterDatasetChange(current: ExperimentConfig, dataset: ExperimentConfig['dataset']): Pick<ExperimentConfig, 'noise' | 'model' | 'hidden' | 'activation'> {
  const before = defaultConfig(current.dataset);
  const after = defaultConfig(dataset);
  const keptModel = modelFitsDataset(current.model, dataset) ? current.model : 'mlp';
  return {
    noise: current.noise === before.noise ? after.noise : current.noise,
    model: current.model === defaultModelFor(current.dataset) ? defaultModelFor(dataset) : keptModel,
    hidden: current.hidden.join(',') === before.hidden.join(',') ? after.hidden : current.hidden,
    activation: current.activation === before.activation ? after.activation : current.activation,
  };
}

/** Within the limits, and `full` from N up, so a run's field and its name always agree. */
function clampBatch(batchSize: BatchSizeSetting, n: number): BatchSizeSetting {
  return normaliseBatch(batchSize === 'full' ? 'full' : clampToLimit(batchSize, LIMITS.batchSize, 1), n);
}

/** The source of truth for what trains: controls write here, the runtime reads from here. */
export const useSettingsStore = create<SettingsState>()((set, get) => {
  const mapRun = (id: string, change: (run: RunSetting) => RunSetting) =>
    set((s) => ({ runs: s.runs.map((r) => (r.id === id ? change(r) : r)) }));
  return {
    ...initialSettings(),

    setExperiment(changes) {
      const current = get().experiment;
      // What this change sets explicitly wins over the new dataset's defaults.
      const dataset = changes.dataset;
      const moved = dataset !== undefined && dataset !== current.dataset ? settingsAfterDatasetChange(current, dataset) : {};
      const merged = { ...current, ...moved, ...changes };
      const { config, adjustments } = clampConfig(merged, current);
      for (const a of adjustments) useUiStore.getState().notify({ id: `clamp-${a.field}`, text: a.message, tone: 'warning' });
      set({ experiment: config });
    },

    setMiniBatch: (batchSize) => mapRun(MINI_RUN_ID, (r) => ({ ...r, batchSize: clampBatch(batchSize, get().experiment.n) })),
    setRunBatch: (id, batchSize) => mapRun(id, (r) => ({ ...r, batchSize: clampBatch(batchSize, get().experiment.n) })),
    setRunLr: (id, lr) => mapRun(id, (r) => ({ ...r, lrOverride: lr === null ? null : clampToLimit(lr, LIMITS.lr, get().experiment.lr) })),
    setRunShuffle: (id, shuffle) => mapRun(id, (r) => ({ ...r, shuffleOverride: shuffle })),
    setRunEnabled: (id, enabled) => mapRun(id, (r) => ({ ...r, enabled })),

    addRun(batchSize) {
      const colour = freeColour(get().runs);
      if (!colour) return;
      // A run's id is its colour's slot: unique among the runs present, stable for the run's life.
      const run: RunSetting = { id: `run-${RUN_COLOURS.indexOf(colour as (typeof RUN_COLOURS)[number]) + 1}`, colour, batchSize: clampBatch(batchSize, get().experiment.n), lrOverride: null, shuffleOverride: null, enabled: true };
      set((s) => ({ runs: [...s.runs, run] }));
    },

    removeRun(id) {
      set((s) => {
        const runs = s.runs.filter((r) => r.id !== id);
        return { runs, focusRunId: s.focusRunId === id ? (runs[0]?.id ?? MINI_RUN_ID) : s.focusRunId };
      });
    },

    setScaleLr: (scaleLr) => set({ scaleLr }),
    setStopAt: (stopAt) => set({ stopAt }),
    setSpeed: (speed) => set({ speed }),
    setBackend: (backend) => set({ backend }),
    setFocus: (focusRunId) => set({ focusRunId }),
    setNoiseEvery: (noiseEveryMs) => set({ noiseEveryMs }),
  };
});
