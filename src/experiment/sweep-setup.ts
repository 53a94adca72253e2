import type { DatasetSpec } from '../engine/datasets';
import type { ModelSpec } from '../engine/models';
import { SWEEP_MAX_BATCH, sweepBatchSizes } from '../engine/throughput';
import { datasetSpecOf, modelSpecOf, type ExperimentConfig } from './config';

/** The sweep's hidden-layer width: the workspace's own model, or every hidden layer this wide. */
export type SweepWidth = 'model' | 16 | 256 | 1024;

export const SWEEP_WIDTHS: readonly SweepWidth[] = ['model', 16, 256, 1024];

/** The largest batch sizes a sweep may go up to (its dataset has that many examples). */
export const SWEEP_LARGEST_CHOICES: readonly number[] = [256, 1024, 4096, 16_384, SWEEP_MAX_BATCH];

/** The model a sweep times: the workspace's, or an MLP of its depth (two layers for the linear model) at `width`. */
export function sweepModel(config: ExperimentConfig, width: SweepWidth): ModelSpec {
  if (width === 'model') return modelSpecOf(config);
  const depth = config.model === 'mlp' ? Math.max(1, config.hidden.length) : 2;
  return { kind: 'mlp', hidden: new Array<number>(depth).fill(width), activation: config.activation };
}

/** Hidden widths as the sweep reports them ([] for the linear model). */
export function hiddenOf(model: ModelSpec): number[] {
  return model.kind === 'mlp' ? [...model.hidden] : [];
}

/** A seeded copy of the workspace's dataset with as many training examples as the largest batch (B = N last). */
export function sweepDataset(config: ExperimentConfig, largest: number): DatasetSpec {
  const sizes = sweepBatchSizes(largest);
  return { ...datasetSpecOf(config), n: Math.max(8, sizes[sizes.length - 1]!) };
}

/** "hidden 16×2" or "linear": how a sweep's model is named in legends. */
export function modelTitle(model: ModelSpec): string {
  if (model.kind === 'linear') return 'linear model';
  const widths = model.hidden;
  return widths.every((w) => w === widths[0]) ? `hidden ${widths[0]}×${widths.length}` : `hidden ${widths.join(',')}`;
}
