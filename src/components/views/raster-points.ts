import type { Dataset } from '../../engine/datasets';
import type { Projection } from './draw-data';

/** An RGBA picture, row-major, premultiplied nowhere: what `new ImageData(pixels, width)` takes. */
export interface Raster {
  width: number;
  height: number;
  pixels: Uint8ClampedArray<ArrayBuffer>;
}

/** Above this many points they are drawn as a density image (each cell's class mix, darker where points crowd). */
export const DENSITY_THRESHOLD = 4096;
const DENSITY_CELL = 2;
const OUTLINE: readonly [number, number, number] = [31, 41, 51];

/** The points' pixel positions (device pixels) and their colours. */
function pointPixels(dataset: Dataset, p: Projection, ratio: number): { xs: Float32Array; ys: Float32Array } {
  const d = dataset.inputDim;
  const count = dataset.train.count;
  const xs = new Float32Array(count);
  const ys = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    xs[i] = p.x(dataset.train.x[i * d]!) * ratio;
    ys[i] = p.y(d === 2 ? dataset.train.x[i * d + 1]! : dataset.train.y[i]!) * ratio;
  }
  return { xs, ys };
}

/** Blends `rgb` at coverage `alpha` (0…1) into pixel `k`. */
function blend(pixels: Uint8ClampedArray, k: number, rgb: readonly number[], alpha: number): void {
  const a = pixels[k + 3]! / 255;
  const outA = alpha + a * (1 - alpha);
  if (outA <= 0) return;
  for (let c = 0; c < 3; c++) pixels[k + c] = (rgb[c]! * alpha + pixels[k + c]! * a * (1 - alpha)) / outA;
  pixels[k + 3] = outA * 255;
}

/**
 * Stamps a disc (fill, then a dark outline ring) or, with `fill` null, a ring alone, at each position, with
 * anti-aliased edges. Cost grows with points × disc area, not with canvas draw calls.
 */
export function stampDiscs(raster: Raster, xs: Float32Array, ys: Float32Array, colourOf: (i: number) => readonly number[] | null, radius: number, ring: { width: number; colour: readonly number[] | null }): void {
  const { width, height, pixels } = raster;
  const outer = radius + ring.width;
  const reach = Math.ceil(outer + 1);
  for (let i = 0; i < xs.length; i++) {
    const cx = xs[i]!;
    const cy = ys[i]!;
    const fill = colourOf(i);
    const ringColour = ring.colour ?? OUTLINE;
    const x0 = Math.max(0, Math.floor(cx - reach));
    const x1 = Math.min(width - 1, Math.ceil(cx + reach));
    const y0 = Math.max(0, Math.floor(cy - reach));
    const y1 = Math.min(height - 1, Math.ceil(cy + reach));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const dx = x + 0.5 - cx;
        const dy = y + 0.5 - cy;
        // Math.hypot is several times slower here, and this runs for every pixel of every disc.
        const distance = Math.sqrt(dx * dx + dy * dy);
        const inOuter = Math.min(1, Math.max(0, outer + 0.5 - distance));
        if (inOuter <= 0) continue;
        const k = (y * width + x) * 4;
        const inInner = Math.min(1, Math.max(0, radius + 0.5 - distance));
        if (fill && inInner > 0) blend(pixels, k, fill, inInner);
        const ringCoverage = inOuter * (1 - inInner);
        if (ring.width > 0 && ringCoverage > 0) blend(pixels, k, ringColour, ringCoverage);
      }
    }
  }
}

