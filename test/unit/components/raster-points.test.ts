import { describe, expect, it } from 'vitest';
import { datasetExtent, generateDataset } from '../../../src/engine/datasets';
import { CLASS_RGB, project, REGRESSION_RGB } from '../../../src/components/views/draw-data';
import { DENSITY_THRESHOLD, rasterPoints, rasterRings } from '../../../src/components/views/raster-points';

const SIZE = { width: 200, height: 120, ratio: 1 };
const alphaAt = (pixels: Uint8ClampedArray, x: number, y: number) => pixels[(Math.round(y) * SIZE.width + Math.round(x)) * 4 + 3]!;

describe('rasterised data points', () => {
  it('draws each point as an opaque disc in its class colour, below the density threshold', () => {
    const dataset = generateDataset({ name: 'moons', n: 64, noise: 0.1, testShare: 0.25, seed: 1 });
    const p = project(datasetExtent(dataset), SIZE.width, SIZE.height);
    const { raster, style } = rasterPoints(dataset, p, SIZE, CLASS_RGB, REGRESSION_RGB);
    expect(style).toBe('points');
    for (let i = 0; i < dataset.train.count; i++) expect(alphaAt(raster.pixels, p.x(dataset.train.x[2 * i]!), p.y(dataset.train.x[2 * i + 1]!))).toBeGreaterThan(200);
    // Far from every point the picture stays transparent (the boundary shows through).
    expect(alphaAt(raster.pixels, 0, 0)).toBe(0);
  });

  it('switches to a density image for large N, still covering every point’s cell', () => {
    const dataset = generateDataset({ name: 'circles', n: 65_536, noise: 0.1, testShare: 0.25, seed: 1 });
    expect(dataset.train.count).toBeGreaterThan(DENSITY_THRESHOLD);
    const p = project(datasetExtent(dataset), SIZE.width, SIZE.height);
    const { raster, style } = rasterPoints(dataset, p, SIZE, CLASS_RGB, REGRESSION_RGB);
    expect(style).toBe('density');
    for (let i = 0; i < 500; i++) {
      const x = p.x(dataset.train.x[2 * i]!);
      const y = p.y(dataset.train.x[2 * i + 1]!);
      expect(raster.pixels[(Math.floor(y) * SIZE.width + Math.floor(x)) * 4 + 3]!).toBeGreaterThan(100);
    }
  });

  it('rings exactly the batch’s examples, in the run’s colour', () => {
    const dataset = generateDataset({ name: 'moons', n: 64, noise: 0.1, testShare: 0.25, seed: 1 });
    const p = project(datasetExtent(dataset), SIZE.width, SIZE.height);
    const rings = rasterRings(dataset, Int32Array.from([5]), p, SIZE, [230, 159, 0]);
    const cx = p.x(dataset.train.x[10]!);
    const cy = p.y(dataset.train.x[11]!);
    // The ring sits about 6.5 px from the centre; the centre itself stays clear.
    expect(alphaAt(rings.pixels, cx + 6.5, cy)).toBeGreaterThan(150);
    expect(alphaAt(rings.pixels, cx, cy)).toBe(0);
    const k = (Math.round(cy) * SIZE.width + Math.round(cx + 6.5)) * 4;
    expect([rings.pixels[k], rings.pixels[k + 1], rings.pixels[k + 2]]).toEqual([230, 159, 0]);
  });
});
