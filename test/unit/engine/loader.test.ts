import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDataLoader, cutBatches, epochBatches, epochOrder, stepsPerEpoch, type ShuffleMode } from '../../../src/engine/loader';

const shuffleMode = fc.constantFrom<ShuffleMode>('on', 'once', 'off');
const loaderSpec = fc.record({
  n: fc.integer({ min: 1, max: 300 }),
  batchSize: fc.integer({ min: 1, max: 400 }),
  shuffle: shuffleMode,
  dropLast: fc.boolean(),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

function sortedCopy(values: Iterable<number>): number[] {
  return Array.from(values).sort((a, b) => a - b);
}

describe('DataLoader', () => {
  it('visits every example exactly once per epoch (all but the dropped remainder with dropLast)', () => {
    fc.assert(
      fc.property(loaderSpec, fc.integer({ min: 0, max: 5 }), (spec, epoch) => {
        const batches = epochBatches(spec, epoch);
        const seen = batches.flatMap((b) => Array.from(b));
        const b = Math.min(spec.batchSize, spec.n);
        expect(new Set(seen).size).toBe(seen.length);
        if (spec.dropLast) {
          expect(seen.length).toBe(Math.max(1, Math.floor(spec.n / b)) * b);
        } else {
          expect(sortedCopy(seen)).toEqual(Array.from({ length: spec.n }, (_, i) => i));
        }
      }),
    );
  });

  it('cuts batches of B with only the last one partial, and ⌈N/B⌉ (⌊N/B⌋ with dropLast) steps per epoch', () => {
    fc.assert(
      fc.property(loaderSpec, (spec) => {
        const batches = epochBatches(spec, 0);
        const b = Math.min(spec.batchSize, spec.n);
        expect(batches.length).toBe(stepsPerEpoch(spec.n, spec.batchSize, spec.dropLast));
        expect(batches.length).toBe(spec.dropLast ? Math.max(1, Math.floor(spec.n / b)) : Math.ceil(spec.n / b));
        batches.slice(0, -1).forEach((batch) => expect(batch.length).toBe(b));
        const last = batches[batches.length - 1]!;
        expect(last.length).toBe(spec.dropLast ? b : spec.n - (batches.length - 1) * b);
      }),
    );
  });

  it('gives one batch of all N examples when B ≥ N (full-batch gradient descent)', () => {
    fc.assert(
      fc.property(loaderSpec, (spec) => {
        const batches = epochBatches({ ...spec, batchSize: spec.n + spec.batchSize - 1 }, 3);
        expect(batches).toHaveLength(1);
        expect(batches[0]!.length).toBe(spec.n);
      }),
    );
  });

  it('serves the same batches for the same seed', () => {
    fc.assert(
      fc.property(loaderSpec, fc.integer({ min: 0, max: 5 }), (spec, epoch) => {
        expect(epochBatches(spec, epoch)).toEqual(epochBatches({ ...spec }, epoch));
      }),
    );
  });

  it('keeps the stored order with shuffle off', () => {
    expect(Array.from(epochOrder(7, 'off', 3, 4))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('repeats one shuffled order every epoch with shuffle once', () => {
    const first = epochOrder(50, 'once', 9, 0);
    expect(Array.from(first)).not.toEqual(Array.from(epochOrder(50, 'off', 9, 0)));
    for (const epoch of [1, 2, 7]) expect(epochOrder(50, 'once', 9, epoch)).toEqual(first);
  });

  it('re-draws the order at every epoch with shuffle on', () => {
    const orders = [0, 1, 2, 3].map((epoch) => Array.from(epochOrder(50, 'on', 9, epoch)).join(','));
    expect(new Set(orders).size).toBe(4);
  });

  it('reproduces the source text example: 15 items in batches of 5 give 3 batches covering 0–14', () => {
    const batches = cutBatches(epochOrder(15, 'on', 1, 0), 5, false);
    expect(batches.map((b) => b.length)).toEqual([5, 5, 5]);
    expect(sortedCopy(batches.flatMap((b) => Array.from(b)))).toEqual(Array.from({ length: 15 }, (_, i) => i));
  });

  it('walks epochs in order and applies a shuffle change from the next epoch only', () => {
    const loader = createDataLoader({ n: 10, batchSize: 4, shuffle: 'off', dropLast: false, seed: 5 });
    const first = loader.next();
    expect(Array.from(first.indices)).toEqual([0, 1, 2, 3]);
    loader.setShuffle('on');
    expect(Array.from(loader.next().indices)).toEqual([4, 5, 6, 7]);
    const tail = loader.next();
    expect(Array.from(tail.indices)).toEqual([8, 9]);
    expect(tail).toMatchObject({ epoch: 0, batchInEpoch: 2, batchesInEpoch: 3 });
    const nextEpoch = loader.peek();
    expect(nextEpoch.epoch).toBe(1);
    const expected = epochBatches({ n: 10, batchSize: 4, shuffle: 'on', dropLast: false, seed: 5 }, 1);
    expect(loader.next().indices).toEqual(expected[0]);
  });

  it('peek returns the next batch without consuming it', () => {
    const loader = createDataLoader({ n: 9, batchSize: 3, shuffle: 'on', dropLast: false, seed: 2 });
    const peeked = loader.peek();
    expect(loader.next()).toEqual(peeked);
    expect(loader.next().batchInEpoch).toBe(1);
  });
});
