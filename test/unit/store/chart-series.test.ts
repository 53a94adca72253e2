import { describe, expect, it } from 'vitest';
import type { BatchLossPoint, EvalPoint } from '../../../src/runtime/protocol';
import { bucketMeans, MAX_CHART_POINTS, runSeries, smoothBetween, smoothCentred, smoothingRadius, xOf } from '../../../src/store/chart-series';
import { compareAtEqualX, lossAt, repeatsSoFar, runsToCompare } from '../../../src/store/comparison';
import { appendDecimated, createMetricsHistory } from '../../../src/store/metrics-history';

const evalAt = (step: number, trainLoss: number): EvalPoint => ({ step, epoch: step / 10, examples: step * 32, seconds: step / 100, trainLoss, testLoss: trainLoss + 0.1, accuracy: null });
const pointAt = (step: number, loss: number, steps = 1): BatchLossPoint => ({ step, epoch: step / 10, examples: step * 32, seconds: step / 100, loss, steps });

describe('chart series', () => {
  it('puts each measurement at its steps, epochs, examples or compute seconds', () => {
    const p = evalAt(200, 1);
    expect([xOf(p, 'steps'), xOf(p, 'epochs'), xOf(p, 'examples'), xOf(p, 'seconds')]).toEqual([200, 20, 6400, 2]);
  });

  it('downsamples long series to at most 200 points, keeping the first and last', () => {
    const evals = Array.from({ length: 5000 }, (_, i) => evalAt(i, 1 / (i + 1)));
    const series = runSeries({ batchLosses: evals.map((e) => pointAt(e.step, e.trainLoss)), evals, events: [] }, 'steps', true);
    expect(series.loss.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(series.band.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(series.loss[0]).toEqual({ x: 0, train: 1, test: 1.1 });
    expect(series.loss.at(-1)!.x).toBe(4999);
  });

  it('smooths batch losses with a centred window, weighted by the steps each point averages', () => {
    const smoothed = smoothCentred([pointAt(0, 3), pointAt(1, 0, 2), pointAt(2, 3), pointAt(3, 6)], 1);
    // The first point keeps its own value; inner points average their neighbours; the last lies on the line fitted
    // to the last window (here exactly through 0, 3, 6).
    expect(smoothed.map((s) => s.mean)).toEqual([3, 1.5, 2.25, 6]);
  });

  it('keeps the live end averaged: an alternating batch loss ends near its mean, not on its last batch', () => {
    const alternating = Array.from({ length: 200 }, (_, i) => pointAt(i, i % 2 === 0 ? 0.1 : 0.3));
    const smoothed = smoothCentred(alternating, 7);
    for (const s of smoothed.slice(-7)) expect(Math.abs(s.mean - 0.2)).toBeLessThan(0.02);
  });

  it('keeps the live end of scattered single-example losses near their mean, not on the smallest of them', () => {
    // B = 1: each loss is one example's, drawn independently (no trend), a few points into the run (radius 3). The
    // line fitted to the last seven falls steeply by chance, and its end used to sit on their smallest loss, 0.038.
    const scattered = [0.12, 0.842, 0.241, 0.14, 0.864, 0.038, 0.044, 0.043, 0.043].map((loss, i) => pointAt(i, loss));
    const smoothed = smoothCentred(scattered, 3);
    const windowMean = scattered.slice(-7).reduce((s, p) => s + p.loss, 0) / 7;
    for (const s of smoothed.slice(-3)) expect(Math.abs(s.mean - windowMean)).toBeLessThan(0.5 * windowMean);
  });

  it('never reads the live end outside the losses it was fitted to', () => {
    const flattening = Array.from({ length: 60 }, (_, i) => pointAt(i, Math.exp(-i / 3)));
    const smoothed = smoothCentred(flattening, 10);
    const lastWindow = flattening.slice(-21).map((p) => p.loss);
    for (const s of smoothed.slice(-10)) expect(s.mean).toBeGreaterThanOrEqual(Math.min(...lastWindow));
  });

  it('does not lag: a falling trend stays centred on its own points', () => {
    const falling = Array.from({ length: 101 }, (_, i) => pointAt(i, 100 - i));
    const smoothed = smoothCentred(falling, 10);
    for (const [i, s] of smoothed.entries()) expect(s.mean).toBeCloseTo(100 - i, 10);
  });

  it('never mixes losses from either side of an lr change: the line moves only after it', () => {
    // Flat at 0.1 up to the change at step 100, then blowing up.
    const points = Array.from({ length: 150 }, (_, i) => pointAt(i, i < 100 ? 0.1 : 10 ** (i - 99)));
    const smoothed = smoothBetween(points, 10, [100]);
    for (const s of smoothed.filter((s) => s.point.step < 100)) expect(s.mean).toBeCloseTo(0.1, 12);
    expect(smoothed.map((s) => s.point.step)).toEqual(points.map((p) => p.step));
    const events = [{ step: 100, epoch: 10, examples: 3200, seconds: 1, label: 'lr 10', change: { kind: 'lr' as const, lr: 10, previous: 0.1 } }];
    const series = runSeries({ batchLosses: points, evals: [evalAt(0, 0.1)], events }, 'steps', true);
    for (const b of series.band.filter((b) => b.x < 100)) expect(b.mean).toBeCloseTo(0.1, 12);
  });

  it('widens the smoothing window with the number of points', () => {
    expect(smoothingRadius(30)).toBe(3);
    expect(smoothingRadius(1000)).toBe(33);
  });

  it('draws the full batch’s training line through its evaluations and its every kept step, and its batch line on it', () => {
    // Evaluations at steps 0 and 4; the batch losses between them (the same quantity) fill in steps 1–3.
    const evals = [evalAt(0, 0.9), evalAt(4, 0.4)];
    const points = [pointAt(0, 0.9), pointAt(1, 0.5), pointAt(2, 0.7), pointAt(3, 0.45), pointAt(5, Number.NaN)];
    const series = runSeries({ batchLosses: points, evals, events: [] }, 'steps', false, true);
    expect(series.train).toEqual([
      { x: 0, y: 0.9 },
      { x: 1, y: 0.5 },
      { x: 2, y: 0.7 },
      { x: 3, y: 0.45 },
      { x: 4, y: 0.4 },
    ]);
    expect(series.band.map((b) => ({ x: b.x, y: b.mean }))).toEqual(series.train);
    // The test loss is only known at the evaluations.
    expect(series.loss.map((p) => p.x)).toEqual([0, 4]);
  });

  it('keeps the full batch’s lines identical when they are downsampled', () => {
    const evals = Array.from({ length: 60 }, (_, i) => evalAt(i * 50, 1 / (i + 1)));
    const points = Array.from({ length: 3000 }, (_, i) => pointAt(i, 1 / (1 + i / 50) + (i % 7) * 1e-3));
    const series = runSeries({ batchLosses: points, evals, events: [] }, 'steps', true, true);
    expect(series.train.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(series.band.map((b) => ({ x: b.x, y: b.mean }))).toEqual(series.train);
  });

  it('draws a mini-batch run’s training line through its evaluations only', () => {
    const series = runSeries({ batchLosses: [pointAt(0, 0.9), pointAt(1, 0.5)], evals: [evalAt(0, 0.9), evalAt(8, 0.3)], events: [] }, 'steps', false);
    expect(series.train).toEqual([
      { x: 0, y: 0.9 },
      { x: 8, y: 0.3 },
    ]);
  });

  it('places the batch loss on the chosen axis and skips non-finite losses', () => {
    const series = runSeries({ batchLosses: [pointAt(10, 0.5), pointAt(20, Number.NaN)], evals: [], events: [] }, 'examples', true);
    expect(series.band).toEqual([{ x: 320, mean: 0.5 }]);
  });
});

describe('comparison at equal x', () => {
  it('ranks the enabled runs, leaving out a repeat of another run', () => {
    const evals = [evalAt(0, 1), evalAt(10, 0.5)];
    const runs = new Map([['single', { evals }], ['mini', { evals: [evalAt(0, 1), evalAt(9, 0.52)] }], ['full', { evals }], ['off', { evals }]]);
    const compared = runsToCompare(runs, new Set(['single', 'mini', 'full']), { mini: 'single' });
    expect(compared.map((r) => r.id)).toEqual(['single', 'full']);
  });

  it('keeps a repeat only while it had the same changes at the same steps as the run it repeats', () => {
    const lrTo1 = (step: number) => ({ step, epoch: 0, examples: step, seconds: 0, label: 'lr 1', change: { kind: 'lr' as const, lr: 1, previous: 0.1 } });
    const runs = new Map([
      ['single', { events: [lrTo1(400)] }],
      ['twin', { events: [lrTo1(400)] }],
      ['late', { events: [lrTo1(380)] }],
    ]);
    // The shared lr slider reached "late" at step 380 and the others at 400: it took other steps from there on.
    expect(repeatsSoFar({ twin: 'single', late: 'single' }, runs)).toEqual({ twin: 'single' });
    expect(repeatsSoFar({ twin: 'single' }, new Map([['single', { events: [] }], ['twin', { events: [] }]]))).toEqual({ twin: 'single' });
  });

  it('interpolates the training loss between evaluations', () => {
    expect(lossAt([evalAt(0, 1), evalAt(10, 0.5)], 'steps', 5)).toBeCloseTo(0.75, 10);
    expect(lossAt([evalAt(0, 1), evalAt(10, 0.5)], 'steps', 11)).toBeNull();
  });

  it('ranks runs at the furthest x all of them reached', () => {
    const comparison = compareAtEqualX(
      [
        { id: 'a', evals: [evalAt(0, 1), evalAt(100, 0.2)] },
        { id: 'b', evals: [evalAt(0, 1), evalAt(50, 0.3)] },
      ],
      'steps',
    )!;
    expect(comparison.x).toBe(50);
    expect(comparison.ranking).toEqual([
      { id: 'b', loss: 0.3 },
      { id: 'a', loss: 0.6 },
    ]);
  });
});

describe('metrics history', () => {
  it('thins evenly when long and never drops the start or the latest point', () => {
    const list = appendDecimated(Array.from({ length: 10 }, (_, i) => i), [10, 11], 8);
    expect(list[0]).toBe(0);
    expect(list.at(-1)).toBe(11);
    expect(list.length).toBeLessThanOrEqual(8);
  });

  it('starts afresh for a new generation and when a run is reset', () => {
    const history = createMetricsHistory();
    const update = (id: string, reset: boolean, step: number) => ({
      status: { id, state: 'running' as const, batchSize: 1, lr: 0.1, step, epoch: 0, examplesSeen: 0, computeSeconds: 0, stepsPerSecond: null, examplesPerSecond: null, msPerStep: null, timingSource: null, divergedAtStep: null, readbacks: 0, noiseShare: null },
      reset,
      batchLosses: [],
      evals: [evalAt(step, 1)],
      events: [],
      noise: [],
    });
    history.ingest(0, [update('a', true, 0), update('b', true, 0)]);
    history.ingest(0, [update('a', false, 5), update('b', true, 7)]);
    expect(history.runs().get('a')!.evals.map((e) => e.step)).toEqual([0, 5]);
    expect(history.runs().get('b')!.evals.map((e) => e.step)).toEqual([7]);
    history.ingest(1, [update('a', true, 0)]);
    expect(history.runs().get('a')!.evals).toHaveLength(1);
    expect(history.runs().has('b')).toBe(false);
  });
});

describe('bucket means for the smoothed batch loss', () => {
  it('keeps at most MAX_CHART_POINTS, the first and last exact, and averages the runs between', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ x: i, y: i % 2 }));
    const out = bucketMeans(points);
    expect(out).toHaveLength(MAX_CHART_POINTS);
    expect(out[0]).toEqual({ x: 0, y: 0 });
    expect(out.at(-1)).toEqual({ x: 999, y: 1 });
    // An alternating 0/1 series averages to about 0.5 in every bucket: no wiggle survives.
    for (const p of out.slice(1, -1)) expect(Math.abs(p.y - 0.5)).toBeLessThanOrEqual(0.1);
  });
});
