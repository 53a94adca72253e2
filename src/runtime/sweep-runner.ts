import * as Comlink from 'comlink';
import { BACKEND_NAMES } from './backend-offers';
import type { BackendName, BackendSweep, SweepHostApi, SweepProgress, SweepRequest } from './protocol';

/** A sweep worker for one backend, and how to end it. */
export interface SweepWorker {
  host: SweepHostApi;
  terminate(): void;
}

/** Starts a fresh sweep worker (one per backend, so no backend's state or memory carries into the next). */
export function spawnSweepWorker(): SweepWorker {
  const worker = new Worker(new URL('../worker/sweep-worker.ts', import.meta.url), { type: 'module', name: 'batchscope-sweep' });
  const host = Comlink.wrap<SweepHostApi>(worker);
  // A worker that dies (a script error, or the browser killing it for memory) never answers: say so instead.
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'the sweep worker stopped')), { once: true });
  });
  failed.catch(() => undefined);
  return {
    host: {
      run: (request, onProgress) => Promise.race([host.run(request, Comlink.proxy(onProgress)), failed]),
    },
    terminate: () => {
      host[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

/** What the page hears while a sweep runs. */
export interface SweepListener {
  /** A backend's worker is starting. */
  onBackendStart(backend: BackendName, index: number): void;
  onProgress(progress: SweepProgress): void;
  onBackendDone(result: BackendSweep): void;
}

/** A sweep under way: `done` settles with every backend's result, or `cancelled` once cancel() has ended it. */
export interface RunningSweep {
  done: Promise<{ cancelled: boolean; results: BackendSweep[] }>;
  cancel(): void;
}

function failure(backend: BackendName, error: unknown): BackendSweep {
  const reason = error instanceof Error ? error.message : String(error);
  return { backend, label: BACKEND_NAMES[backend], points: [], stop: null, unavailable: `its worker failed (${reason})` };
}

/**
 * Runs one request per backend, each in its own worker, one after another (timings must not share the device).
 * Cancel ends the current worker at once, mid-block if need be; nothing after it starts.
 */
export function runSweep(requests: readonly SweepRequest[], listener: SweepListener, spawn: () => SweepWorker = spawnSweepWorker): RunningSweep {
  let cancelled = false;
  let current: SweepWorker | null = null;
  let interrupt: () => void = () => undefined;
  const interrupted = new Promise<null>((resolve) => {
    interrupt = () => resolve(null);
  });
  const done = (async () => {
    const results: BackendSweep[] = [];
    for (const [index, request] of requests.entries()) {
      if (cancelled) break;
      listener.onBackendStart(request.backend, index);
      let result: BackendSweep | null;
      try {
        current = spawn();
        result = await Promise.race([current.host.run(request, (progress) => !cancelled && listener.onProgress(progress)), interrupted]);
      } catch (error) {
        // A worker that cannot start (no Web Workers, a blocked script) or that died: that backend was not timed.
        result = failure(request.backend, error);
      } finally {
        current?.terminate();
        current = null;
      }
      if (cancelled || !result) break;
      results.push(result);
      listener.onBackendDone(result);
    }
    return { cancelled, results };
  })();
  return {
    done,
    cancel() {
      cancelled = true;
      interrupt();
    },
  };
}
