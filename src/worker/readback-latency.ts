import * as tf from '@tensorflow/tfjs-core';

// Large enough that tfjs keeps it on the GPU (tiny tensors are forwarded to the CPU and would time nothing).
const PROBE_SHAPE: [number, number] = [64, 64];
const SAMPLES_KEPT = 9;
/** Spacing between probes (ms): often enough to follow the device, rarely enough to cost nothing. */
export const PROBE_INTERVAL_MS = 250;

/** The backend's readback round trip: what a chunk's one readback adds to its wall time beyond its own work. */
export interface ReadbackLatency {
  /** Median of recent probes (ms); 0 before the first. */
  readonly ms: number;
  /** Times one small kernel plus its readback. */
  probe(): Promise<void>;
  /** Probes if the last probe is older than PROBE_INTERVAL_MS. */
  maybeProbe(now: number): Promise<void>;
  dispose(): void;
}

export function createReadbackLatency(): ReadbackLatency {
  const base = tf.tidy(() => tf.ones(PROBE_SHAPE));
  const samples: number[] = [];
  let lastProbe = Number.NEGATIVE_INFINITY;
  let ms = 0;
  const latency: ReadbackLatency = {
    get ms() {
      return ms;
    },
    async maybeProbe(now) {
      if (now - lastProbe >= PROBE_INTERVAL_MS) await latency.probe();
    },
    async probe() {
      lastProbe = performance.now();
      const started = performance.now();
      const result = tf.tidy(() => tf.sum(tf.add(base, 1)));
      await result.data();
      result.dispose();
      samples.push(performance.now() - started);
      if (samples.length > SAMPLES_KEPT) samples.shift();
      const sorted = [...samples].sort((a, b) => a - b);
      ms = sorted[sorted.length >> 1]!;
    },
    dispose: () => base.dispose(),
  };
  return latency;
}

/** A fresh estimate on the current backend, replacing `old` (a few probes, so the first kernel's compile is outvoted). */
export async function freshLatency(old: ReadbackLatency | null): Promise<ReadbackLatency> {
  try {
    old?.dispose();
  } catch {
    // Its tensor lived on a lost context and went with it.
  }
  const latency = createReadbackLatency();
  for (let i = 0; i < 5; i++) await latency.probe();
  return latency;
}
