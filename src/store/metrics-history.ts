import type { BatchLossPoint, EvalPoint, NoisePoint, RunEvent, RunPosition, RunStatus, RunUpdate } from '../runtime/protocol';

/** A run's speed as its status reported it at one position: from its own compute clock, timed blocks only. */
export interface ThroughputPoint extends RunPosition {
  stepsPerSecond: number;
  examplesPerSecond: number;
}

/** Points kept per series before the history is thinned (every other point goes, the first and last stay). */
export const MAX_HISTORY_POINTS = 4000;

/** A run's whole measured history: charts and export read it, the UI store only gets downsampled views. */
export interface RunHistory {
  batchLosses: BatchLossPoint[];
  evals: EvalPoint[];
  events: RunEvent[];
  noise: NoisePoint[];
  throughput: ThroughputPoint[];
  status: RunStatus;
}

/**
 * The status's speed as a new throughput point: only a live figure (timed blocks, not carried over from before a
 * run of single slow-motion steps) and only when the run has moved on since `last`.
 */
export function throughputPoint(status: RunStatus, last: ThroughputPoint | undefined): ThroughputPoint | null {
  if (status.stepsPerSecond === null || status.examplesPerSecond === null || status.timingSource !== 'live') return null;
  if (last && status.step <= last.step) return null;
  return { step: status.step, epoch: status.epoch, examples: status.examplesSeen, seconds: status.computeSeconds, stepsPerSecond: status.stepsPerSecond, examplesPerSecond: status.examplesPerSecond };
}

/** Appends, then halves evenly when over `max`; the start of the run is never dropped. */
export function appendDecimated<T>(list: T[], items: T[], max = MAX_HISTORY_POINTS): T[] {
  let next = items.length ? [...list, ...items] : list;
  while (next.length > max) {
    const last = next.length - 1;
    next = next.filter((_, i) => i % 2 === 0 || i === last);
  }
  return next;
}

/** Every run's history for one experiment generation. */
export interface MetricsHistory {
  readonly generation: number;
  runs(): ReadonlyMap<string, RunHistory>;
  /** Applies a batch of updates; a new generation or a run's reset clears what no longer applies. */
  ingest(generation: number, updates: RunUpdate[]): void;
  /** Forgets every run (a restart is on its way). */
  clear(): void;
}

export function createMetricsHistory(): MetricsHistory {
  let generation = -1;
  let runs = new Map<string, RunHistory>();
  return {
    get generation() {
      return generation;
    },
    runs: () => runs,
    clear() {
      runs = new Map();
    },
    ingest(nextGeneration, updates) {
      if (nextGeneration !== generation) {
        generation = nextGeneration;
        runs = new Map();
      }
      const present = new Set(updates.map((u) => u.status.id));
      for (const id of [...runs.keys()]) if (!present.has(id)) runs.delete(id);
      for (const update of updates) {
        const id = update.status.id;
        const old = update.reset ? undefined : runs.get(id);
        const speed = throughputPoint(update.status, old?.throughput.at(-1));
        runs.set(id, {
          batchLosses: appendDecimated(old?.batchLosses ?? [], update.batchLosses),
          evals: appendDecimated(old?.evals ?? [], update.evals),
          events: [...(old?.events ?? []), ...update.events],
          noise: appendDecimated(old?.noise ?? [], update.noise),
          throughput: appendDecimated(old?.throughput ?? [], speed ? [speed] : []),
          status: update.status,
        });
      }
    },
  };
}
