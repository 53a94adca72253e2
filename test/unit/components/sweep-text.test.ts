import { describe, expect, it } from 'vitest';
import { memoryReading } from '../../../src/components/views/sweep-model';
import { crossoverSentence, memorySentence, stopSentence } from '../../../src/components/views/sweep-text';
import { pointFromBlocks, sweepBatchSizes } from '../../../src/engine/throughput';
import type { BackendSweep } from '../../../src/runtime/protocol';
import type { SweepResult } from '../../../src/store/sweep-store';

function curve(backend: BackendSweep['backend'], overhead: number, perExample: number, largest = 4096): BackendSweep {
  const points = sweepBatchSizes(largest).map((b) => pointFromBlocks(b, 1, [overhead + perExample * b], { peakBytes: null, stepBytes: null }));
  return { backend, label: backend, points, stop: null, unavailable: null };
}

const result = (backends: BackendSweep[]): SweepResult => ({ id: 's', title: 't', hidden: [16, 16], n: 4096, backends, cancelled: false });

describe('the sweep’s sentences', () => {
  it('compare each GPU backend with the CPU on its own: one overtakes it, one never does', () => {
    // CPU 0.01 + 0.001·B; WebGL 1 + 0.00001·B crosses it near B = 1,000; WebGPU 50 ms a step never does by 4,096.
    const text = crossoverSentence(result([curve('cpu', 0.01, 0.001), curve('webgl', 1, 0.00001), curve('webgpu', 50, 0.001)]));
    expect(text).toBe(
      'Fastest at the sizes every backend timed: the CPU for B = 1–1,024, WebGL for B = 2,048–4,096. On this machine WebGL beats the CPU from B ≈ 1,000; below that the CPU is faster. On this machine WebGPU does not overtake the CPU at any size timed.',
    );
  });

  it('say nothing to compare with a single backend, and name the leader when one is fastest throughout', () => {
    expect(crossoverSentence(result([curve('cpu', 0.01, 0.001)]))).toBeNull();
    expect(crossoverSentence(result([curve('wasm', 0.001, 0.0001), curve('cpu', 0.01, 0.001)]))).toBe('WASM is the fastest at every batch size timed by all of them.');
  });

  it('say why a backend was not timed, or where it stopped', () => {
    expect(stopSentence({ ...curve('webgpu', 1, 1), points: [], unavailable: 'no adapter' })).toBe('WebGPU was not timed: no adapter.');
    expect(stopSentence({ ...curve('wasm', 1, 1), stop: { batchSize: 32_768, reason: 'memory', message: 'memory ran out at B = 32,768 (out of memory)' } })).toBe(
      'WASM stopped early: memory ran out at B = 32,768 (out of memory).',
    );
  });

  it('fit bytes per example only where the peak grew over the sizes timed (a cancelled sweep stops at small B)', () => {
    const GIB = 2 ** 30;
    const withMemory = (largest: number): BackendSweep => ({
      ...curve('cpu', 0.01, 0.001, largest),
      points: sweepBatchSizes(largest).map((b) => pointFromBlocks(b, 1, [1], { peakBytes: 1_650_000 + 844 * b, stepBytes: 844 * b })),
    });
    const cancelled = memoryReading(withMemory(64), GIB)!;
    expect(cancelled.measurable).toBe(false);
    expect(memorySentence(cancelled, GIB)).toMatch(/^CPU: from B = 1 to 64 the peak hardly grows .* so no budget estimate/);
    const full = memoryReading(withMemory(4096), GIB)!;
    expect(full.measurable).toBe(true);
    expect(memorySentence(full, GIB)).toMatch(/^CPU: each example in a step adds about 844 B at the peak/);
  });
});
