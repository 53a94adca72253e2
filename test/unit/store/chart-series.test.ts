import { describe, expect, it } from 'vitest';
import type { EvalPoint, StepChunk } from '../../../src/runtime/protocol';
import { MAX_CHART_POINTS, runSeries, smoothChunks, xOf } from '../../../src/store/chart-series';
import { compareAtEqualX, lossAt } from '../../../src/store/comparison';
import { appendDecimated, createMetricsHistory } from '../../../src/store/metrics-history';

const evalAt = (step: number, trainLoss: number): EvalPoint => ({ step, epoch: step / 10, examples: step * 32, seconds: step / 100, trainLoss, testLoss: trainLoss + 0.1, accuracy: null });
const chunkAt = (step: number, lossMean: number): StepChunk => ({ step, epoch: step / 10, examples: step * 32, seconds: step / 100, lossMean, lossStd: 0.1, steps: 10 });

describe('chart series', () => {
  it('puts each measurement at its steps, epochs, examples or compute seconds', () => {
    const p = evalAt(200, 1);
    expect([xOf(p, 'steps'), xOf(p, 'epochs'), xOf(p, 'examples'), xOf(p, 'seconds')]).toEqual([200, 20, 6400, 2]);
  });

  it('downsamples long series to at most 200 points, keeping the first and last', () => {
    const evals = Array.from({ length: 5000 }, (_, i) => evalAt(i, 1 / (i + 1)));
    const series = runSeries({ chunks: evals.map((e) => chunkAt(e.step, e.trainLoss)), evals, events: [] }, 'steps', true);
    expect(series.loss.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(series.band.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(series.loss[0]).toEqual({ x: 0, train: 1, test: 1.1 });
    expect(series.loss.at(-1)!.x).toBe(4999);
  });

  it('smooths batch losses exponentially', () => {
    const smoothed = smoothChunks([chunkAt(1, 1), chunkAt(2, 0)], 0.8);
    expect(smoothed.map((s) => s.mean)).toEqual([1, 0.8]);
  });

  it('places the smoothed batch loss on the chosen axis and skips non-finite chunks', () => {
    const series = runSeries({ chunks: [chunkAt(10, 0.5), chunkAt(20, Number.NaN)], evals: [], events: [] }, 'examples', true);
    expect(series.band).toEqual([{ x: 320, mean: 0.5 }]);
  });
});

describe('comparison at equal x', () => {
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
      status: { id, state: 'running' as const, batchSize: 1, lr: 0.1, step, epoch: 0, examplesSeen: 0, computeSeconds: 0, stepsPerSecond: null, examplesPerSecond: null, msPerStep: null, divergedAtStep: null, readbacks: 0 },
      reset,
      chunks: [],
      evals: [evalAt(step, 1)],
      events: [],
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
