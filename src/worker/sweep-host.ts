import { generateDataset } from '../engine/datasets';
import { uploadDataset } from '../engine/device-data';
import { timeBatchSize } from '../engine/throughput-timer';
import type { SweepPoint } from '../engine/throughput';
import type { BackendSweep, SweepHostApi, SweepProgress, SweepRequest, SweepStop } from '../runtime/protocol';
import { startExactBackend } from './backend';
import { messageOf } from '../runtime/error-message';

/** A step slower than this (ms) ends a backend's sweep: the next size would take at least twice as long. */
export const SLOW_STEP_MS = 2000;

// What tfjs and the browsers say when a buffer, texture or heap cannot be had.
const MEMORY_ERROR = /memory|alloc|out of|oom|texture size|create texture|too large|invalid (typed )?array length|array buffer|exceeds/i;

/** An error at one size, as the sweep reports it: a refused allocation, or anything else. */
export function stopFor(batchSize: number, error: unknown): SweepStop {
  const message = messageOf(error);
  return MEMORY_ERROR.test(message)
    ? { batchSize, reason: 'memory', message: `memory ran out at B = ${batchSize.toLocaleString('en-US')} (${message.slice(0, 160)})` }
    : { batchSize, reason: 'error', message: `the step failed at B = ${batchSize.toLocaleString('en-US')} (${message.slice(0, 160)})` };
}

/**
 * Times one backend's sweep in this worker: starts exactly that backend, uploads the dataset, then times each size in
 * turn, reporting each as it lands. A failed allocation stops the sweep at that size and says so; so does a step
 * slower than SLOW_STEP_MS.
 */
export function createSweepHost(clock: () => number = () => performance.now(), timeBatch: typeof timeBatchSize = timeBatchSize): SweepHostApi {
  return {
    async run(request: SweepRequest, onProgress: (progress: SweepProgress) => void): Promise<BackendSweep> {
      const started = await startExactBackend(request.backend);
      if (!started.ok) return { backend: request.backend, label: request.backend, points: [], stop: null, unavailable: started.reason };
      const points: SweepPoint[] = [];
      let stop: SweepStop | null = null;
      let data: ReturnType<typeof uploadDataset> | null = null;
      try {
        data = uploadDataset(generateDataset(request.dataset));
        const setup = { data, model: request.model, seed: request.dataset.seed };
        // A fresh worker's first timings include the JavaScript engine's own warm-up (compiling the backend's code):
        // one throwaway timing of the first size takes it out of the figures.
        if (request.batchSizes.length > 0) await timeBatch(setup, request.batchSizes[0]!, clock);
        for (const [index, batchSize] of request.batchSizes.entries()) {
          let oneStepMs: number;
          try {
            const timing = await timeBatch(setup, batchSize, clock);
            points.push(timing.point);
            oneStepMs = timing.oneStepMs;
          } catch (error) {
            stop = stopFor(batchSize, error);
            break;
          }
          onProgress({ backend: request.backend, point: points[points.length - 1]!, done: index + 1, total: request.batchSizes.length });
          const next = request.batchSizes[index + 1];
          if (next !== undefined && oneStepMs > SLOW_STEP_MS) {
            stop = { batchSize: next, reason: 'slow', message: `one step at B = ${batchSize.toLocaleString('en-US')} took ${(oneStepMs / 1000).toFixed(1)} s, so larger batches were not timed` };
            break;
          }
        }
      } catch (error) {
        stop ??= stopFor(request.batchSizes[0] ?? 1, error);
      } finally {
        data?.dispose();
      }
      return { backend: request.backend, label: started.label, points, stop, unavailable: null };
    },
  };
}

