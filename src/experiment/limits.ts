import { DATASET_NAMES, taskOf, type DatasetName } from '../engine/datasets';
import { SHUFFLE_MODES } from '../engine/loader';
import { ACTIVATIONS } from '../engine/models';
import type { BatchSizeSetting, ExperimentConfig, ModelKind } from './config';

/** The allowed range of a numeric setting. */
export interface NumericLimit {
  min: number;
  max: number;
  integer: boolean;
}

/** Allowed ranges; the CLI rejects values outside them, the app clamps them and says so. */
export const LIMITS = {
  n: { min: 8, max: 65_536, integer: true },
  noise: { min: 0, max: 1, integer: false },
  testShare: { min: 0.05, max: 0.5, integer: false },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true },
  lr: { min: 1e-4, max: 10, integer: false },
  momentum: { min: 0, max: 0.99, integer: false },
  batchSize: { min: 1, max: 65_536, integer: true },
  hiddenWidth: { min: 1, max: 256, integer: true },
  evalEvery: { min: 1, max: 100_000, integer: true },
  noiseEvery: { min: 0, max: 100_000, integer: true },
  stopAt: { min: 1, max: 10_000_000, integer: true },
} as const satisfies Record<string, NumericLimit>;

/** Hidden layers an MLP may have. */
export const MAX_HIDDEN_LAYERS = 4;
/** Runs a workspace compares at once. */
export const MAX_RUNS = 5;

export const MODEL_KINDS: readonly ModelKind[] = ['linear', 'mlp'];
export { ACTIVATIONS, DATASET_NAMES, SHUFFLE_MODES };

/** Why a numeric value is not allowed, or null when it is. */
export function numericProblem(value: number, limit: NumericLimit): string | null {
  if (!Number.isFinite(value)) return 'must be a number';
  if (limit.integer && !Number.isInteger(value)) return 'must be a whole number';
  if (value < limit.min || value > limit.max) return `must be between ${limit.min} and ${limit.max}`;
  return null;
}

/** The nearest allowed value (non-numbers fall back to `fallback`). */
export function clampToLimit(value: number, limit: NumericLimit, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  const rounded = limit.integer ? Math.round(value) : value;
  return Math.min(limit.max, Math.max(limit.min, rounded));
}

/** Whether a model can be trained on a dataset: the linear model only fits the 1-D regression `line`. */
export function modelFitsDataset(model: ModelKind, dataset: DatasetName): boolean {
  return model === 'mlp' || taskOf(dataset) === 'regression';
}

/** Parses `full` or a whole number of examples; null when it is neither. */
export function parseBatchSize(text: string): BatchSizeSetting | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'full' || trimmed === 'n') return 'full';
  if (!/^\d+$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** Parses MLP widths such as "16,16": 1 to MAX_HIDDEN_LAYERS whole numbers within LIMITS.hiddenWidth, else null. */
export function parseHidden(text: string): number[] | null {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length > MAX_HIDDEN_LAYERS || parts.some((p) => !/^\d+$/.test(p))) return null;
  const widths = parts.map(Number);
  return widths.every((w) => numericProblem(w, LIMITS.hiddenWidth) === null) ? widths : null;
}

/** One setting changed to make a config valid, phrased for the user. */
export interface Adjustment {
  field: string;
  message: string;
}

/** A valid config close to the given one, and what had to change. */
export function clampConfig(config: ExperimentConfig, fallback: ExperimentConfig): { config: ExperimentConfig; adjustments: Adjustment[] } {
  const adjustments: Adjustment[] = [];
  const next: ExperimentConfig = { ...config, hidden: [...config.hidden], batchSizes: [...config.batchSizes] };
  const numeric = ['n', 'noise', 'testShare', 'seed', 'lr', 'momentum', 'evalEvery', 'noiseEvery'] as const;
  for (const field of numeric) {
    const clamped = clampToLimit(next[field], LIMITS[field], fallback[field]);
    if (clamped !== next[field]) {
      adjustments.push({ field, message: `${field} ${String(next[field])} is out of range; using ${clamped}` });
      next[field] = clamped;
    }
  }
  next.batchSizes = next.batchSizes.slice(0, MAX_RUNS).map((b) => (b === 'full' ? b : clampToLimit(b, LIMITS.batchSize, 1)));
  if (next.batchSizes.some((b, i) => b !== config.batchSizes[i]) || config.batchSizes.length > MAX_RUNS) {
    adjustments.push({ field: 'batchSizes', message: `batch sizes adjusted to ${next.batchSizes.join(', ')}` });
  }
  const hidden = next.hidden.slice(0, MAX_HIDDEN_LAYERS).map((w) => clampToLimit(w, LIMITS.hiddenWidth, 16));
  if (hidden.length !== next.hidden.length || hidden.some((w, i) => w !== next.hidden[i])) {
    adjustments.push({ field: 'hidden', message: `hidden layers adjusted to ${hidden.join(',') || 'none'}` });
  }
  next.hidden = hidden;
  if (!modelFitsDataset(next.model, next.dataset)) {
    adjustments.push({ field: 'model', message: `the linear model only fits "line"; using the MLP for "${next.dataset}"` });
    next.model = 'mlp';
  }
  return { config: next, adjustments };
}
