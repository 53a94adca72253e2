import type { StripRow } from './loader-model';
import { ordinal } from './loader-text';

/** Strip geometry in CSS pixels. */
export const STRIP = { labelWidth: 124, rowHeight: 26, rowGap: 10, top: 6, right: 8, minBoundaryGap: 5 } as const;

export type Rgb = readonly [number, number, number];

/** Where each row's strip sits: x from `left` to `left + width`, row k from `top(k)` for rowHeight. */
export function stripGeometry(width: number, rows: number) {
  const left = STRIP.labelWidth;
  const stripWidth = Math.max(1, width - left - STRIP.right);
  const top = (row: number) => STRIP.top + row * (STRIP.rowHeight + STRIP.rowGap);
  return { left, stripWidth, top, height: top(rows) };
}

/**
 * One row as `columns` pixel colours, RGBA: each column the mean colour of the examples it covers, so any N (up to
 * 65,536 and beyond) draws in one pass over the order and a mix of classes reads as a blend.
 */
export function rowPixels(order: Int32Array, colourOf: (example: number) => Rgb, columns: number): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(columns * 4);
  const n = order.length;
  for (let c = 0; c < columns; c++) {
    const from = Math.floor((c * n) / columns);
    const to = Math.max(from + 1, Math.floor(((c + 1) * n) / columns));
    let r = 0;
    let g = 0;
    let b = 0;
    for (let i = from; i < to; i++) {
      const rgb = colourOf(order[i]!);
      r += rgb[0];
      g += rgb[1];
      b += rgb[2];
    }
    const count = to - from;
    pixels.set([r / count, g / count, b / count, 255], 4 * c);
  }
  return pixels;
}

/** A batch's span along its row, in CSS pixels from the strip's left edge. */
export function batchSpan(row: StripRow, batch: number, stripWidth: number): { x: number; width: number } {
  const from = batch * row.batchSize;
  const to = Math.min(row.order.length, from + row.batchSize);
  const x = (from / row.order.length) * stripWidth;
  return { x, width: ((to - from) / row.order.length) * stripWidth };
}

function hatch(ctx: CanvasRenderingContext2D, x: number, y: number, width: number, height: number, colour: string): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, width, height);
  ctx.clip();
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let d = -height; d < width; d += 6) {
    ctx.moveTo(x + d, y + height);
    ctx.lineTo(x + d + height, y);
  }
  ctx.stroke();
  ctx.restore();
}

export interface StripDrawing {
  rows: readonly StripRow[];
  /** The batch of the first row the run takes next: outlined in its colour. */
  next: number | null;
  /** Each row's pixels at device resolution (see rowPixels), one entry per row. */
  pixels: readonly Uint8ClampedArray<ArrayBuffer>[];
  width: number;
  ratio: number;
  runColour: string;
  /** The batch pointed at or chosen: outlined dashed. */
  picked: { row: number; batch: number } | null;
}

/** Draws the stacked epochs: examples in serving order, batch boundaries, the partial or dropped tail, the next batch. */
export function drawLoaderStrip(ctx: CanvasRenderingContext2D, { rows, next, pixels, width, ratio, runColour, picked }: StripDrawing): void {
  const { left, stripWidth, top, height } = stripGeometry(width, rows.length);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = '13px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  rows.forEach((row, k) => {
    const y = top(k);
    const h = STRIP.rowHeight;
    ctx.fillStyle = '#1d2733';
    ctx.fillText(k === 0 ? `epoch ${ordinal(row.epoch)} · now` : `epoch ${ordinal(row.epoch)}`, 0, y + h / 2);
    const line = pixels[k];
    if (line) {
      const layer = new OffscreenCanvas(line.length / 4, 1);
      layer.getContext('2d')?.putImageData(new ImageData(line, line.length / 4, 1), 0, 0);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(layer, left, y, stripWidth, h);
    }
    const gap = (row.batchSize / row.order.length) * stripWidth;
    if (gap >= STRIP.minBoundaryGap) {
      // A white cut through the row and dark ticks just outside it: readable on every class colour and on the x ramp.
      for (let b = 0; b <= row.batches; b++) {
        const x = left + b * gap;
        ctx.fillStyle = '#ffffff';
        if (b > 0 && b < row.batches) ctx.fillRect(x - 0.75, y, 1.5, h);
        ctx.fillStyle = '#1d2733';
        ctx.fillRect(x - 0.75, y - 3, 1.5, 3);
        ctx.fillRect(x - 0.75, y + h, 1.5, 3);
      }
    }
    if (row.partial > 0) {
      const span = batchSpan(row, row.batches - 1, stripWidth);
      hatch(ctx, left + span.x, y, span.width, h, 'rgba(29, 39, 51, 0.45)');
    }
    if (row.dropped > 0) {
      const x = left + ((row.order.length - row.dropped) / row.order.length) * stripWidth;
      const w = (row.dropped / row.order.length) * stripWidth;
      ctx.fillStyle = 'rgba(255, 255, 255, 0.75)';
      ctx.fillRect(x, y, w, h);
      hatch(ctx, x, y, w, h, 'rgba(29, 39, 51, 0.6)');
    }
    ctx.strokeStyle = '#c4cbd3';
    ctx.lineWidth = 1;
    ctx.strokeRect(left - 0.5, y - 0.5, stripWidth + 1, h + 1);
    if (k === 0 && next !== null) outline(ctx, left, y, batchSpan(row, next, stripWidth), runColour, []);
    if (picked?.row === k) outline(ctx, left, y, batchSpan(row, picked.batch, stripWidth), '#1d2733', [4, 3]);
  });
}

/** A batch outlined a little above and below its row, never thinner than 4 px so B = 1 at large N stays visible. */
function outline(ctx: CanvasRenderingContext2D, left: number, y: number, span: { x: number; width: number }, colour: string, dash: number[]): void {
  const width = Math.max(4, span.width);
  const x = left + span.x + span.width / 2 - width / 2;
  ctx.save();
  ctx.setLineDash(dash);
  ctx.strokeStyle = colour;
  ctx.lineWidth = 3;
  ctx.strokeRect(x, y - 4, width, STRIP.rowHeight + 8);
  ctx.restore();
}
