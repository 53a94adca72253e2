import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PIECE_ROWS, pieceGroups } from '../../../src/engine/row-pieces';

describe('pieceGroups', () => {
  it('keeps small parts together in one transfer', () => {
    expect(pieceGroups([512, 128])).toEqual([[{ part: 0, start: 0, rows: 512 }, { part: 1, start: 0, rows: 128 }]]);
  });

  it('cuts a large part into pieces of at most the limit, one per transfer', () => {
    expect(pieceGroups([20_000], 8192)).toEqual([
      [{ part: 0, start: 0, rows: 8192 }],
      [{ part: 0, start: 8192, rows: 8192 }],
      [{ part: 0, start: 16_384, rows: 3616 }],
    ]);
    expect(pieceGroups([65_536, 16_384], 8192)).toHaveLength(10);
    expect(pieceGroups([65_536])).toHaveLength(65_536 / PIECE_ROWS);
  });

  it('covers every row of every part exactly once, in order, and no transfer exceeds the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 5 }), fc.integer({ min: 1, max: 64 }), (counts, limit) => {
        const groups = pieceGroups(counts, limit);
        for (const group of groups) expect(group.reduce((sum, p) => sum + p.rows, 0)).toBeLessThanOrEqual(limit);
        const pieces = groups.flat();
        counts.forEach((count, part) => {
          let next = 0;
          for (const piece of pieces.filter((p) => p.part === part)) {
            expect(piece.start).toBe(next);
            next += piece.rows;
          }
          expect(next).toBe(count);
        });
      }),
    );
  });
});
