import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDataLoader, SHUFFLE_MODES, stepsPerEpoch, type ShuffleMode } from '../../../src/engine/loader';
import { batchAt, batchComposition, batchOf, compositionEpoch, ringSample, rowBatches, stripRows, upcomingBatches } from '../../../src/components/views/loader-model';
import type { RecentBatchLosses } from '../../../src/runtime/protocol';

const mode = fc.constantFrom<ShuffleMode>(...SHUFFLE_MODES);
const spec = fc.record({ n: fc.integer({ min: 1, max: 40 }), batchSize: fc.integer({ min: 1, max: 45 }), dropLast: fc.boolean(), seed: fc.integer({ min: 0, max: 1000 }), shuffle: mode });
// Steps taken, then (maybe) a shuffle change, as a user would make while training.
const history = fc.array(fc.record({ steps: fc.integer({ min: 0, max: 30 }), change: fc.option(mode, { nil: undefined }) }), { maxLength: 8 });
const list = (batches: Int32Array[]) => batches.map((b) => Array.from(b));

describe('the DataLoader view’s model of the loader', () => {
  it('shows exactly the batches the loader serves next, in every mode and after shuffle changes', () => {
    fc.assert(
      fc.property(spec, history, (s, ops) => {
        const loader = createDataLoader(s);
        for (const op of ops) {
          for (let i = 0; i < op.steps; i++) loader.next();
          if (op.change) loader.setShuffle(op.change);
        }
        const perEpoch = stepsPerEpoch(s.n, s.batchSize, s.dropLast);
        const count = 3 * perEpoch + 2;
        const predicted = upcomingBatches(loader.state(), count);
        const served = Array.from({ length: count }, () => Array.from(loader.next().indices));
        expect(list(predicted)).toEqual(served);
      }),
      { numRuns: 300 },
    );
  });

  it('recomputes every finished epoch from the modes the loader noted', () => {
    fc.assert(
      fc.property(spec, history, (s, ops) => {
        const loader = createDataLoader(s);
        const served = new Map<number, number[][]>();
        for (const op of ops) {
          for (let i = 0; i < op.steps; i++) {
            const batch = loader.next();
            served.set(batch.epoch, [...(served.get(batch.epoch) ?? []), Array.from(batch.indices)]);
          }
          if (op.change) loader.setShuffle(op.change);
        }
        const state = loader.state();
        for (const [epoch, batches] of served) {
          if (epoch >= state.epoch) continue;
          const row = stripRows({ ...state, epoch, batchInEpoch: 0 }, 1)[0]!;
          expect(list(rowBatches(row, s.dropLast))).toEqual(batches);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('marks the partial last batch, or the dropped tail with dropLast, and the batch taken next', () => {
    const loader = createDataLoader({ n: 17, batchSize: 5, shuffle: 'off', dropLast: false, seed: 1 });
    loader.next();
    const [row] = stripRows(loader.state(), 1);
    expect(row).toMatchObject({ epoch: 0, batches: 4, partial: 2, dropped: 0, next: 1 });
    expect(batchAt(row!, 0.99)).toBe(3);
    expect(rowBatches(row!, false).map((b) => Array.from(b))).toEqual([0, 1, 2, 3].map((k) => Array.from(batchOf(row!, k)!)));
    expect(batchOf(row!, 4)).toBeNull();
    const dropping = stripRows(createDataLoader({ n: 17, batchSize: 5, shuffle: 'on', dropLast: true, seed: 1 }).state(), 2);
    expect(dropping.map((r) => [r.batches, r.partial, r.dropped, r.next])).toEqual([
      [3, 0, 2, 0],
      [3, 0, 2, null],
    ]);
    // The last 2 of 17 positions are the dropped tail: no batch there.
    expect(batchAt(dropping[0]!, 16 / 17)).toBeNull();
    expect(batchAt(dropping[0]!, 14.9 / 17)).toBe(2);
  });

  it('repeats one order with `once`, the stored order with `off`, and a new order each epoch with `on`', () => {
    const rows = (shuffle: ShuffleMode) => stripRows(createDataLoader({ n: 30, batchSize: 4, shuffle, dropLast: false, seed: 3 }).state(), 3).map((r) => Array.from(r.order));
    const [a, b] = rows('on');
    expect(a).not.toEqual(b);
    const once = rows('once');
    expect(once[1]).toEqual(once[0]);
    expect(once[0]).not.toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(rows('off')[2]).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });
});

describe('the examples ringed in the data', () => {
  it('are the whole batch up to the limit, else every k-th of it, the limit at most', () => {
    const small = Int32Array.from([5, 3, 9]);
    expect(ringSample(small, 4)).toBe(small);
    const big = Int32Array.from({ length: 10 }, (_, i) => 100 + i);
    expect(Array.from(ringSample(big, 4))).toEqual([100, 102, 105, 107]);
  });
});

describe('batch composition', () => {
  // Class-sorted labels, as the datasets store them: 8 of class 0, then 8 of class 1.
  const labels = Int32Array.from({ length: 16 }, (_, i) => (i < 8 ? 0 : 1));
  const recentOf = (entries: [number, number, number][]): RecentBatchLosses => ({
    epochs: Int32Array.from(entries.map((e) => e[0])),
    batches: Int32Array.from(entries.map((e) => e[1])),
    losses: Float32Array.from(entries.map((e) => e[2])),
  });

  it('finds single-class batches without shuffling, mixed ones with it, and puts each batch’s loss beside its mix', () => {
    const sorted = createDataLoader({ n: 16, batchSize: 4, shuffle: 'off', dropLast: false, seed: 0 });
    for (let i = 0; i < 5; i++) sorted.next();
    const recent = recentOf([
      [0, 0, 0.1],
      [0, 1, 0.2],
      [0, 2, 0.9],
      [0, 3, 0.8],
      [1, 0, 0.3],
    ]);
    const state = sorted.state();
    expect(compositionEpoch(state, recent)).toBe(0);
    const c = batchComposition(state, recent, labels, 2, 0);
    expect(c).toMatchObject({ epoch: 0, batches: 4, complete: true, singleClass: 4, measured: 4 });
    expect(c.bins.map((b) => [b.shares, b.loss])).toEqual([
      [[1, 0], expect.closeTo(0.1, 6)],
      [[1, 0], expect.closeTo(0.2, 6)],
      [[0, 1], expect.closeTo(0.9, 6)],
      [[0, 1], expect.closeTo(0.8, 6)],
    ]);
    const shuffled = createDataLoader({ n: 16, batchSize: 4, shuffle: 'on', dropLast: false, seed: 0 });
    const mixed = batchComposition(shuffled.state(), recentOf([]), labels, 2, 0);
    expect(mixed.singleClass).toBeLessThan(4);
    expect(mixed.bins.every((b) => b.loss === null && Math.abs(b.shares[0]! + b.shares[1]! - 1) < 1e-12)).toBe(true);
  });

  it('groups many batches into bins whose shares are the examples’ class shares, and shows the epoch under way when the last one is not all kept', () => {
    const n = 1000;
    const many = Int32Array.from({ length: n }, (_, i) => (i < 300 ? 0 : 1));
    const loader = createDataLoader({ n, batchSize: 1, shuffle: 'off', dropLast: false, seed: 0 });
    for (let i = 0; i < n + 10; i++) loader.next();
    const state = loader.state();
    const recent = recentOf(Array.from({ length: 20 }, (_, i) => [0, 980 + i, 1] as [number, number, number]));
    expect(compositionEpoch(state, recent)).toBe(1);
    const c = batchComposition(state, recent, many, 2, 0, 10);
    expect(c.bins).toHaveLength(10);
    expect(c.bins.map((b) => b.shares[0])).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(c.bins.at(-1)!.loss).toBe(1);
    expect(c.bins[0]!.loss).toBeNull();
  });
});
