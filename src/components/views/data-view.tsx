import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { datasetExtent, generateDataset } from '../../engine/datasets';
import { useMetricsStore } from '../../store/metrics-store';
import { runLabel } from '../../store/run-settings';
import { useSettingsStore } from '../../store/settings-store';
import { CLASS_COLOURS, drawBatch, drawBoundary, drawCurves, drawPoints, project } from './draw-data';

function useElementSize(ref: React.RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** The training data on a canvas, with the focused run's decision boundary (or every run's fitted line) and current batch. */
export function DataView() {
  const experiment = useSettingsStore((s) => s.experiment);
  const runs = useSettingsStore(useShallow((s) => s.runs));
  const focusRunId = useSettingsStore((s) => s.focusRunId);
  const setFocus = useSettingsStore((s) => s.setFocus);
  const view = useMetricsStore((s) => s.view);
  const batch = useMetricsStore((s) => s.batch);
  const { dataset: name, n, noise, testShare, seed } = experiment;
  // The page regenerates the same seeded data the trainer uses: no need to send it across.
  const dataset = useMemo(() => generateDataset({ name, n, noise, testShare, seed }), [name, n, noise, testShare, seed]);
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const { width, height } = useElementSize(frame);
  const focusRun = runs.find((r) => r.id === focusRunId) ?? runs[0];

  useEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d');
    if (!element || !ctx || width === 0 || height === 0) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = width * ratio;
    element.height = height * ratio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    const p = project(datasetExtent(dataset), width, height);
    const radius = dataset.train.count > 2000 ? 1.5 : dataset.train.count > 500 ? 2.5 : 3.5;
    if (view?.kind === 'boundary' && dataset.task === 'classification') drawBoundary(ctx, view, p);
    drawPoints(ctx, dataset, p, radius);
    if (view?.kind === 'curves' && dataset.task === 'regression') drawCurves(ctx, view, new Map(runs.filter((r) => r.enabled).map((r) => [r.id, r.colour])), p);
    const batchRun = runs.find((r) => r.id === batch?.runId);
    if (batch && batchRun) drawBatch(ctx, dataset, batch.indices, batchRun.colour, p, radius);
  }, [dataset, view, batch, runs, width, height]);

  const classes = dataset.task === 'classification' ? dataset.outputDim : 0;
  return (
    <section className="panel data-panel" aria-label="Data view">
      <div className="panel-head">
        <h2>Data</h2>
        {dataset.task === 'classification' ? (
          <label className="inline-field">
            <span>Boundary of</span>
            <select value={focusRun?.id} onChange={(e) => setFocus(e.target.value)}>
              {runs.map((r) => (
                <option key={r.id} value={r.id}>
                  {runLabel(r.batchSize, n)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="panel-note">Each run’s fitted line, in its colour</span>
        )}
      </div>
      <div className="canvas-frame" ref={frame}>
        <canvas ref={canvas} style={{ width: `${width}px`, height: `${height}px` }} role="img" aria-label={`${dataset.train.count} training points of “${name}”${batch ? `, the ${batch.indices.length} examples of the current batch ringed` : ''}`} />
      </div>
      <p className="legend-line">
        {Array.from({ length: classes }, (_, c) => (
          <span key={c} className="legend-item">
            <span className="dot" style={{ background: CLASS_COLOURS[c] }} /> class {c}
          </span>
        ))}
        {batch ? <span className="legend-item">◯ current batch</span> : null}
      </p>
    </section>
  );
}
