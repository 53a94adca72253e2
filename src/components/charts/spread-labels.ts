/**
 * Label positions (pixels, y down) pushed apart, keeping their order, so that neighbours are at least `gap` apart and
 * all stay within [top, bottom] when there is room; returned in the input order.
 */
export function spreadLabels(positions: readonly number[], gap: number, [top, bottom]: [number, number]): number[] {
  const order = positions.map((y, index) => ({ y: Math.min(bottom, Math.max(top, y)), index })).sort((a, b) => a.y - b.y);
  // Push down past each upper neighbour, then back up from the bottom edge, then down again from the top edge.
  for (let i = 1; i < order.length; i++) order[i]!.y = Math.max(order[i]!.y, order[i - 1]!.y + gap);
  if (order.length > 0) order.at(-1)!.y = Math.min(order.at(-1)!.y, bottom);
  for (let i = order.length - 2; i >= 0; i--) order[i]!.y = Math.min(order[i]!.y, order[i + 1]!.y - gap);
  for (let i = 0; i < order.length; i++) order[i]!.y = Math.max(order[i]!.y, i === 0 ? top : order[i - 1]!.y + gap);
  const spread = new Array<number>(positions.length);
  for (const { y, index } of order) spread[index] = y;
  return spread;
}
