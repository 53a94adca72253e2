import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

/** A seeded stream of random numbers; every consumer gets its own stream so changing one never shifts another. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

/** Named streams derived from one experiment seed. */
export type RngStream = 'data-train' | 'data-test' | 'init' | 'loader' | 'noise-probe';

const STREAM_IDS: Record<RngStream, number> = {
  'data-train': 1,
  'data-test': 2,
  init: 3,
  loader: 4,
  'noise-probe': 5,
};

/** Mixes (seed, stream, index) into one 32-bit seed (murmur3's finaliser: nearby inputs give unrelated outputs). */
export function mixSeed(seed: number, stream: RngStream, index = 0): number {
  let h = (seed | 0) ^ Math.imul(STREAM_IDS[stream], 0x9e3779b1) ^ Math.imul(index | 0, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Creates the random stream `stream` (optionally sub-stream `index`, e.g. an epoch) of experiment seed `seed`. */
export function createRng(seed: number, stream: RngStream, index = 0): Rng {
  const generator = xoroshiro128plus(mixSeed(seed, stream, index));
  return {
    next: () => uniformFloat64(generator),
    int: (n) => uniformInt(generator, 0, n - 1),
    normal: () => {
      // 1 − u keeps the logarithm's argument in (0, 1].
      const u = 1 - uniformFloat64(generator);
      const v = uniformFloat64(generator);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

/** A uniformly random permutation of 0..n−1 (Fisher–Yates). */
export function permutation(n: number, rng: Rng): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const held = order[i]!;
    order[i] = order[j]!;
    order[j] = held;
  }
  return order;
}

/** `size` distinct indices out of 0..n−1, in random order (a partial Fisher–Yates shuffle). */
export function sampleWithoutReplacement(n: number, size: number, rng: Rng): Int32Array {
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + rng.int(n - i);
    const held = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = held;
  }
  return pool.slice(0, size);
}
