import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fastestStretches,
  fitMemory,
  kneeBatchSize,
  largestFittingBatch,
  median,
  nonDecreasing,
  overtakings,
  pointFromBlocks,
  regimeSpans,
  regimesOf,
  stepsPerBlock,
  sweepBatchSizes,
  type SweepPoint,
} from '../../../src/engine/throughput';

/** A curve of t(B) = overhead + perExample·B ms at B = 1, 2, 4, … largest, with peak bytes fixed + perByte·B. */
function affine(overheadMs: number, perExampleMs: number, largest = 65_536, memory = { fixed: 1e6, perExample: 800 }): SweepPoint[] {
  return sweepBatchSizes(largest).map((b) =>
    pointFromBlocks(b, 1, [overheadMs + perExampleMs * b], { peakBytes: memory.fixed + memory.perExample * b, stepBytes: memory.perExample * b }),
  );
}

describe('the sizes a sweep times', () => {
  it('doubles from 1 up to the largest size, adding it when it is not a power of two, within 1 … 65,536', () => {
    expect(sweepBatchSizes(16)).toEqual([1, 2, 4, 8, 16]);
    expect(sweepBatchSizes(100)).toEqual([1, 2, 4, 8, 16, 32, 64, 100]);
    expect(sweepBatchSizes(1e9).at(-1)).toBe(65_536);
    expect(sweepBatchSizes(0)).toEqual([1]);
  });
});

describe('timed blocks', () => {
  it('take the median block’s ms per step, and examples per second from it', () => {
    const point = pointFromBlocks(32, 10, [50, 40, 400, 45, 42], { peakBytes: 10, stepBytes: 2 });
    expect(point.blockMsPerStep).toEqual([5, 4, 40, 4.5, 4.2]);
    expect(point.msPerStep).toBe(4.5);
    expect(point.examplesPerSecond).toBeCloseTo((1000 * 32) / 4.5, 9);
    expect(median([1, 3, 2, 10])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('size a block to about the target time from one step, within 1 … the cap', () => {
    expect(stepsPerBlock(2, 40, 128)).toBe(20);
    expect(stepsPerBlock(0.01, 40, 128)).toBe(128);
    expect(stepsPerBlock(500, 40, 128)).toBe(1);
    expect(stepsPerBlock(0, 40, 128)).toBe(128);
  });
});

describe('regimes read from a measured curve', () => {
  it('put the knee of t = t₀ + c·B at t₀/c, overhead-bound well below it and saturated well above', () => {
    const points = affine(1, 0.001);
    expect(kneeBatchSize(points)! / 1000).toBeGreaterThan(0.8);
    expect(kneeBatchSize(points)! / 1000).toBeLessThan(1.25);
    const regimes = new Map(points.map((p, i) => [p.batchSize, regimesOf(points)[i]]));
    expect(regimes.get(1)).toBe('overhead-bound');
    expect(regimes.get(256)).toBe('overhead-bound');
    expect(regimes.get(1024)).toBe('transition');
    expect(regimes.get(8192)).toBe('saturated');
    expect(regimes.get(65_536)).toBe('saturated');
  });

  it('cut the curve into stretches that cover every size once, in order', () => {
    const spans = regimeSpans(affine(1, 0.001));
    expect(spans.map((s) => s.regime)).toEqual(['overhead-bound', 'transition', 'saturated']);
    expect(spans[0]!.from).toBe(1);
    expect(spans.at(-1)!.to).toBe(65_536);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.from).toBeCloseTo(spans[i - 1]!.to, 9);
  });

  it('are not thrown by one slow size among flat ones (a warm-up or a collection)', () => {
    const points = affine(1, 1e-5, 1024);
    points[1] = pointFromBlocks(2, 1, [3], { peakBytes: null, stepBytes: null });
    expect(regimesOf(points).slice(0, 6).every((r) => r === 'overhead-bound')).toBe(true);
  });

  it('find no knee on a flat curve, and a knee at the first size on one that is proportional to B', () => {
    expect(kneeBatchSize(affine(1, 0, 1024))).toBeNull();
    expect(kneeBatchSize(affine(0, 1, 1024))).toBeCloseTo(2, 9);
  });

  it('pool adjacent violators into the closest non-decreasing sequence', () => {
    expect(nonDecreasing([1, 3, 2, 4])).toEqual([1, 2.5, 2.5, 4]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { maxLength: 30 }), (values) => {
        const fitted = nonDecreasing(values);
        expect(fitted).toHaveLength(values.length);
        for (let i = 1; i < fitted.length; i++) expect(fitted[i]!).toBeGreaterThanOrEqual(fitted[i - 1]! - 1e-9);
        // Pooling keeps the sum.
        expect(fitted.reduce((a, b) => a + b, 0)).toBeCloseTo(values.reduce((a, b) => a + b, 0), 6);
      }),
    );
  });
});

