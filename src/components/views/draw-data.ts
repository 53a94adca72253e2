import type { Dataset } from '../../engine/datasets';
import type { ModelView } from '../../runtime/protocol';

/** Class colours (sky blue, yellow, grey): distinct from every run colour, with dark outlines. */
export const CLASS_COLOURS = ['#56B4E9', '#F0E442', '#9A9A9A'] as const;
const CLASS_RGB = [
  [86, 180, 233],
  [240, 228, 66],
  [154, 154, 154],
] as const;

/** Maps data coordinates to canvas pixels. */
export interface Projection {
  x(value: number): number;
  y(value: number): number;
}

export function project(extent: [number, number, number, number], width: number, height: number): Projection {
  const [xMin, xMax, yMin, yMax] = extent;
  return {
    x: (v) => ((v - xMin) / (xMax - xMin)) * width,
    y: (v) => height - ((v - yMin) / (yMax - yMin)) * height,
  };
}

/** The decision boundary as a light wash: each cell mixes the class colours by predicted probability. */
export function drawBoundary(ctx: CanvasRenderingContext2D, view: Extract<ModelView, { kind: 'boundary' }>, p: Projection): void {
  const { resolution, extent, classes, probabilities } = view;
  const image = new ImageData(resolution, resolution);
  for (let cell = 0; cell < resolution * resolution; cell++) {
    let r = 0;
    let g = 0;
    let b = 0;
    for (let c = 0; c < classes; c++) {
      const weight = probabilities[cell * classes + c]!;
      r += weight * CLASS_RGB[c]![0];
      g += weight * CLASS_RGB[c]![1];
      b += weight * CLASS_RGB[c]![2];
    }
    // Blend towards white so the points on top stay readable.
    image.data.set([255 - 0.45 * (255 - r), 255 - 0.45 * (255 - g), 255 - 0.45 * (255 - b), 255], cell * 4);
  }
  const tile = document.createElement('canvas');
  tile.width = resolution;
  tile.height = resolution;
  tile.getContext('2d')?.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  const left = p.x(extent[0]);
  const top = p.y(extent[3]);
  ctx.drawImage(tile, left, top, p.x(extent[1]) - left, p.y(extent[2]) - top);
}

/** Training points: class colours with dark outlines (regression: one neutral colour). */
export function drawPoints(ctx: CanvasRenderingContext2D, dataset: Dataset, p: Projection, radius: number): void {
  const d = dataset.inputDim;
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#1f2933';
  for (let i = 0; i < dataset.train.count; i++) {
    const px = dataset.train.x[i * d]!;
    const py = d === 2 ? dataset.train.x[i * d + 1]! : dataset.train.y[i]!;
    ctx.fillStyle = dataset.task === 'classification' ? CLASS_COLOURS[dataset.train.y[i]!]! : '#8aa2b8';
    ctx.beginPath();
    ctx.arc(p.x(px), p.y(py), radius, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
}

/** Rings round the examples of the current batch, in the run's colour. */
export function drawBatch(ctx: CanvasRenderingContext2D, dataset: Dataset, indices: Int32Array, colour: string, p: Projection, radius: number): void {
  const d = dataset.inputDim;
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = colour;
  for (const i of indices) {
    if (i >= dataset.train.count) continue;
    const px = dataset.train.x[i * d]!;
    const py = d === 2 ? dataset.train.x[i * d + 1]! : dataset.train.y[i]!;
    ctx.beginPath();
    ctx.arc(p.x(px), p.y(py), radius + 4, 0, 2 * Math.PI);
    ctx.stroke();
  }
}

/** Each run's fitted curve (regression), in its colour. */
export function drawCurves(ctx: CanvasRenderingContext2D, view: Extract<ModelView, { kind: 'curves' }>, colours: Map<string, string>, p: Projection): void {
  ctx.lineWidth = 3;
  for (const curve of view.curves) {
    const colour = colours.get(curve.runId);
    if (!colour) continue;
    ctx.strokeStyle = colour;
    ctx.beginPath();
    view.xs.forEach((x, k) => {
      const y = curve.ys[k]!;
      if (k === 0) ctx.moveTo(p.x(x), p.y(y));
      else ctx.lineTo(p.x(x), p.y(y));
    });
    ctx.stroke();
  }
}
