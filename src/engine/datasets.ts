import { createRng, type Rng } from './rng';

/** The toy datasets: `line` is 1-D regression, the others 2-D classification. */
export const DATASET_NAMES = ['line', 'moons', 'circles', 'spiral', 'blobs'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** What to generate: n training examples (8…65,536), noise ≥ 0 (std of the Gaussian jitter), testShare of n held out. */
export interface DatasetSpec {
  name: DatasetName;
  n: number;
  noise: number;
  testShare: number;
  seed: number;
}

/** One split: inputs row-major (count × inputDim) and one target per example (a class index for classification). */
export interface Split {
  count: number;
  x: Float32Array;
  y: Float32Array;
}

export type Task = 'regression' | 'classification';

/** A generated dataset; training examples are stored sorted (by class, or by x for `line`). */
export interface Dataset {
  spec: DatasetSpec;
  task: Task;
  inputDim: number;
  /** Number of classes; 1 for regression (one output). */
  outputDim: number;
  train: Split;
  test: Split;
}

/** The line `line` is drawn from before noise: y = LINE_SLOPE · x + LINE_INTERCEPT. */
export const LINE_SLOPE = 2;
export const LINE_INTERCEPT = 0.5;

/** Regression or classification, by dataset name. */
export function taskOf(name: DatasetName): Task {
  return name === 'line' ? 'regression' : 'classification';
}

/** Classes per classification dataset (1 output for regression). */
export function outputDimOf(name: DatasetName): number {
  if (name === 'line') return 1;
  return name === 'blobs' ? 3 : 2;
}

/** Held-out examples for n training examples: at least 4 so a test loss always exists. */
export function testCountOf(n: number, testShare: number): number {
  return Math.max(4, Math.round(n * testShare));
}

type PointMaker = (rng: Rng, classIndex: number, noise: number) => [number, number];

const TWO_PI = 2 * Math.PI;

const POINT_MAKERS: Record<Exclude<DatasetName, 'line'>, PointMaker> = {
  // Two interleaved half circles, centred on the origin.
  moons: (rng, c, noise) => {
    const t = rng.next() * Math.PI;
    const [px, py] = c === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    return [px - 0.5 + noise * rng.normal(), py - 0.25 + noise * rng.normal()];
  },
  // A disc of radius 0.5 inside a ring of radius 1.
  circles: (rng, c, noise) => {
    const t = rng.next() * TWO_PI;
    const r = c === 0 ? 1 : 0.5;
    return [r * Math.cos(t) + noise * rng.normal(), r * Math.sin(t) + noise * rng.normal()];
  },
  // Two arms of one spiral, half a turn apart, radius up to 1.
  spiral: (rng, c, noise) => {
    const s = rng.next();
    const t = 1.75 * TWO_PI * s + c * Math.PI;
    return [s * Math.sin(t) + noise * rng.normal(), s * Math.cos(t) + noise * rng.normal()];
  },
  // Three Gaussian blobs on a circle of radius 1; noise widens them beyond a base spread of 0.25.
  blobs: (rng, c, noise) => {
    const angle = Math.PI / 2 + (c * TWO_PI) / 3;
    const spread = 0.25 + noise;
    return [Math.cos(angle) + spread * rng.normal(), Math.sin(angle) + spread * rng.normal()];
  },
};

function classificationSplit(name: Exclude<DatasetName, 'line'>, count: number, noise: number, rng: Rng): Split {
  const classes = outputDimOf(name);
  const x = new Float32Array(count * 2);
  const y = new Float32Array(count);
  let row = 0;
  // Balanced classes, generated class by class, so the stored order is sorted by class.
  for (let c = 0; c < classes; c++) {
    const inClass = Math.floor(count / classes) + (c < count % classes ? 1 : 0);
    for (let k = 0; k < inClass; k++, row++) {
      const [px, py] = POINT_MAKERS[name](rng, c, noise);
      x[2 * row] = px;
      x[2 * row + 1] = py;
      y[row] = c;
    }
  }
  return { count, x, y };
}

function rawLine(count: number, noise: number, rng: Rng): { xs: Float64Array; ys: Float64Array } {
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    xs[i] = 2 * rng.next() - 1;
    ys[i] = LINE_SLOPE * xs[i]! + LINE_INTERCEPT + noise * rng.normal();
  }
  return { xs, ys };
}

function lineSplit(raw: { xs: Float64Array; ys: Float64Array }, shift: number, sorted: boolean): Split {
  const count = raw.xs.length;
  const order = Array.from({ length: count }, (_, i) => i);
  if (sorted) order.sort((a, b) => raw.xs[a]! - raw.xs[b]!);
  const x = new Float32Array(count);
  const y = new Float32Array(count);
  order.forEach((source, row) => {
    x[row] = raw.xs[source]! - shift;
    y[row] = raw.ys[source]!;
  });
  return { count, x, y };
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Generates a dataset; the same spec always gives the same numbers. */
export function generateDataset(spec: DatasetSpec): Dataset {
  const testCount = testCountOf(spec.n, spec.testShare);
  const trainRng = createRng(spec.seed, 'data-train');
  const testRng = createRng(spec.seed, 'data-test');
  const base = { spec, task: taskOf(spec.name), outputDim: outputDimOf(spec.name) };
  if (spec.name === 'line') {
    const rawTrain = rawLine(spec.n, spec.noise, trainRng);
    const rawTest = rawLine(testCount, spec.noise, testRng);
    // Centring x on the training mean decouples w from b, so full-batch descent on (w, b) is well conditioned.
    const shift = mean(rawTrain.xs);
    return { ...base, inputDim: 1, train: lineSplit(rawTrain, shift, true), test: lineSplit(rawTest, shift, false) };
  }
  return {
    ...base,
    inputDim: 2,
    train: classificationSplit(spec.name, spec.n, spec.noise, trainRng),
    test: classificationSplit(spec.name, testCount, spec.noise, testRng),
  };
}

/** The region a plot of the training data shows, [xMin, xMax, yMin, yMax]: its bounding box plus 8% each side (y is the target for `line`). */
export function datasetExtent(dataset: Dataset): [number, number, number, number] {
  const d = dataset.inputDim;
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < dataset.train.count; i++) {
    const px = dataset.train.x[i * d]!;
    const py = d === 2 ? dataset.train.x[i * d + 1]! : dataset.train.y[i]!;
    xMin = Math.min(xMin, px);
    xMax = Math.max(xMax, px);
    yMin = Math.min(yMin, py);
    yMax = Math.max(yMax, py);
  }
  const padX = 0.08 * (xMax - xMin || 1);
  const padY = 0.08 * (yMax - yMin || 1);
  return [xMin - padX, xMax + padX, yMin - padY, yMax + padY];
}
