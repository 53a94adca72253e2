import { useDeferredValue, useEffect, useMemo, useRef, useState, type PointerEvent, type WheelEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { generateDataset } from '../../engine/datasets';
import { resolveBatchSize } from '../../experiment/config';
import { useMetricsStore } from '../../store/metrics-store';
import { runLabels } from '../../store/run-settings';
import { useSettingsStore } from '../../store/settings-store';
import { Explainer } from '../explain/explainer';
import { formatNumber } from '../format';
import { useElementSize } from '../use-element-size';
import { drawLandscape, landscapeProjection, type LandscapeRun } from './draw-landscape';
import { fitExtent, leastSquares, lineStats, lossAt, noiseBall, type Extent } from './landscape-model';

// Each wheel notch zooms by this factor about the pointer.
const WHEEL_ZOOM = 1.2;

/** The exact full-batch loss of the linear model on `line` over (w, b), with every run's path through it. */
export function LandscapeView() {
  const experiment = useSettingsStore((s) => s.experiment);
  const setExperiment = useSettingsStore((s) => s.setExperiment);
  if (experiment.dataset !== 'line' || experiment.model !== 'linear') {
    return (
      <div className="analysis-view landscape-unavailable">
        <p>The loss landscape is drawn for the two-parameter linear model on the <strong>line</strong> dataset: its loss is a bowl over (w, b) that fits on a screen.</p>
        <button type="button" onClick={() => setExperiment({ dataset: 'line', model: 'linear' })}>
          Switch to line with the linear model
        </button>
      </div>
    );
  }
  return <LineLandscape />;
}

function LineLandscape() {
  const { dataset: name, n, noise, testShare, seed } = useSettingsStore((s) => s.experiment);
  const runs = useSettingsStore(useShallow((s) => s.runs));
  const paths = useDeferredValue(useMetricsStore((s) => s.paths));
  const stats = useMemo(() => lineStats(generateDataset({ name, n, noise, testShare, seed }).train), [name, n, noise, testShare, seed]);
  const optimum = useMemo(() => leastSquares(stats), [stats]);
  const labels = runLabels(runs, n);
  const drawn = useMemo<(LandscapeRun & { label: string; fullBatch: boolean })[]>(
    () => runs.filter((r) => r.enabled).map((r) => ({ id: r.id, label: labels[r.id]!, colour: r.colour, path: paths[r.id] ?? [], fullBatch: resolveBatchSize(r.batchSize, n) >= n, ball: resolveBatchSize(r.batchSize, n) >= n ? null : noiseBall(paths[r.id] ?? [], optimum) })),
    [runs, labels, paths, optimum, n],
  );
  const auto = useMemo(() => fitExtent(drawn.flatMap((r) => r.path), optimum), [drawn, optimum]);
  const [manual, setManual] = useState<Extent | null>(null);
  const extent = manual ?? auto;
  const { ref, size } = useElementSize<HTMLDivElement>({ width: 600, height: 360 });
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ x: number; y: number; extent: Extent } | null>(null);

  useEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d');
    if (!element || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = Math.round(size.width * ratio);
    element.height = Math.round(size.height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawLandscape(ctx, stats, extent, optimum, drawn, size.width, size.height);
  }, [stats, extent, optimum, drawn, size]);

  const zoom = (event: WheelEvent<HTMLCanvasElement>) => {
    event.preventDefault();
    const p = landscapeProjection(extent, size.width, size.height);
    const box = event.currentTarget.getBoundingClientRect();
    const w = p.w(event.clientX - box.left);
    const b = p.b(event.clientY - box.top);
    const f = event.deltaY > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM;
    setManual({ w: [w + (extent.w[0] - w) * f, w + (extent.w[1] - w) * f], b: [b + (extent.b[0] - b) * f, b + (extent.b[1] - b) * f] });
  };
  const startPan = (event: PointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY, extent };
  };
  const pan = (event: PointerEvent<HTMLCanvasElement>) => {
    const start = drag.current;
    if (!start) return;
    const p = landscapeProjection(start.extent, size.width, size.height);
    const dw = ((event.clientX - start.x) / p.plotW) * (start.extent.w[1] - start.extent.w[0]);
    const db = ((event.clientY - start.y) / p.plotH) * (start.extent.b[1] - start.extent.b[0]);
    setManual({ w: [start.extent.w[0] - dw, start.extent.w[1] - dw], b: [start.extent.b[0] + db, start.extent.b[1] + db] });
  };

  const description = `Loss landscape of the linear model on line: the least-squares optimum at w = ${formatNumber(optimum.w)}, b = ${formatNumber(optimum.b)}, loss ${formatNumber(lossAt(stats, optimum.w, optimum.b))}. ${drawn
    .map((r) => {
      const last = r.path.at(-1);
      return last ? `${r.label} at w = ${formatNumber(last.w)}, b = ${formatNumber(last.b)}, ${formatNumber(Math.hypot(last.w - optimum.w, last.b - optimum.b))} from the optimum` : `${r.label}: no path yet`;
    })
    .join('; ')}.`;
  return (
    <div className="analysis-view">
      <div className="panel-head">
        <p className="panel-note">Contours of the exact full-batch loss; each run’s path in its colour, its current point ringed; × the least-squares optimum. Wheel to zoom, drag to pan.</p>
        <button type="button" onClick={() => setManual(null)} disabled={manual === null}>
          Fit to paths
        </button>
      </div>
      <div ref={ref} className="landscape-frame">
        <canvas
          ref={canvas}
          role="img"
          aria-label={description}
          style={{ width: `${size.width}px`, height: `${size.height}px` }}
          onWheel={zoom}
          onPointerDown={startPan}
          onPointerMove={pan}
          onPointerUp={() => (drag.current = null)}
          onDoubleClick={() => setManual(null)}
        />
      </div>
      <ul className="landscape-readout">
        {drawn.map((r) => (
          <li key={r.id}>
            <span className="swatch" style={{ background: r.colour }} aria-hidden="true" />
            <strong>{r.label}</strong>{' '}
            {r.path.length === 0
              ? 'no path yet'
              : r.ball !== null
                ? `wanders ${formatNumber(r.ball)} from the optimum (RMS of its last 20 points: the dashed noise ball)`
                : `${formatNumber(Math.hypot(r.path.at(-1)!.w - optimum.w, r.path.at(-1)!.b - optimum.b))} from the optimum${r.fullBatch ? '' : ' (its noise ball is measured once it has 40 points)'}`}
          </li>
        ))}
      </ul>
      <Explainer summary="What this chart shows" body="landscape" />
    </div>
  );
}
