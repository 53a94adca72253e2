import type { RunStatus } from '../../runtime/protocol';
import type { Comparison } from '../../store/comparison';
import type { XAxis } from '../../store/ui-store';
import { formatCount, formatNumber } from '../format';

const AXIS_WORDS: Record<XAxis, (x: number) => string> = {
  steps: (x) => `${formatCount(x)} steps`,
  epochs: (x) => `${formatNumber(x)} epochs`,
  examples: (x) => `${formatCount(x)} examples seen`,
  seconds: (x) => `${formatNumber(x)} s of compute`,
};

export interface InsightInput {
  labels: Record<string, string>;
  statuses: RunStatus[];
  comparison: Comparison | null;
}

/** Sentences that read the measured results; they never declare a winner the numbers have not shown. */
export function measuredInsights({ labels, statuses, comparison }: InsightInput): string[] {
  const started = statuses.filter((s) => s.step > 0);
  if (started.length === 0) {
    return [
      'Every run starts from the same weights on the same data; only the batch size differs.',
      'Press Play, then switch the x-axis between steps, examples and seconds: the order of the curves can change.',
    ];
  }
  const sentences: string[] = [];
  if (comparison) {
    const [first, ...rest] = comparison.ranking;
    const others = rest.map((r) => `${labels[r.id]} (${formatNumber(r.loss)})`).join(', then ');
    sentences.push(`At ${AXIS_WORDS[comparison.axis](comparison.x)}, as far as every run has got, the lowest training loss is ${labels[first!.id]}’s (${formatNumber(first!.loss)}), then ${others}.`);
  }
  const timed = started.filter((s) => s.msPerStep !== null && s.examplesPerSecond !== null).sort((a, b) => a.batchSize - b.batchSize);
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
  const diverged = started.filter((s) => s.state === 'diverged');
  if (diverged.length > 0) {
    sentences.push(`${diverged.map((s) => labels[s.id]).join(' and ')} diverged: at this learning rate its steps overshoot. A smaller lr, or a larger batch, steadies them.`);
  } else {
    sentences.push('The wide faint line beside each curve is the loss on the batches the run trains on, smoothed: one example’s loss jumps from step to step, a large batch’s hardly moves.');
  }
  return sentences;
}
