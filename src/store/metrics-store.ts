import { create } from 'zustand';
import type { BackendInfo, EvalPoint, ModelView, RunStatus } from '../runtime/protocol';
import type { RunSeries } from './chart-series';
import type { NoiseSeries } from './noise-series';
import type { PathPoint } from './parameter-path';
import type { Comparison } from './comparison';
import type { RunHealth } from './run-health';
import type { RunPosition } from '../runtime/protocol';
import type { ThroughputSeries } from './throughput-series';

/** A finished curve kept, faded, for comparison after a change. */
export interface PinnedCurve {
  id: string;
  label: string;
  colour: string;
  evals: EvalPoint[];
}

/** What the page shows of the training: flushed at most 5 times a second, with downsampled series. */
export interface MetricsState {
  generation: number;
  playing: boolean;
  /** Play was pressed and training starts once the runs are ready (a restart, a backend switch, a warm-up). */
  starting: boolean;
  backend: BackendInfo | null;
  statuses: Record<string, RunStatus>;
  series: Record<string, RunSeries>;
  /** Each run's path through (w, b), for two-parameter models (empty otherwise). */
  paths: Record<string, PathPoint[]>;
  /** Each run's gradient-noise lines on the current x-axis. */
  noise: Record<string, NoiseSeries>;
  /** How far the loss chart reached when `noise` was published: the noise charts share its x-range. */
  noiseReach: number;
  /** Each run's steps/s and examples/s over training, on the current x-axis (published with `noise`). */
  throughput: Record<string, ThroughputSeries>;
  /** Each run's latest full-set evaluation. */
  latest: Record<string, EvalPoint>;
  comparison: Comparison | null;
  /** For each run that is still the same experiment as an earlier one (repeatsSoFar), that run's id. */
  repeats: Record<string, string>;
  /** Each run's health read from its evaluations (unstable, stuck), and where it first got into trouble. */
  health: Record<string, RunHealth>;
  trouble: Record<string, RunPosition>;
  view: ModelView | null;
  batch: { runId: string; indices: Int32Array } | null;
  pinned: PinnedCurve[];
}

export const useMetricsStore = create<MetricsState>()(() => ({
  generation: -1,
  playing: false,
  starting: false,
  backend: null,
  statuses: {},
  series: {},
  noise: {},
  noiseReach: 0,
  throughput: {},
  paths: {},
  latest: {},
  comparison: null,
  repeats: {},
  health: {},
  trouble: {},
  view: null,
  batch: null,
  pinned: [],
}));
