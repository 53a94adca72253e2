import { fastestStretches, kneeBatchSize, overtakings, regimesOf, type NamedCurve } from '../../engine/throughput';
import { BACKEND_NAMES } from '../../runtime/backend-offers';
import type { BackendSweep } from '../../runtime/protocol';
import type { SweepResult } from '../../store/sweep-store';
import { formatBytes, formatCount, formatNumber } from '../format';
import { measured, type MemoryReading } from './sweep-model';

/** "B ≈ 1,200": a size read off a curve, to 2 significant digits (it lies between measured sizes). */
function about(batchSize: number): string {
  return `B ≈ ${formatCount(Number(batchSize.toPrecision(2)))}`;
}

const nameOf = (backend: BackendSweep) => BACKEND_NAMES[backend.backend];
const theNameOf = (backend: BackendSweep) => (backend.backend === 'cpu' ? 'the CPU' : BACKEND_NAMES[backend.backend]);

/** One backend's regimes in a sentence, from its measured curve, naming measured sizes (null with fewer than 3 sizes). */
export function regimeSentence(backend: BackendSweep): string | null {
  if (backend.points.length < 3) return null;
  const sorted = [...backend.points].sort((a, b) => a.batchSize - b.batchSize);
  const regimes = regimesOf(sorted);
  const lastFlat = regimes.lastIndexOf('overhead-bound');
  const firstSaturated = regimes.indexOf('saturated');
  const knee = kneeBatchSize(sorted);
  const peak = Math.max(...sorted.map((p) => p.examplesPerSecond));
  const smallest = formatCount(sorted[0]!.batchSize);
  const parts: string[] = [];
  if (lastFlat >= 1) parts.push(`up to B = ${formatCount(sorted[lastFlat]!.batchSize)} a step takes at most 1.5× as long as at B = ${smallest}, so examples per second grow almost in proportion to B (overhead-bound)`);
  else parts.push(`already from B = ${smallest} a bigger batch makes each step clearly slower`);
  if (firstSaturated >= 0) parts.push(`from B = ${formatCount(sorted[firstSaturated]!.batchSize)} a step’s time grows almost in step with B and examples per second level off near ${formatNumber(peak)}/s (saturated)`);
  else parts.push(`examples per second were still rising at the largest B timed (${formatNumber(peak)}/s)`);
  return `${nameOf(backend)}: ${parts.join('; ')}.${knee !== null ? ` Knee at ${about(knee)}.` : ''}`;
}

/** Which backend is fastest where, and where the GPU overtakes the CPU: the sentence under the charts. */
export function crossoverSentence(result: SweepResult): string | null {
  const backends = measured(result).filter((b) => b.points.length >= 2);
  if (backends.length < 2) return null;
  const curves: NamedCurve[] = backends.map((b) => ({ name: theNameOf(b), points: b.points }));
  const stretches = fastestStretches(curves);
  const envelope =
    stretches.length === 1
      ? `${stretches[0]!.name.replace(/^the/, 'The')} is the fastest at every batch size timed by all of them.`
      : `Fastest at the sizes every backend timed: ${stretches.map((s) => `${s.name} ${s.from === s.to ? `at B = ${formatCount(s.from)}` : `for B = ${formatCount(s.from)}–${formatCount(s.to)}`}`).join(', ')}.`;
  const cpu = backends.find((b) => b.backend === 'cpu');
  const gpus = backends.filter((b) => b.backend === 'webgl' || b.backend === 'webgpu');
  if (!cpu || gpus.length === 0) return envelope;
  return `${envelope} ${gpus.map((gpu) => versusCpu(gpu, cpu)).join(' ')}`;
}

/** Where a GPU backend overtakes the CPU on this machine, if it does. */
function versusCpu(gpu: BackendSweep, cpu: BackendSweep): string {
  const gpuName = nameOf(gpu);
  const pair = overtakings({ name: gpuName, points: gpu.points }, { name: 'the CPU', points: cpu.points });
  const last = pair[pair.length - 1];
  if (last && last.faster === gpuName) return `On this machine ${gpuName} beats the CPU from ${about(last.batchSize)}; below that the CPU is faster.`;
  if (last) return `On this machine the CPU overtakes ${gpuName} again from ${about(last.batchSize)}.`;
  const shared = gpu.points.filter((p) => cpu.points.some((q) => q.batchSize === p.batchSize));
  const gpuFaster = shared.length > 0 && shared.every((p) => p.msPerStep < cpu.points.find((q) => q.batchSize === p.batchSize)!.msPerStep);
  return gpuFaster ? `On this machine ${gpuName} is faster than the CPU at every size timed.` : `On this machine ${gpuName} does not overtake the CPU at any size timed.`;
}

/** Memory in a sentence: bytes per example from the fit, and the largest B the budget would hold. */
export function memorySentence(reading: MemoryReading, budgetBytes: number): string {
  const { fit, largestFitting, backend } = reading;
  if (!reading.measurable) {
    const [from, to] = reading.range;
    return `${nameOf(backend)}: from B = ${formatCount(from)} to ${formatCount(to)} the peak hardly grows (about ${formatBytes(Math.max(0, fit.fixedBytes))} throughout), too narrow a range to tell what each example adds, so no budget estimate: a sweep that reaches larger batches can tell.`;
  }
  const fits = Number.isFinite(largestFitting) ? `up to ${about(largestFitting)}` : 'any batch';
  return (
    `${nameOf(backend)}: each example in a step adds about ${formatBytes(fit.bytesPerExample)} at the peak, on top of ${formatBytes(Math.max(0, fit.fixedBytes))} ` +
    `(the dataset, the weights and their gradients; straight-line fit over ${fit.points} sizes). A budget of ${formatBytes(budgetBytes)} would hold ${fits} — a model from the measurement, not a promise.`
  );
}

/** Why a backend's sweep ended early, or could not start. */
export function stopSentence(backend: BackendSweep): string | null {
  if (backend.unavailable) return `${nameOf(backend)} was not timed: ${backend.unavailable}.`;
  if (backend.stop) return `${nameOf(backend)} stopped early: ${backend.stop.message}.`;
  return null;
}

/** The charts' text alternative: every backend's figures at the smallest and largest B it timed. */
export function describeSweep(result: SweepResult | null, what: 'time' | 'rate' | 'memory'): string {
  const backends = measured(result);
  if (!result || backends.length === 0) return 'Batch-size sweep: nothing measured yet.';
  const value = (p: BackendSweep['points'][number]) =>
    what === 'time' ? `${formatNumber(p.msPerStep)} ms per step` : what === 'rate' ? `${formatNumber(p.examplesPerSecond)} examples per second` : `peak ${formatBytes(p.peakBytes)}`;
  const parts = backends.map((b) => {
    const first = b.points[0]!;
    const last = b.points[b.points.length - 1]!;
    return `${b.label}: ${value(first)} at B = ${formatCount(first.batchSize)}${last !== first ? `, ${value(last)} at B = ${formatCount(last.batchSize)}` : ''}`;
  });
  return `Batch-size sweep (${result.title}), log–log. ${parts.join('; ')}.`;
}
