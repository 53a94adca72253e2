import { createRng, permutation } from './rng';

/** How the loader orders examples: `on` re-draws every epoch, `once` keeps one shuffled order, `off` the stored order. */
export const SHUFFLE_MODES = ['on', 'once', 'off'] as const;
export type ShuffleMode = (typeof SHUFFLE_MODES)[number];

/** DataLoader settings: n examples (≥ 1), batch size ≥ 1 (≥ n means full batch). */
export interface LoaderSpec {
  n: number;
  batchSize: number;
  shuffle: ShuffleMode;
  dropLast: boolean;
  seed: number;
}

/** The order in which epoch `epoch` (0-based) visits the n examples. */
export function epochOrder(n: number, shuffle: ShuffleMode, seed: number, epoch: number): Int32Array {
  if (shuffle === 'off') return Int32Array.from({ length: n }, (_, i) => i);
  // `once` reuses epoch 0's permutation forever; `on` draws a fresh one per epoch from its own sub-stream.
  return permutation(n, createRng(seed, 'loader', shuffle === 'once' ? 0 : epoch));
}

/** Batch size actually used: a batch can never hold more than the n examples. */
export function effectiveBatchSize(n: number, batchSize: number): number {
  return Math.max(1, Math.min(n, Math.floor(batchSize)));
}

/** Steps in one epoch: ⌈n/B⌉, or ⌊n/B⌋ with dropLast (never below 1). */
export function stepsPerEpoch(n: number, batchSize: number, dropLast: boolean): number {
  const b = effectiveBatchSize(n, batchSize);
  return Math.max(1, dropLast ? Math.floor(n / b) : Math.ceil(n / b));
}

/** Cuts an epoch's order into batches of B; the last partial batch is kept unless dropLast. */
export function cutBatches(order: Int32Array, batchSize: number, dropLast: boolean): Int32Array[] {
  const b = effectiveBatchSize(order.length, batchSize);
  const count = stepsPerEpoch(order.length, b, dropLast);
  const batches: Int32Array[] = [];
  for (let k = 0; k < count; k++) batches.push(order.slice(k * b, Math.min(order.length, (k + 1) * b)));
  return batches;
}

/** The batches of epoch `epoch`, each a list of example indices. */
export function epochBatches(spec: LoaderSpec, epoch: number): Int32Array[] {
  return cutBatches(epochOrder(spec.n, spec.shuffle, spec.seed, epoch), spec.batchSize, spec.dropLast);
}

/** One batch handed out by the loader. */
export interface LoaderBatch {
  indices: Int32Array;
  /** 0-based epoch this batch belongs to. */
  epoch: number;
  /** 0-based position of this batch in its epoch. */
  batchInEpoch: number;
  batchesInEpoch: number;
}

/** From epoch `fromEpoch` on, the epochs were cut with `shuffle` (until the next span). */
export interface ShuffleSpan {
  fromEpoch: number;
  shuffle: ShuffleMode;
}

/** Where a loader stands and how it cut its epochs: enough to recompute every batch it served or will serve. */
export interface LoaderState {
  /** The settings; `spec.shuffle` is the mode the next epochs will be cut with. */
  spec: LoaderSpec;
  /** The shuffle mode of every epoch cut so far, oldest first (one span per change). */
  spans: ShuffleSpan[];
  /** Position of the batch `next()` will return. */
  epoch: number;
  batchInEpoch: number;
  batchesInEpoch: number;
}

/** The shuffle mode epoch `epoch` was (or, past the spans, will be) cut with. */
export function shuffleOfEpoch(state: Pick<LoaderState, 'spec' | 'spans' | 'epoch'>, epoch: number): ShuffleMode {
  if (epoch > state.epoch) return state.spec.shuffle;
  let mode = state.spans[0]?.shuffle ?? state.spec.shuffle;
  for (const span of state.spans) if (span.fromEpoch <= epoch) mode = span.shuffle;
  return mode;
}

/** A stateful DataLoader over epochs; a shuffle change takes effect when the next epoch is cut. */
export interface DataLoader {
  /** The batch `next()` will return, without consuming it. */
  peek(): LoaderBatch;
  next(): LoaderBatch;
  setShuffle(mode: ShuffleMode): void;
  /** Restarts from epoch 0 and skips `steps` batches, as if they had been served. */
  seek(steps: number): void;
  /** A copy of the loader's position and the modes its epochs were cut with. */
  state(): LoaderState;
  readonly spec: Readonly<LoaderSpec>;
}

/** Creates a DataLoader positioned at the start of epoch 0. */
export function createDataLoader(initial: LoaderSpec): DataLoader {
  const spec: LoaderSpec = { ...initial };
  let epoch = 0;
  let position = 0;
  let spans: ShuffleSpan[] = [];
  /** Cuts epoch `epoch` with the current mode and notes the mode (a re-cut of the same epoch replaces the note). */
  const cut = () => {
    while (spans.length > 0 && spans[spans.length - 1]!.fromEpoch >= epoch) spans.pop();
    if (spans[spans.length - 1]?.shuffle !== spec.shuffle) spans.push({ fromEpoch: epoch, shuffle: spec.shuffle });
    return epochBatches(spec, epoch);
  };
  let batches = cut();
  const current = (): LoaderBatch => ({
    indices: batches[position]!,
    epoch,
    batchInEpoch: position,
    batchesInEpoch: batches.length,
  });
  return {
    spec,
    peek: current,
    next: () => {
      const batch = current();
      position++;
      if (position >= batches.length) {
        epoch++;
        position = 0;
        batches = cut();
      }
      return batch;
    },
    seek: (steps) => {
      const perEpoch = stepsPerEpoch(spec.n, spec.batchSize, spec.dropLast);
      epoch = Math.floor(steps / perEpoch);
      position = steps % perEpoch;
      // Earlier epochs' modes are not known after a jump: the record starts at the epoch landed in.
      spans = [];
      batches = cut();
    },
    state: () => ({ spec: { ...spec }, spans: spans.map((span) => ({ ...span })), epoch, batchInEpoch: position, batchesInEpoch: batches.length }),
    setShuffle: (mode) => {
      spec.shuffle = mode;
      // The batches of the epoch under way stay as they were cut; only a fresh epoch uses the new mode.
      if (position === 0) batches = cut();
    },
  };
}
