import { datasetExtent, type Dataset } from '../engine/datasets';
import type { ModelView } from '../runtime/protocol';
import type { RunSlot } from './run-slot';

/** Grid cells per side of the decision-boundary heatmap. */
export const BOUNDARY_RESOLUTION = 40;
/** Points along x for fitted regression curves. */
export const CURVE_POINTS = 48;

/** Cell centres of the boundary grid, row-major from the top row (largest y) down. */
export function gridInputs(extent: [number, number, number, number], resolution: number): Float32Array {
  const [xMin, xMax, yMin, yMax] = extent;
  const inputs = new Float32Array(resolution * resolution * 2);
  for (let row = 0; row < resolution; row++) {
    for (let col = 0; col < resolution; col++) {
      const k = row * resolution + col;
      inputs[2 * k] = xMin + ((col + 0.5) / resolution) * (xMax - xMin);
      inputs[2 * k + 1] = yMax - ((row + 0.5) / resolution) * (yMax - yMin);
    }
  }
  return inputs;
}

/** What the data view should draw now: the focused run's boundary, or every run's fitted curve on `line`. */
export async function modelView(dataset: Dataset, slots: RunSlot[], focus: RunSlot | null): Promise<ModelView | null> {
  const extent = datasetExtent(dataset);
  if (dataset.task === 'classification') {
    if (!focus) return null;
    const probabilities = await focus.trainer.predict(gridInputs(extent, BOUNDARY_RESOLUTION), BOUNDARY_RESOLUTION ** 2);
    return { kind: 'boundary', runId: focus.id, resolution: BOUNDARY_RESOLUTION, extent, classes: dataset.outputDim, probabilities };
  }
  const xs = Float32Array.from({ length: CURVE_POINTS }, (_, i) => extent[0] + (i / (CURVE_POINTS - 1)) * (extent[1] - extent[0]));
  const curves = await Promise.all(
    slots.filter((s) => s.spec.enabled).map(async (s) => ({ runId: s.id, ys: await s.trainer.predict(xs, CURVE_POINTS) })),
  );
  return { kind: 'curves', xs, curves };
}
