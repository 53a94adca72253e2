import type { ShuffleMode } from '../../engine/loader';
import { formatCount } from '../format';
import type { StripRow } from './loader-model';

/** Epochs and batches as a reader counts them, from 1 (the loader and the CLI's JSON index them from 0). */
export const ordinal = (index: number): string => formatCount(index + 1);

/** What the stacked epochs show, per shuffle mode of the epoch under way. */
export const SHUFFLE_READING: Record<ShuffleMode, string> = {
  on: 'Shuffle every epoch: each row is a new order, so each epoch’s batches hold new mixes.',
  once: 'Shuffled once: every row repeats the same order, so the same batches come round each epoch.',
  off: 'No shuffle: every row is the stored order (by class, or by x on “line”), so neighbours share a batch.',
};

/** What the strip shows: per shuffle mode, or for a run whose one batch is the whole set, that order cannot matter. */
export function loaderReading(shuffle: ShuffleMode, batches: number): string {
  if (batches === 1) return 'One batch per epoch, the whole set: whatever the order, every step sees the same examples, so shuffling changes nothing.';
  return SHUFFLE_READING[shuffle];
}

/** What the view says while it has no loader to show: the backend is starting, the runs restart, or the read is on its way. */
export function loaderWaitText(backendReady: boolean, restarting: boolean, runLabel: string | null): string {
  if (!runLabel) return 'There is no run to show: add one under the cards.';
  if (!backendReady) return 'Starting the training backend: the loader appears once the runs exist.';
  if (restarting) return `The runs restart on the new settings: ${runLabel}’s loader appears once it has.`;
  return `Reading ${runLabel}’s loader…`;
}

/** How many examples of each class a batch holds: "class 0: 17, class 1: 15". */
export function classCounts(indices: Int32Array, labels: ArrayLike<number>, classes: number): string {
  const counts = new Array<number>(classes).fill(0);
  for (const i of indices) counts[labels[i]!]! += 1;
  return counts.map((c, k) => `class ${k}: ${c}`).join(', ');
}

/** The strip's text alternative: the epochs shown, their modes, where the run stands. */
export function describeStrip(rows: readonly StripRow[], runLabel: string, dropLast: boolean): string {
  const first = rows[0];
  if (!first) return `The loader of ${runLabel}: not read yet.`;
  const same = rows.every((r) => r.order.every((v, i) => v === first.order[i]));
  const tail = first.partial > 0 ? `, the last one partial (${first.partial} examples)` : first.dropped > 0 && dropLast ? `; the last ${first.dropped} examples are dropped` : '';
  return `The order in which the loader of ${runLabel} serves the ${formatCount(first.order.length)} training examples, epochs ${ordinal(first.epoch)} to ${ordinal(first.epoch + rows.length - 1)}, one row each, cut into ${formatCount(first.batches)} batch${first.batches === 1 ? '' : 'es'} of ${formatCount(first.batchSize)}${tail}. ${same ? 'Every row has the same order.' : 'The rows’ orders differ.'} The run takes batch ${ordinal(first.next ?? 0)} of epoch ${ordinal(first.epoch)} next.`;
}

/** The line under the strip: the batch pointed at (or the next one), what it holds. */
export function pickedText(rows: readonly StripRow[], shown: { row: number; batch: number } | null, picked: boolean, indices: Int32Array | null, labels: ArrayLike<number> | null, classes: number): string {
  const row = shown ? rows[shown.row] : undefined;
  if (!shown || !row || !indices) return 'Point at a batch in the strip (or focus it and use the arrow keys) to ring its examples in the data.';
  const what = `${picked ? 'Batch' : 'Next: batch'} ${ordinal(shown.batch)} of ${formatCount(row.batches)} in epoch ${ordinal(row.epoch)}`;
  const first = Array.from(indices.subarray(0, 8)).join(', ');
  const mix = labels && classes > 0 ? ` (${classCounts(indices, labels, classes)})` : '';
  return `${what}: ${formatCount(indices.length)} example${indices.length === 1 ? '' : 's'}${mix}, starting ${first}${indices.length > 8 ? ', …' : ''}.`;
}