/** Each cell's class mix, opacity rising with the log of its count, so dense and sparse regions both read. */
function densityImage(raster: Raster, xs: Float32Array, ys: Float32Array, classOf: (i: number) => number, classRgb: readonly (readonly number[])[]): void {
  const cols = Math.ceil(raster.width / DENSITY_CELL);
  const rows = Math.ceil(raster.height / DENSITY_CELL);
  const classes = classRgb.length;
  const counts = new Uint32Array(cols * rows * classes);
  for (let i = 0; i < xs.length; i++) {
    const col = Math.floor(xs[i]! / DENSITY_CELL);
    const row = Math.floor(ys[i]! / DENSITY_CELL);
    if (col < 0 || row < 0 || col >= cols || row >= rows) continue;
    counts[(row * cols + col) * classes + classOf(i)]!++;
  }
  let most = 1;
  const totals = new Uint32Array(cols * rows);
  for (let cell = 0; cell < cols * rows; cell++) {
    for (let c = 0; c < classes; c++) totals[cell]! += counts[cell * classes + c]!;
    most = Math.max(most, totals[cell]!);
  }
  const { width, height, pixels } = raster;
  const logMost = Math.log1p(most);
  for (let cell = 0; cell < cols * rows; cell++) {
    const total = totals[cell]!;
    if (total === 0) continue;
    // Darken crowded cells towards the outline colour so density reads as well as class.
    const crowd = Math.log1p(total) / logMost;
    const keep = 1 - 0.45 * crowd;
    let r = 0.45 * crowd * OUTLINE[0];
    let g = 0.45 * crowd * OUTLINE[1];
    let b = 0.45 * crowd * OUTLINE[2];
    for (let c = 0; c < classes; c++) {
      const share = (keep * counts[cell * classes + c]!) / total;
      r += share * classRgb[c]![0]!;
      g += share * classRgb[c]![1]!;
      b += share * classRgb[c]![2]!;
    }
    const alpha = 255 * (0.55 + 0.45 * crowd);
    const x0 = (cell % cols) * DENSITY_CELL;
    const y0 = Math.floor(cell / cols) * DENSITY_CELL;
    // The layer starts transparent and cells do not overlap: write the pixels, no blending needed.
    for (let y = y0; y < Math.min(y0 + DENSITY_CELL, height); y++) {
      for (let x = x0; x < Math.min(x0 + DENSITY_CELL, width); x++) {
        const k = (y * width + x) * 4;
        pixels[k] = r;
        pixels[k + 1] = g;
        pixels[k + 2] = b;
        pixels[k + 3] = alpha;
      }
    }
  }
}

/** How the points were drawn, for the view's caption and text alternative. */
export type PointStyle = 'points' | 'density';

/** The training points as a picture of `width`×`height` device pixels: discs up to DENSITY_THRESHOLD, a density image above. */
export function rasterPoints(dataset: Dataset, p: Projection, size: { width: number; height: number; ratio: number }, classRgb: readonly (readonly number[])[], regressionRgb: readonly number[]): { raster: Raster; style: PointStyle } {
  const raster: Raster = { width: size.width, height: size.height, pixels: new Uint8ClampedArray(size.width * size.height * 4) };
  const { xs, ys } = pointPixels(dataset, p, size.ratio);
  const classification = dataset.task === 'classification';
  const classOf = (i: number) => (classification ? dataset.train.y[i]! : 0);
  const colours = classification ? classRgb : [regressionRgb];
  if (dataset.train.count > DENSITY_THRESHOLD) {
    densityImage(raster, xs, ys, classOf, colours);
    return { raster, style: 'density' };
  }
  const radius = (dataset.train.count > 2000 ? 1.5 : dataset.train.count > 500 ? 2.5 : 3.5) * size.ratio;
  stampDiscs(raster, xs, ys, (i) => colours[classOf(i)]!, radius, { width: size.ratio, colour: null });
  return { raster, style: 'points' };
}

/** Rings round the given examples (the current batch), in `rgb`, as a transparent overlay. */
export function rasterRings(dataset: Dataset, indices: Int32Array, p: Projection, size: { width: number; height: number; ratio: number }, rgb: readonly number[]): Raster {
  const raster: Raster = { width: size.width, height: size.height, pixels: new Uint8ClampedArray(size.width * size.height * 4) };
  const d = dataset.inputDim;
  const valid = Array.from(indices).filter((i) => i >= 0 && i < dataset.train.count);
  const xs = Float32Array.from(valid, (i) => p.x(dataset.train.x[i * d]!) * size.ratio);
  const ys = Float32Array.from(valid, (i) => p.y(d === 2 ? dataset.train.x[i * d + 1]! : dataset.train.y[i]!) * size.ratio);
  // Big batches get thin rings, so the batch reads as a highlighted region rather than a solid blot.
  const many = valid.length > 256;
  stampDiscs(raster, xs, ys, () => null, (many ? 2 : 5.5) * size.ratio, { width: (many ? 1 : 2.5) * size.ratio, colour: rgb });
  return raster;
}
