import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionTable = NonNullable<ParseArgsConfig['options']>;
import type { LrChange, ShuffleChange } from '../src/experiment/cli-command';
import { defaultConfig, DEFAULTS_V2, type ExperimentConfig, type ModelKind } from '../src/experiment/config';
import {
  ACTIVATIONS,
  DATASET_NAMES,
  LIMITS,
  MAX_HIDDEN_LAYERS,
  MODEL_KINDS,
  SHUFFLE_MODES,
  modelFitsDataset,
  numericProblem,
  parseBatchSize,
  parseHidden,
  type NumericLimit,
} from '../src/experiment/limits';

/** A bad command line: the message names the flag and what is allowed. */
export class UsageError extends Error {}

/** How long to train: a number of epochs or of steps. */
export type Duration = { unit: 'epochs'; count: number } | { unit: 'steps'; count: number };

/** The `experiment` command's parsed options. */
export interface ExperimentArgs {
  config: ExperimentConfig;
  duration: Duration;
  noiseEvery: number | null;
  dumpData: boolean;
  /** Mid-run changes, in step order, each applied after exactly `step` steps. */
  lrChanges: LrChange[];
  shuffleChanges: ShuffleChange[];
}

/** The `loader` command's parsed options. */
export interface LoaderArgs {
  n: number;
  batch: number | 'full';
  shuffle: ExperimentConfig['shuffle'];
  seed: number;
  epochs: number;
  dropLast: boolean;
}

const EXPERIMENT_OPTIONS = {
  dataset: { type: 'string' },
  n: { type: 'string' },
  noise: { type: 'string' },
  'test-share': { type: 'string' },
  seed: { type: 'string' },
  model: { type: 'string' },
  hidden: { type: 'string' },
  activation: { type: 'string' },
  batch: { type: 'string' },
  lr: { type: 'string' },
  'lr-at': { type: 'string', multiple: true },
  momentum: { type: 'string' },
  shuffle: { type: 'string' },
  'shuffle-at': { type: 'string', multiple: true },
  'drop-last': { type: 'boolean' },
  epochs: { type: 'string' },
  steps: { type: 'string' },
  'eval-every': { type: 'string' },
  'noise-every': { type: 'string' },
  'dump-data': { type: 'boolean' },
} as const;

const LOADER_OPTIONS = {
  n: { type: 'string' },
  batch: { type: 'string' },
  shuffle: { type: 'string' },
  seed: { type: 'string' },
  epochs: { type: 'string' },
  'drop-last': { type: 'boolean' },
} as const;

const DURATION_LIMIT: NumericLimit = { min: 1, max: 10_000_000, integer: true };

/** Joins `--flag -1` into `--flag=-1`: parseArgs would otherwise read a negative number as another option. */
function joinNegativeValues(argv: string[], options: OptionTable): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    const next = argv[i + 1];
    const takesValue = token.startsWith('--') && options[token.slice(2)]?.type === 'string';
    if (takesValue && next !== undefined && /^-[\d.]/.test(next)) {
      joined.push(`${token}=${next}`);
      i++;
    } else {
      joined.push(token);
    }
  }
  return joined;
}

