import type { StepRecord } from '../engine/trainer-types';
import type { RecentBatchLosses } from '../runtime/protocol';

/** Steps whose batch losses a run keeps one by one (the chart history averages them): two epochs of B = 32 at N = 65,536. */
export const RECENT_BATCH_LOSSES = 4096;

/** The last `capacity` steps' batch losses, each with the loader position of its batch. */
export interface BatchLossRing {
  push(records: readonly StepRecord[]): void;
  /** Oldest first. */
  snapshot(): RecentBatchLosses;
}

export function createBatchLossRing(capacity = RECENT_BATCH_LOSSES): BatchLossRing {
  const epochs = new Int32Array(capacity);
  const batches = new Int32Array(capacity);
  const losses = new Float32Array(capacity);
  let next = 0;
  let size = 0;
  return {
    push(records) {
      for (const record of records) {
        epochs[next] = record.batchEpoch;
        batches[next] = record.batchInEpoch;
        losses[next] = record.batchLoss;
        next = (next + 1) % capacity;
        size = Math.min(capacity, size + 1);
      }
    },
    snapshot() {
      const start = (next - size + capacity) % capacity;
      const take = <T extends Int32Array | Float32Array>(values: T, out: T): T => {
        for (let i = 0; i < size; i++) out[i] = values[(start + i) % capacity]!;
        return out;
      };
      return { epochs: take(epochs, new Int32Array(size)), batches: take(batches, new Int32Array(size)), losses: take(losses, new Float32Array(size)) };
    },
  };
}
