import type { RunPosition, RunStatus } from '../../runtime/protocol';
import type { RunHealth } from '../../store/run-health';
import { xOf } from '../../store/chart-series';
import type { Comparison } from '../../store/comparison';
import type { XAxis } from '../../store/ui-store';
import { formatCount, formatNumber } from '../format';

const AXIS_WORDS: Record<XAxis, (x: number) => string> = {
  steps: (x) => `${formatCount(x)} steps`,
  epochs: (x) => `${formatNumber(x)} epochs`,
  examples: (x) => `${formatCount(x)} examples seen`,
  seconds: (x) => `${formatNumber(x)} s of compute`,
};

/** A run's measured gradient noise, as the noise view averages it. */
export interface NoiseReading {
  id: string;
  batchSize: number;
  /** RMS of one example's error over the batch's, at the run's own parameters (null until measured). */
  singleVsBatch: number | null;
}

/**
 * How much farther from G one example's gradient is than a mini-batch's, measured at that run's parameters, beside
 * what random batches give: √(c(1)/c(B)) = √(B (N − 1) / (N − B)), c(B) = (N − B) / (B (N − 1)).
 */
export function noiseSentence(labels: Record<string, string>, readings: readonly NoiseReading[], n: number): string | null {
  const mini = readings.filter((r) => r.batchSize > 1 && r.batchSize < n && r.singleVsBatch !== null).sort((a, b) => a.batchSize - b.batchSize)[0];
  if (!mini) return null;
  const theory = Math.sqrt((mini.batchSize * (n - 1)) / (n - mini.batchSize));
  return (
    `At ${labels[mini.id]}’s weights, a single example’s gradient misses the full-data gradient by ${formatNumber(mini.singleVsBatch, 2)}× as much as its batches of ` +
    `${formatCount(mini.batchSize)} did (root mean square over every example, against its last batches); sampling theory for random batches says ${formatNumber(theory, 2)}×.`
  );
}

export interface InsightInput {
  labels: Record<string, string>;
  statuses: RunStatus[];
  comparison: Comparison | null;
  /** Where each run first became unstable or diverged, as measured. */
  trouble?: Record<string, RunPosition>;
  axis?: XAxis;
  noise?: readonly NoiseReading[];
  n?: number;
  /** Each run's health: a run that blew up needs a reset, which a smaller lr alone does not give it. */
  health?: Record<string, RunHealth>;
}

// Health states in which lowering the lr no longer helps the run (the card offers "Reset this run").
const NEEDS_RESET: readonly RunHealth['kind'][] = ['damaged', 'stuck'];

/** Which runs got into trouble, in the order they did on the chosen axis. */
function troubleSentence(labels: Record<string, string>, statuses: RunStatus[], trouble: Record<string, RunPosition>, axis: XAxis, health: Record<string, RunHealth>): string | null {
  const troubled = statuses
    .filter((s) => trouble[s.id])
    .map((s) => ({ id: s.id, x: xOf(trouble[s.id]!, axis), diverged: s.state === 'diverged' }))
    .sort((a, b) => a.x - b.x);
  if (troubled.length === 0) return null;
  const first = troubled[0]!;
  const what = (t: (typeof troubled)[number]) => `${labels[t.id]} at ${AXIS_WORDS[axis](t.x)}${t.diverged ? ' (diverged)' : ''}`;
  const rest = troubled.slice(1).map(what);
  const one = troubled.length === 1;
  // "first became": the onset, which a card's "since step …" (the current stretch) can follow by far.
  const head = one ? `${labels[first.id]} first became unstable at ${AXIS_WORDS[axis](first.x)}${first.diverged ? ' (diverged)' : ''}` : `Measured on this axis, the first to become unstable was ${what(first)}, then ${rest.join(', then ')}`;
  const blownUp = troubled.some((t) => t.diverged || NEEDS_RESET.includes(health[t.id]?.kind ?? 'ok'));
  const advice = blownUp
    ? 'A smaller lr steadies a run, but one that blew up stays broken: reset it with “Reset this run” on its card.'
    : `A smaller lr steadies ${one ? 'it' : 'them'}.`;
  return `${head}: ${one ? 'its' : 'their'} steps overshot. ${advice}`;
}

/** Sentences that read the measured results; they never declare a winner the numbers have not shown. */
export function measuredInsights({ labels, statuses, comparison, trouble = {}, axis = 'steps', noise = [], n = 0, health = {} }: InsightInput): string[] {
  const started = statuses.filter((s) => s.step > 0);
  if (started.length === 0) {
    return [
      'Every run starts from the same weights on the same data; only the batch size differs.',
      'Press Play, then switch the x-axis between steps, examples and seconds: the order of the curves can change.',
    ];
  }
  const sentences: string[] = [];
  if (comparison) {
    // Runs whose losses read the same at 3 significant digits are a tie, not a ranking.
    const groups: { names: string[]; loss: string }[] = [];
    for (const r of comparison.ranking) {
      const loss = formatNumber(r.loss);
      if (groups.at(-1)?.loss === loss) groups.at(-1)!.names.push(labels[r.id]!);
      else groups.push({ names: [labels[r.id]!], loss });
    }
    const [first, ...rest] = groups;
    const named = (g: (typeof groups)[number]) => (g.names.length === 1 ? `${g.names[0]} (${g.loss})` : `${g.names.join(' and ')} (${g.loss} each)`);
    const lead = first!.names.length === 1 ? `is ${first!.names[0]}’s (${first!.loss})` : `is shared by ${named(first!)}`;
    const tail = rest.length ? `, then ${rest.map(named).join(', then ')}` : '';
    sentences.push(`At ${AXIS_WORDS[comparison.axis](comparison.x)}, as far as every run has got, the lowest training loss ${lead}${tail}.`);
  }
  // A figure from the warm-up is no fair measure of a run's speed yet.
  const timed = started.filter((s) => s.msPerStep !== null && s.examplesPerSecond !== null && s.timingSource !== 'warming').sort((a, b) => a.batchSize - b.batchSize);
  if (timed.length >= 2) {
    const small = timed[0]!;
    const large = timed[timed.length - 1]!;
    const costRatio = large.msPerStep! / small.msPerStep!;
    const sizeRatio = large.batchSize / small.batchSize;
    sentences.push(
      `On this device one ${labels[large.id]} step takes ${formatNumber(large.msPerStep)} ms and one ${labels[small.id]} step ${formatNumber(small.msPerStep)} ms: ` +
        `${formatNumber(costRatio, 2)}× the time for ${formatNumber(sizeRatio, 3)}× the examples, so ${labels[large.id]} gets through ${formatNumber(large.examplesPerSecond)} examples/s against ${formatNumber(small.examplesPerSecond)}.`,
    );
  }
  const noiseText = noiseSentence(labels, noise, n);
  if (noiseText) sentences.push(noiseText);
  const troubleText = troubleSentence(labels, started, trouble, axis, health);
  if (troubleText) {
    sentences.push(troubleText);
  } else if (!noiseText) {
    sentences.push('The wide faint line beside each curve is the loss on the batches the run trains on, smoothed: one example’s loss jumps from step to step, a large batch’s hardly moves.');
  }
  return sentences;
}