function parse<T extends OptionTable>(argv: string[], options: T) {
  try {
    return parseArgs({ args: joinNegativeValues(argv, options), options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // Node's message already names the flag (e.g. "Unknown option '--foo'"); drop its advice about "--".
    const message = error instanceof Error ? error.message.split('. To specify')[0]! : String(error);
    throw new UsageError(message);
  }
}

function numberFlag(flag: string, text: string | undefined, limit: NumericLimit, fallback: number): number {
  if (text === undefined) return fallback;
  const value = text.trim() === '' ? Number.NaN : Number(text);
  const problem = numericProblem(value, limit);
  if (problem) throw new UsageError(`--${flag} ${problem} (got "${text}")`);
  return value;
}

function choiceFlag<T extends string>(flag: string, text: string | undefined, allowed: readonly T[], fallback: T): T {
  if (text === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(text)) {
    throw new UsageError(`--${flag} must be one of ${allowed.join('|')} (got "${text}")`);
  }
  return text as T;
}

function batchFlag(text: string | undefined, fallback: number | 'full'): number | 'full' {
  if (text === undefined) return fallback;
  const parsed = parseBatchSize(text);
  const problem = parsed === null ? 'must be a whole number' : parsed === 'full' ? null : numericProblem(parsed, LIMITS.batchSize);
  if (parsed === null || problem) {
    throw new UsageError(`--batch ${problem ?? 'must be a whole number'} or "full" (got "${text}")`);
  }
  return parsed;
}

function hiddenFlag(text: string | undefined, fallback: number[]): number[] {
  if (text === undefined) return fallback;
  const widths = parseHidden(text);
  if (widths === null) {
    const { min, max } = LIMITS.hiddenWidth;
    throw new UsageError(`--hidden must be 1 to ${MAX_HIDDEN_LAYERS} comma-separated widths between ${min} and ${max} (got "${text}")`);
  }
  return widths;
}

const CHANGE_STEP_LIMIT: NumericLimit = { min: 1, max: 10_000_000, integer: true };

/** Parses repeated `STEP:VALUE` flags into changes with strictly increasing steps; `parseValue` returns null for a bad value. */
function changesFlag<T>(flag: string, texts: string[] | undefined, allowedValue: string, parseValue: (text: string) => T | null): { step: number; value: T }[] {
  const changes: { step: number; value: T }[] = [];
  for (const text of texts ?? []) {
    const [stepText = '', valueText, ...rest] = text.split(':');
    const step = /^\d+$/.test(stepText.trim()) ? Number(stepText) : Number.NaN;
    const value = valueText === undefined || rest.length > 0 ? null : parseValue(valueText.trim());
    const previous = changes.at(-1);
    if (numericProblem(step, CHANGE_STEP_LIMIT) !== null || value === null || (previous && step <= previous.step)) {
      throw new UsageError(`--${flag} must be STEP:${allowedValue}, STEP a whole number ≥ 1 and strictly increasing (got "${text}")`);
    }
    changes.push({ step, value });
  }
  return changes;
}

function lrValue(text: string): number | null {
  const value = text === '' ? Number.NaN : Number(text);
  return numericProblem(value, LIMITS.lr) === null ? value : null;
}

function shuffleValue(text: string): ExperimentConfig['shuffle'] | null {
  return (SHUFFLE_MODES as readonly string[]).includes(text) ? (text as ExperimentConfig['shuffle']) : null;
}

function durationOf(epochs: string | undefined, steps: string | undefined): Duration {
  if (epochs !== undefined && steps !== undefined) throw new UsageError('give either --epochs or --steps, not both');
  if (steps !== undefined) return { unit: 'steps', count: numberFlag('steps', steps, DURATION_LIMIT, 0) };
  return { unit: 'epochs', count: numberFlag('epochs', epochs, DURATION_LIMIT, 5) };
}

/** Parses `experiment` options; throws UsageError on any bad flag or value. */
export function parseExperimentArgs(argv: string[]): ExperimentArgs {
  const v = parse(argv, EXPERIMENT_OPTIONS);
  const dataset = choiceFlag('dataset', v.dataset, DATASET_NAMES, DEFAULTS_V2.dataset);
  const defaults = defaultConfig(dataset);
  const model = choiceFlag<ModelKind>('model', v.model, MODEL_KINDS, defaults.model);
  if (!modelFitsDataset(model, dataset)) {
    throw new UsageError(`--model linear only fits --dataset line (a classification dataset needs --model mlp)`);
  }
  const noiseEvery = v['noise-every'] === undefined ? null : numberFlag('noise-every', v['noise-every'], { ...LIMITS.noiseEvery, min: 1 }, 1);
  const config: ExperimentConfig = {
    ...defaults,
    dataset,
    model,
    n: numberFlag('n', v.n, LIMITS.n, defaults.n),
    noise: numberFlag('noise', v.noise, LIMITS.noise, defaults.noise),
    testShare: numberFlag('test-share', v['test-share'], LIMITS.testShare, defaults.testShare),
    seed: numberFlag('seed', v.seed, LIMITS.seed, defaults.seed),
    hidden: hiddenFlag(v.hidden, defaults.hidden),
    activation: choiceFlag('activation', v.activation, ACTIVATIONS, defaults.activation),
    lr: numberFlag('lr', v.lr, LIMITS.lr, defaults.lr),
    momentum: numberFlag('momentum', v.momentum, LIMITS.momentum, defaults.momentum),
    shuffle: choiceFlag('shuffle', v.shuffle, SHUFFLE_MODES, defaults.shuffle),
    dropLast: v['drop-last'] ?? false,
    batchSizes: [batchFlag(v.batch, 32)],
    evalEvery: numberFlag('eval-every', v['eval-every'], LIMITS.evalEvery, defaults.evalEvery),
    noiseEvery: noiseEvery ?? 0,
  };
  const { min, max } = LIMITS.lr;
  const lrChanges = changesFlag('lr-at', v['lr-at'], `LR with LR between ${min} and ${max}`, lrValue).map(({ step, value }) => ({ step, lr: value }));
  const shuffleChanges = changesFlag('shuffle-at', v['shuffle-at'], SHUFFLE_MODES.join('|'), shuffleValue).map(({ step, value }) => ({ step, shuffle: value }));
  return { config, duration: durationOf(v.epochs, v.steps), noiseEvery, dumpData: v['dump-data'] ?? false, lrChanges, shuffleChanges };
}

/** Parses `loader` options; throws UsageError on any bad flag or value. */
export function parseLoaderArgs(argv: string[]): LoaderArgs {
  const v = parse(argv, LOADER_OPTIONS);
  return {
    n: numberFlag('n', v.n, { min: 1, max: LIMITS.n.max, integer: true }, 15),
    batch: batchFlag(v.batch, 5),
    shuffle: choiceFlag('shuffle', v.shuffle, SHUFFLE_MODES, 'on'),
    seed: numberFlag('seed', v.seed, LIMITS.seed, 0),
    epochs: numberFlag('epochs', v.epochs, { min: 1, max: 1000, integer: true }, 1),
    dropLast: v['drop-last'] ?? false,
  };
}
