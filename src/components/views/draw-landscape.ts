import { contours } from 'd3-contour';
import type { PathPoint } from '../../store/parameter-path';
import { linearTicks } from '../charts/nice-ticks';
import { formatTick } from '../format';
import { contourLevels, lossGrid, type Extent, type LineStats } from './landscape-model';

/** Room for tick labels: left (b) and bottom (w), in CSS pixels. */
export const LANDSCAPE_MARGIN = { left: 44, bottom: 30, top: 8, right: 8 };
const GRID = 90;
const LEVELS = 12;
// A light sequential ramp (low loss lightest), so run paths in their colours stay readable on top.
const RAMP: [number, number, number][] = [
  [247, 251, 255],
  [198, 219, 239],
  [107, 174, 214],
];

function rampColour(t: number): string {
  const scaled = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(scaled));
  const f = scaled - i;
  const [a, b] = [RAMP[i]!, RAMP[i + 1]!];
  return `rgb(${a.map((v, k) => Math.round(v + (b[k]! - v) * f)).join(',')})`;
}

/** Pixel mapping of the plot area inside the margins. */
export function landscapeProjection(extent: Extent, width: number, height: number) {
  const plotW = width - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;
  const plotH = height - LANDSCAPE_MARGIN.top - LANDSCAPE_MARGIN.bottom;
  return {
    plotW,
    plotH,
    x: (w: number) => LANDSCAPE_MARGIN.left + ((w - extent.w[0]) / (extent.w[1] - extent.w[0])) * plotW,
    y: (b: number) => LANDSCAPE_MARGIN.top + plotH - ((b - extent.b[0]) / (extent.b[1] - extent.b[0])) * plotH,
    w: (px: number) => extent.w[0] + ((px - LANDSCAPE_MARGIN.left) / plotW) * (extent.w[1] - extent.w[0]),
    b: (py: number) => extent.b[0] + ((LANDSCAPE_MARGIN.top + plotH - py) / plotH) * (extent.b[1] - extent.b[0]),
  };
}

export interface LandscapeRun {
  id: string;
  colour: string;
  path: readonly PathPoint[];
  ball: number | null;
}

/** Filled loss contours (d3-contour), the optimum, each run's noise ball, path and current point, and the axes. */
export function drawLandscape(ctx: CanvasRenderingContext2D, stats: LineStats, extent: Extent, optimum: { w: number; b: number }, runs: readonly LandscapeRun[], width: number, height: number): void {
  const p = landscapeProjection(extent, width, height);
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const grid = lossGrid(stats, extent, GRID, GRID);
  let min = Infinity;
  let max = -Infinity;
  for (const v of grid) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const levels = contourLevels(min, max, LEVELS);
  ctx.save();
  ctx.beginPath();
  ctx.rect(LANDSCAPE_MARGIN.left, LANDSCAPE_MARGIN.top, p.plotW, p.plotH);
  ctx.clip();
  ctx.fillStyle = rampColour(0);
  ctx.fillRect(LANDSCAPE_MARGIN.left, LANDSCAPE_MARGIN.top, p.plotW, p.plotH);
  // d3-contour's polygon for a level encloses everything at or above it: paint them from the lowest level up, each
  // darker, so the bowl darkens outwards and its floor stays lightest.
  const bands = contours().size([GRID, GRID]).thresholds(levels)(Array.from(grid));
  const cellW = p.plotW / (GRID - 1);
  const cellH = p.plotH / (GRID - 1);
  bands.forEach((band, k) => {
    ctx.beginPath();
    for (const polygon of band.coordinates) {
      for (const ring of polygon) {
        ring.forEach(([gx, gy], i) => {
          const px = LANDSCAPE_MARGIN.left + (gx! - 0.5) * cellW;
          const py = LANDSCAPE_MARGIN.top + p.plotH - (gy! - 0.5) * cellH;
          if (i === 0) ctx.moveTo(px, py);
          else ctx.lineTo(px, py);
        });
        ctx.closePath();
      }
    }
    ctx.fillStyle = rampColour((k + 1) / bands.length);
    ctx.fill('evenodd');
    ctx.strokeStyle = 'rgba(29, 39, 51, 0.18)';
    ctx.lineWidth = 1;
    ctx.stroke();
  });
  for (const run of runs) {
    if (run.ball !== null && run.ball > 0) {
      ctx.beginPath();
      ctx.ellipse(p.x(optimum.w), p.y(optimum.b), (run.ball / (extent.w[1] - extent.w[0])) * p.plotW, (run.ball / (extent.b[1] - extent.b[0])) * p.plotH, 0, 0, 2 * Math.PI);
      ctx.setLineDash([5, 4]);
      ctx.strokeStyle = run.colour;
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }
  for (const run of runs) {
    if (run.path.length === 0) continue;
    ctx.beginPath();
    run.path.forEach((point, i) => (i === 0 ? ctx.moveTo(p.x(point.w), p.y(point.b)) : ctx.lineTo(p.x(point.w), p.y(point.b))));
    ctx.strokeStyle = run.colour;
    ctx.lineWidth = 2.5;
    ctx.lineJoin = 'round';
    ctx.stroke();
    const last = run.path.at(-1)!;
    ctx.beginPath();
    ctx.arc(p.x(last.w), p.y(last.b), 6, 0, 2 * Math.PI);
    ctx.fillStyle = run.colour;
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2;
    ctx.stroke();
  }
  // The least-squares optimum: a dark cross.
  const [ox, oy] = [p.x(optimum.w), p.y(optimum.b)];
  ctx.strokeStyle = '#1d2733';
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(ox - 7, oy - 7);
  ctx.lineTo(ox + 7, oy + 7);
  ctx.moveTo(ox + 7, oy - 7);
  ctx.lineTo(ox - 7, oy + 7);
  ctx.stroke();
  ctx.restore();
  drawAxes(ctx, extent, p, height);
}

function drawAxes(ctx: CanvasRenderingContext2D, extent: Extent, p: ReturnType<typeof landscapeProjection>, height: number): void {
  ctx.fillStyle = '#3a4450';
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const w of linearTicks(extent.w, 6)) ctx.fillText(formatTick(w), p.x(w), height - LANDSCAPE_MARGIN.bottom + 4);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const b of linearTicks(extent.b, 6)) ctx.fillText(formatTick(b), LANDSCAPE_MARGIN.left - 6, p.y(b));
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  ctx.fillText('w →', LANDSCAPE_MARGIN.left + p.plotW - 28, height - 2);
  ctx.save();
  ctx.translate(12, LANDSCAPE_MARGIN.top + 24);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'right';
  ctx.fillText('b →', 0, 0);
  ctx.restore();
}
