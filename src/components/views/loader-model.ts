import { cutBatches, effectiveBatchSize, epochOrder, shuffleOfEpoch, stepsPerEpoch, type LoaderState, type ShuffleMode } from '../../engine/loader';
import type { RecentBatchLosses } from '../../runtime/protocol';

/** Epochs the strip stacks: the one under way and the next ones. */
export const STRIP_EPOCHS = 4;
/** The composition chart groups batches into at most this many bars. */
export const COMPOSITION_BINS = 96;

/** One epoch as the loader serves it: every example in order, cut into batches of B. */
export interface StripRow {
  epoch: number;
  shuffle: ShuffleMode;
  /** Example indices in the order served; with dropLast the tail left out is still here, after the last batch. */
  order: Int32Array;
  batchSize: number;
  /** Batches served this epoch. */
  batches: number;
  /** Examples in the last batch when it is short (0 when every batch is full or the short one is dropped). */
  partial: number;
  /** Examples left out at the end of the order (dropLast). */
  dropped: number;
  /** The batch the run takes next (the epoch under way only). */
  next: number | null;
}

/** The epoch under way and the `count − 1` after it, each with the shuffle mode it is (or will be) cut with. */
export function stripRows(state: LoaderState, count = STRIP_EPOCHS): StripRow[] {
  const { n, seed, dropLast } = state.spec;
  const batchSize = effectiveBatchSize(n, state.spec.batchSize);
  const batches = stepsPerEpoch(n, batchSize, dropLast);
  const remainder = n % batchSize;
  return Array.from({ length: count }, (_, k) => {
    const epoch = state.epoch + k;
    const shuffle = shuffleOfEpoch(state, epoch);
    return {
      epoch,
      shuffle,
      order: epochOrder(n, shuffle, seed, epoch),
      batchSize,
      batches,
      partial: dropLast || n < batchSize ? 0 : remainder,
      dropped: dropLast && n >= batchSize ? remainder : 0,
      next: k === 0 ? state.batchInEpoch : null,
    };
  });
}

/** The batches of one strip row. */
export function rowBatches(row: StripRow, dropLast: boolean): Int32Array[] {
  return cutBatches(row.order, row.batchSize, dropLast);
}

/** Batch `batch` of a row as a view into its order (no copy), or null past its last batch. */
export function batchOf(row: StripRow, batch: number): Int32Array | null {
  if (batch < 0 || batch >= row.batches) return null;
  return row.order.subarray(batch * row.batchSize, Math.min(row.order.length, (batch + 1) * row.batchSize));
}

/** The next `count` batches the strip shows the run taking, in order (the rows read left to right, top to bottom). */
export function upcomingBatches(state: LoaderState, count: number): Int32Array[] {
  const perEpoch = stepsPerEpoch(state.spec.n, state.spec.batchSize, state.spec.dropLast);
  const rows = stripRows(state, Math.ceil((state.batchInEpoch + count) / perEpoch) + 1);
  return rows.flatMap((row) => rowBatches(row, state.spec.dropLast).slice(row.next ?? 0)).slice(0, count);
}

/** Which batch of a row a point `fraction` (0–1) of the way along it falls in; null on the dropped tail. */
export function batchAt(row: StripRow, fraction: number): number | null {
  const position = Math.floor(Math.min(Math.max(fraction, 0), 1 - 1e-9) * row.order.length);
  const batch = Math.floor(position / row.batchSize);
  return batch < row.batches ? batch : null;
}

/** The most examples of one batch the data view rings: ringing tens of thousands costs a frame and shows nothing more. */
export const RING_LIMIT = 2048;

/** A batch's examples to ring: all of them, or every k-th, RING_LIMIT at most, spread over the batch. */
export function ringSample(indices: Int32Array, limit = RING_LIMIT): Int32Array {
  if (indices.length <= limit) return indices;
  return Int32Array.from({ length: limit }, (_, i) => indices[Math.floor((i * indices.length) / limit)]!);
}

/** A group of consecutive batches of one epoch: their class mix and their mean batch loss. */
export interface CompositionBin {
  /** First batch and one past the last, 0-based within the epoch. */
  from: number;
  to: number;
  /** Share of each class among the examples of these batches (sums to 1). */
  shares: number[];
  /** Mean of the batch losses measured for these batches; null where none is kept. */
  loss: number | null;
}

export interface BatchComposition {
  epoch: number;
  shuffle: ShuffleMode;
  batches: number;
  /** Whether the epoch has finished (otherwise its later batches have no loss yet). */
  complete: boolean;
  bins: CompositionBin[];
  /** Batches made of one class only. */
  singleClass: number;
  /** Batches of the epoch with a measured loss. */
  measured: number;
}

/**
 * The epoch to show: the last finished one when the kept losses cover all of it (a whole cause-and-effect picture),
 * else the one under way (a large epoch of small batches takes minutes; its losses fill in as it goes).
 */
export function compositionEpoch(state: LoaderState, recent: RecentBatchLosses): number {
  if (state.epoch === 0) return 0;
  const previous = state.epoch - 1;
  let kept = 0;
  for (let i = 0; i < recent.epochs.length; i++) if (recent.epochs[i] === previous) kept++;
  return kept >= state.batchesInEpoch ? previous : state.epoch;
}

/**
 * Each batch's class mix over one epoch, grouped into at most `maxBins` bars, beside the loss each batch gave. One pass
 * over the epoch's order, no array per batch: B = 1 at N = 65,536 is 65,536 batches, read four times a second.
 */
export function batchComposition(state: LoaderState, recent: RecentBatchLosses, labels: ArrayLike<number>, classes: number, epoch: number, maxBins = COMPOSITION_BINS): BatchComposition {
  const { n, seed, dropLast } = state.spec;
  const shuffle = shuffleOfEpoch(state, epoch);
  const order = epochOrder(n, shuffle, seed, epoch);
  const batchSize = effectiveBatchSize(n, state.spec.batchSize);
  const batches = stepsPerEpoch(n, batchSize, dropLast);
  const losses = new Map<number, number>();
  for (let i = 0; i < recent.epochs.length; i++) if (recent.epochs[i] === epoch && Number.isFinite(recent.losses[i]!)) losses.set(recent.batches[i]!, recent.losses[i]!);
  const binCount = Math.min(batches, maxBins);
  const perClass = new Float64Array(classes);
  let singleClass = 0;
  const bins: CompositionBin[] = Array.from({ length: binCount }, (_, b) => {
    const from = Math.floor((b * batches) / binCount);
    const to = Math.floor(((b + 1) * batches) / binCount);
    const total = new Array<number>(classes).fill(0);
    let lossSum = 0;
    let lossCount = 0;
    for (let k = from; k < to; k++) {
      perClass.fill(0);
      const end = Math.min(n, (k + 1) * batchSize);
      for (let i = k * batchSize; i < end; i++) perClass[labels[order[i]!]!]! += 1;
      let present = 0;
      perClass.forEach((c, cls) => {
        total[cls]! += c;
        if (c > 0) present++;
      });
      if (present === 1) singleClass++;
      const loss = losses.get(k);
      if (loss !== undefined) {
        lossSum += loss;
        lossCount++;
      }
    }
    const examples = total.reduce((sum, c) => sum + c, 0);
    return { from, to, shares: total.map((c) => c / examples), loss: lossCount > 0 ? lossSum / lossCount : null };
  });
  return { epoch, shuffle, batches, complete: epoch < state.epoch, bins, singleClass, measured: losses.size };
}
