import type { ModelView } from '../../runtime/protocol';

/** Class colours (sky blue, yellow, grey): distinct from every run colour, with dark outlines. */
export const CLASS_COLOURS = ['#56B4E9', '#F0E442', '#9A9A9A'] as const;
/** The class colours as RGB triples (for pixel work). */
export const CLASS_RGB = [
  [86, 180, 233],
  [240, 228, 66],
  [154, 154, 154],
] as const;
/** Regression points: one neutral colour. */
export const REGRESSION_RGB = [138, 162, 184] as const;

/** A '#rrggbb' colour as an RGB triple. */
export function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

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
