import { epochBatches, type ShuffleMode } from '../../engine/loader';

/** The source text's example: a DataLoader over range(15). */
export const EXPLORER_ITEMS = 15;
/** Epochs the explorer lists at once (the latest ones). */
export const EXPLORER_SHOWN_EPOCHS = 4;

export interface ExplorerSettings {
  batchSize: number;
  shuffle: ShuffleMode;
  dropLast: boolean;
  seed: number;
  /** Epochs served so far (≥ 1): epochs 0 … epochs − 1. */
  epochs: number;
}

export const INITIAL_EXPLORER: ExplorerSettings = { batchSize: 5, shuffle: 'on', dropLast: false, seed: 1, epochs: 1 };

/** One epoch of the explorer: its batches (item numbers) and the items dropLast leaves out. */
export interface ExplorerEpoch {
  epoch: number;
  batches: number[][];
  dropped: number[];
}

/** The latest EXPLORER_SHOWN_EPOCHS epochs, cut by the engine's own loader, exactly as the CLI's `loader` command prints them. */
export function explorerEpochs(s: ExplorerSettings): ExplorerEpoch[] {
  const first = Math.max(0, s.epochs - EXPLORER_SHOWN_EPOCHS);
  return Array.from({ length: s.epochs - first }, (_, k) => {
    const epoch = first + k;
    const spec = { n: EXPLORER_ITEMS, batchSize: s.batchSize, shuffle: s.shuffle, dropLast: s.dropLast, seed: s.seed };
    const batches = epochBatches(spec, epoch).map((b) => Array.from(b));
    const served = new Set(batches.flat());
    const all = epochBatches({ ...spec, dropLast: false }, epoch).flatMap((b) => Array.from(b));
    return { epoch, batches, dropped: all.filter((item) => !served.has(item)) };
  });
}

/** The CLI line that prints the same batches (every epoch so far). */
export function explorerCommand(s: ExplorerSettings): string {
  return `npm run -s experiment -- loader --n ${EXPLORER_ITEMS} --batch ${s.batchSize} --shuffle ${s.shuffle} --seed ${s.seed} --epochs ${s.epochs}${s.dropLast ? ' --drop-last' : ''}`;
}
