import type { Split } from '../../engine/datasets';

/** Sums that fix the mean squared error of w·x + b on a training set: it is a quadratic in (w, b). */
export interface LineStats {
  n: number;
  mx: number;
  my: number;
  mxx: number;
  mxy: number;
  myy: number;
}

export function lineStats(train: Split): LineStats {
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < train.count; i++) {
    const x = train.x[i]!;
    const y = train.y[i]!;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
    syy += y * y;
  }
  const n = train.count;
  return { n, mx: sx / n, my: sy / n, mxx: sxx / n, mxy: sxy / n, myy: syy / n };
}

/** The full-batch loss (1/N) Σ (w·x_i + b − y_i)², from the sums. */
export function lossAt(s: LineStats, w: number, b: number): number {
  return w * w * s.mxx + 2 * w * b * s.mx + b * b - 2 * w * s.mxy - 2 * b * s.my + s.myy;
}

/** The least-squares (w, b): where both partial derivatives of the loss vanish. */
export function leastSquares(s: LineStats): { w: number; b: number } {
  const variance = s.mxx - s.mx * s.mx;
  const w = variance > 0 ? (s.mxy - s.mx * s.my) / variance : 0;
  return { w, b: s.my - w * s.mx };
}

/** A rectangle of parameter space: [wMin, wMax] × [bMin, bMax]. */
export interface Extent {
  w: [number, number];
  b: [number, number];
}

/** The smallest square-ish box around the optimum and every path point, with a margin, never thinner than `minSpan`. */
export function fitExtent(points: readonly { w: number; b: number }[], optimum: { w: number; b: number }, minSpan = 0.2): Extent {
  const ws = [optimum.w, ...points.map((p) => p.w)].filter(Number.isFinite);
  const bs = [optimum.b, ...points.map((p) => p.b)].filter(Number.isFinite);
  const span = Math.max(minSpan, Math.max(...ws) - Math.min(...ws), Math.max(...bs) - Math.min(...bs)) * 1.15;
  const cw = (Math.max(...ws) + Math.min(...ws)) / 2;
  const cb = (Math.max(...bs) + Math.min(...bs)) / 2;
  return { w: [cw - span / 2, cw + span / 2], b: [cb - span / 2, cb + span / 2] };
}

/** The loss on an nw × nb grid over the extent, row-major from (wMin, bMin) (d3-contour's layout: x fastest). */
export function lossGrid(s: LineStats, extent: Extent, nw: number, nb: number): Float64Array {
  const values = new Float64Array(nw * nb);
  for (let j = 0; j < nb; j++) {
    const b = extent.b[0] + ((extent.b[1] - extent.b[0]) * j) / (nb - 1);
    for (let i = 0; i < nw; i++) values[j * nw + i] = lossAt(s, extent.w[0] + ((extent.w[1] - extent.w[0]) * i) / (nw - 1), b);
  }
  return values;
}

/** Contour levels from just above the minimum to the largest value, spaced evenly in √(loss − min): rings evenly spaced in distance. */
export function contourLevels(min: number, max: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => min + (max - min) * ((k + 1) / (count + 1)) ** 2);
}

/**
 * Root-mean-square distance of the last `last` path points from the optimum: the size of a run's noise ball. Null
 * until the path has twice that many points, so the way down is not counted as wandering.
 */
export function noiseBall(path: readonly { w: number; b: number }[], optimum: { w: number; b: number }, last = 20): number | null {
  if (path.length < 2 * last) return null;
  const tail = path.slice(-last);
  return Math.sqrt(tail.reduce((sum, p) => sum + (p.w - optimum.w) ** 2 + (p.b - optimum.b) ** 2, 0) / tail.length);
}
