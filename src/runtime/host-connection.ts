import * as Comlink from 'comlink';
import type { BackendInfo, BackendPreference, HostMessage, TrainingHostApi } from './protocol';

/** A running training host and how to stop it. */
export interface HostConnection {
  host: TrainingHostApi;
  info: BackendInfo;
  /** Forces a WebGL context loss in the host (tests of the recovery path). */
  loseContextForTest(): Promise<boolean>;
  close(): void;
}

type WorkerApi = TrainingHostApi & { loseContextForTest(): boolean };

// A worker that has not answered by then is treated as broken, and training moves to the page.
const WORKER_START_TIMEOUT_MS = 20_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

async function connectWorker(preference: BackendPreference, onMessage: (m: HostMessage) => void): Promise<HostConnection> {
  const worker = new Worker(new URL('../worker/training-worker.ts', import.meta.url), { type: 'module', name: 'batchscope-training' });
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'the training worker failed to load')), { once: true });
  });
  const remote = Comlink.wrap<WorkerApi>(worker);
  try {
    const info = await withTimeout(Promise.race([remote.start(preference, Comlink.proxy(onMessage)), failed]), WORKER_START_TIMEOUT_MS);
    return {
      host: remote as unknown as TrainingHostApi,
      info,
      loseContextForTest: () => remote.loseContextForTest(),
      close: () => {
        remote[Comlink.releaseProxy]();
        worker.terminate();
      },
    };
  } catch (error) {
    worker.terminate();
    throw error;
  }
}

async function connectInPage(preference: BackendPreference, onMessage: (m: HostMessage) => void): Promise<HostConnection> {
  // Only where workers are unavailable: tfjs then loads into the page as a separate chunk.
  const { createTrainingHost } = await import('../worker/training-host');
  const { loseContextForTest } = await import('../worker/backend');
  const host = createTrainingHost(false);
  const info = await host.start(preference, onMessage);
  return { host, info, loseContextForTest: async () => loseContextForTest(), close: () => host.dispose() };
}

/** Starts training in a Web Worker, or on the page (frame-budgeted) where a worker cannot run, saying so. */
export async function connectHost(preference: BackendPreference, onMessage: (m: HostMessage) => void): Promise<HostConnection> {
  if (typeof Worker === 'undefined') {
    const connection = await connectInPage(preference, onMessage);
    return { ...connection, info: { ...connection.info, notice: joinNotices('This browser has no Web Workers, so training shares the page’s thread.', connection.info.notice) } };
  }
  try {
    return await connectWorker(preference, onMessage);
  } catch (error) {
    const connection = await connectInPage(preference, onMessage);
    const reason = `The training worker could not start (${error instanceof Error ? error.message : String(error)}), so training shares the page’s thread.`;
    return { ...connection, info: { ...connection.info, notice: joinNotices(reason, connection.info.notice) } };
  }
}

function joinNotices(first: string, second: string | null): string {
  return second ? `${first} ${second}` : first;
}
