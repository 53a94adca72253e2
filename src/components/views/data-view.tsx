import { useEffect, useMemo, useRef } from 'react';
import { formatCount } from '../format';
import { useElementSize } from '../use-element-size';
import { useShallow } from 'zustand/react/shallow';
import { datasetExtent, generateDataset } from '../../engine/datasets';
import { useMetricsStore } from '../../store/metrics-store';
import { runLabels } from '../../store/run-settings';
import { useSettingsStore } from '../../store/settings-store';
import { CLASS_COLOURS, CLASS_RGB, drawBoundary, drawCurves, hexToRgb, project, REGRESSION_RGB } from './draw-data';
import { rasterPoints, rasterRings, type PointStyle, type Raster } from './raster-points';

/** A raster as a canvas, ready to be drawn at device-pixel scale with one drawImage. */
function toCanvas(raster: Raster): HTMLCanvasElement {
  const layer = document.createElement('canvas');
  layer.width = raster.width;
  layer.height = raster.height;
  layer.getContext('2d')?.putImageData(new ImageData(raster.pixels, raster.width, raster.height), 0, 0);
  return layer;
}

/** "the 32" or, for a sample, "2,048 of the 16,384". */
function ringedCount(ringed: { indices: Int32Array; of?: number }): string {
  return ringed.of ? `${formatCount(ringed.indices.length)} of the ${formatCount(ringed.of)}` : `the ${formatCount(ringed.indices.length)}`;
}

/** Draws, leaving a User Timing entry so bench:ui can report what drawing N points costs. */
function timedDrawing<T>(n: number, draw: () => T): T {
  const started = performance.now();
  const result = draw();
  performance.measure('data-view-points', { start: started, detail: { n } });
  return result;
}

function drawLayer(ctx: CanvasRenderingContext2D, layer: HTMLCanvasElement): void {
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(layer, 0, 0);
  ctx.restore();
}

/** Examples to ring instead of slow motion's current batch, in a run's colour, with what they are. */
export interface RingedExamples {
  colour: string;
  indices: Int32Array;
  label: string;
  /** The batch's size when `indices` is a sample of it. */
  of?: number;
}

/**
 * The training data on a canvas, with the focused run's decision boundary (or every run's fitted line) and current
 * batch. `ringed` rings other examples instead (the DataLoader view's batch); `compact` leaves out the heading.
 */
export function DataView({ ringed, compact = false }: { ringed?: RingedExamples | null; compact?: boolean } = {}) {
  const experiment = useSettingsStore((s) => s.experiment);
  const runs = useSettingsStore(useShallow((s) => s.runs));
  const focusRunId = useSettingsStore((s) => s.focusRunId);
  const setFocus = useSettingsStore((s) => s.setFocus);
  const view = useMetricsStore((s) => s.view);
  const slowBatch = useMetricsStore((s) => s.batch);
  const { dataset: name, n, noise, testShare, seed } = experiment;
  // The page regenerates the same seeded data the trainer uses: no need to send it across.
  const dataset = useMemo(() => generateDataset({ name, n, noise, testShare, seed }), [name, n, noise, testShare, seed]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const {
    ref: frame,
    size: { width, height },
  } = useElementSize<HTMLDivElement>({ width: 0, height: 0 });
  const focusRun = runs.find((r) => r.id === focusRunId) ?? runs[0];

  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const extent = useMemo(() => datasetExtent(dataset), [dataset]);
  // The points are rasterised once per dataset and size (any N in a few ms), then reused by every redraw.
  const pointsLayer = useMemo(() => {
    if (width === 0 || height === 0 || typeof document === 'undefined') return null;
    const size = { width: Math.round(width * ratio), height: Math.round(height * ratio), ratio };
    return timedDrawing(dataset.train.count, () => {
      const { raster, style } = rasterPoints(dataset, project(extent, width, height), size, CLASS_RGB, REGRESSION_RGB);
      return { canvas: toCanvas(raster), style };
    });
  }, [dataset, extent, width, height, ratio]);
  const batch = useMemo(
    (): (Omit<RingedExamples, 'colour'> & { colour: string | null }) | null =>
      ringed === undefined ? (slowBatch ? { indices: slowBatch.indices, colour: runs.find((r) => r.id === slowBatch.runId)?.colour ?? null, label: 'current batch' } : null) : ringed,
    [ringed, slowBatch, runs],
  );
  const batchColour = batch?.colour ?? null;
  const batchLayer = useMemo(() => {
    if (!batch || !batchColour || width === 0 || height === 0 || typeof document === 'undefined') return null;
    const size = { width: Math.round(width * ratio), height: Math.round(height * ratio), ratio };
    return toCanvas(rasterRings(dataset, batch.indices, project(extent, width, height), size, hexToRgb(batchColour)));
  }, [dataset, extent, batch, batchColour, width, height, ratio]);
  const curveColours = useMemo(() => new Map(runs.filter((r) => r.enabled).map((r) => [r.id, r.colour])), [runs]);

  useEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d');
    if (!element || !ctx || width === 0 || height === 0) return;
    element.width = Math.round(width * ratio);
    element.height = Math.round(height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    const p = project(extent, width, height);
    if (view?.kind === 'boundary' && dataset.task === 'classification') drawBoundary(ctx, view, p);
    if (pointsLayer) drawLayer(ctx, pointsLayer.canvas);
    if (view?.kind === 'curves' && dataset.task === 'regression') drawCurves(ctx, view, curveColours, p);
    if (batchLayer) drawLayer(ctx, batchLayer);
  }, [dataset, extent, view, pointsLayer, batchLayer, curveColours, width, height, ratio]);

  const style: PointStyle = pointsLayer?.style ?? 'points';
  const classes = dataset.task === 'classification' ? dataset.outputDim : 0;
  return (
    <section className={compact ? 'data-panel compact' : 'data-panel'} aria-label="Data view">
      {compact ? null : (
        <div className="panel-head">
          <p className="panel-note">The training set{dataset.task === 'classification' ? ', over one run’s decision boundary' : ''}.</p>
          {dataset.task === 'classification' ? (
            <label className="inline-field">
              <span>Boundary of</span>
              <select value={focusRun?.id} onChange={(e) => setFocus(e.target.value)}>
                {runs.map((r) => (
                  <option key={r.id} value={r.id}>
                    {runLabels(runs, n)[r.id]}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <span className="panel-note">Each run’s fitted line, in its colour</span>
          )}
        </div>
      )}
      <div className="canvas-frame" ref={frame}>
        <canvas ref={canvas} style={{ width: `${width}px`, height: `${height}px` }} role="img" aria-label={`${dataset.train.count} training points of “${name}”${style === 'density' ? ' as a density image' : ''}${batch ? `, ${ringedCount(batch)} examples of the ${batch.label} ringed` : ''}`} />
      </div>
      <p className="legend-line">
        {Array.from({ length: classes }, (_, c) => (
          <span key={c} className="legend-item">
            <span className="dot" style={{ background: CLASS_COLOURS[c] }} /> class {c}
          </span>
        ))}
        {batch ? (
          <span className="legend-item">
            ◯ {batch.label}
            {batch.of ? ` (${formatCount(batch.indices.length)} of its ${formatCount(batch.of)} ringed)` : ''}
          </span>
        ) : null}
        {style === 'density' ? <span className="legend-item">{dataset.train.count.toLocaleString('en-US')} points drawn as a density image: darker where they crowd</span> : null}
      </p>
    </section>
  );
}