describe('where one backend overtakes another', () => {
  // CPU: cheap to start, 1 µs per example; GPU: 1 ms to start, 10 ns per example — equal at B = 0.99/0.00099 = 1000.
  const cpu = { name: 'CPU', points: affine(0.01, 0.001) };
  const gpu = { name: 'WebGL', points: affine(1, 0.00001) };

  it('is found between the measured sizes where the curves cross', () => {
    const found = overtakings(gpu, cpu);
    expect(found).toHaveLength(1);
    expect(found[0]!.faster).toBe('WebGL');
    expect(found[0]!.slower).toBe('CPU');
    expect(found[0]!.batchSize).toBeGreaterThan(512);
    expect(found[0]!.batchSize).toBeLessThan(2048);
    expect(overtakings(cpu, gpu)[0]!.batchSize).toBeCloseTo(found[0]!.batchSize, 6);
  });

  it('is read from the non-decreasing fits, so one size measured too fast does not make the lead flip back and forth', () => {
    // Read raw, a WebGL dip at B = 256 (0.1 ms, under the CPU's 0.266) would give three overtakings: WebGL there, the
    // CPU again at 512, WebGL again near 1,000.
    const noisy = { name: 'WebGL', points: gpu.points.map((p) => (p.batchSize === 256 ? pointFromBlocks(256, 1, [0.1], { peakBytes: null, stepBytes: null }) : p)) };
    const found = overtakings(noisy, cpu);
    expect(found).toHaveLength(1);
    expect(found[0]!.faster).toBe('WebGL');
    expect(found[0]!.batchSize).toBeGreaterThan(512);
  });

  it('is not reported for a difference under 5% (a tie is noise)', () => {
    const twin = { name: 'twin', points: cpu.points.map((p, i) => pointFromBlocks(p.batchSize, 1, [p.msPerStep * (i % 2 ? 1.03 : 0.97)], { peakBytes: null, stepBytes: null })) };
    expect(overtakings(cpu, twin)).toEqual([]);
  });

  it('names the fastest backend for each stretch of sizes, changing leader only when another is more than 5% faster', () => {
    // At B = 1,024 the CPU (1.034 ms) is within 5% of WebGL (1.010 ms): still the CPU's stretch.
    expect(fastestStretches([cpu, gpu])).toEqual([
      { name: 'CPU', from: 1, to: 1024 },
      { name: 'WebGL', from: 2048, to: 65_536 },
    ]);
  });
});

describe('memory against batch size', () => {
  it('recovers a straight line exactly, and the largest B a budget holds', () => {
    const fit = fitMemory(affine(1, 0.001))!;
    expect(fit.bytesPerExample).toBeCloseTo(800, 6);
    expect(fit.fixedBytes).toBeCloseTo(1e6, 0);
    expect(fit.points).toBe(17);
    expect(largestFittingBatch(fit, 1e6 + 800 * 1000)).toBe(1000);
    expect(largestFittingBatch(fit, 1e5)).toBe(0);
    expect(largestFittingBatch({ fixedBytes: 10, bytesPerExample: 0, points: 2 }, 100)).toBe(Number.POSITIVE_INFINITY);
  });

  it('needs two distinct sizes with a measured peak', () => {
    expect(fitMemory(affine(1, 0.001, 1))).toBeNull();
    expect(fitMemory([pointFromBlocks(4, 1, [1], { peakBytes: null, stepBytes: null }), pointFromBlocks(8, 1, [1], { peakBytes: 10, stepBytes: 1 })])).toBeNull();
  });

  it('fits any line through exact measurements (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 0, max: 1e5 }), fc.integer({ min: 2, max: 16 }), (fixed, perExample, sizes) => {
        const fit = fitMemory(affine(1, 0.001, 2 ** (sizes - 1), { fixed, perExample }))!;
        expect(fit.bytesPerExample).toBeCloseTo(perExample, 3);
        expect(Math.abs(fit.fixedBytes - fixed)).toBeLessThan(1e-3 * Math.max(1, fixed));
      }),
    );
  });
});
