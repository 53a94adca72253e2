/**
 * Most rows one piece of work covers. A pass over 65,536 rows holds a shared GPU (a software one above all) for
 * up to hundreds of ms and the page stops drawing meanwhile; pieces run one after another, each awaited, leave the
 * browser gaps to draw in.
 */
export const PIECE_ROWS = 4096;

/** Rows [start, start + rows) of part `part`. */
export interface RowPiece {
  part: number;
  start: number;
  rows: number;
}

/**
 * Cuts parts of `counts[i]` rows into pieces of at most `limit` rows, in order, and groups consecutive pieces into
 * transfers of at most `limit` rows in all (small parts share one transfer).
 */
export function pieceGroups(counts: readonly number[], limit = PIECE_ROWS): RowPiece[][] {
  const groups: RowPiece[][] = [];
  let current: RowPiece[] = [];
  let rowsInCurrent = 0;
  counts.forEach((count, part) => {
    for (let start = 0; start < count; start += limit) {
      const rows = Math.min(limit, count - start);
      if (rowsInCurrent + rows > limit && current.length > 0) {
        groups.push(current);
        current = [];
        rowsInCurrent = 0;
      }
      current.push({ part, start, rows });
      rowsInCurrent += rows;
    }
  });
  if (current.length > 0) groups.push(current);
  return groups;
}
