import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, generateDataset, testCountOf, type DatasetSpec } from '../../../src/engine/datasets';

const spec = (overrides: Partial<DatasetSpec> = {}): DatasetSpec => ({
  name: 'moons',
  n: 200,
  noise: 0.2,
  testShare: 0.25,
  seed: 7,
  ...overrides,
});

describe('datasets', () => {
  it.each(DATASET_NAMES)('%s: the same seed gives the same numbers, another seed others', (name) => {
    const a = generateDataset(spec({ name }));
    const b = generateDataset(spec({ name }));
    const c = generateDataset(spec({ name, seed: 8 }));
    expect(a.train.x).toEqual(b.train.x);
    expect(a.test.y).toEqual(b.test.y);
    expect(a.train.x).not.toEqual(c.train.x);
  });

  it.each(DATASET_NAMES)('%s: has N training examples and a held-out test split of the configured share', (name) => {
    const d = generateDataset(spec({ name, n: 333, testShare: 0.2 }));
    expect(d.train.count).toBe(333);
    expect(d.train.x.length).toBe(333 * d.inputDim);
    expect(d.test.count).toBe(testCountOf(333, 0.2));
    expect(d.test.count).toBe(67);
    expect(d.train.x.every(Number.isFinite)).toBe(true);
  });

  it.each(['moons', 'circles', 'spiral', 'blobs'] as const)('%s: training examples are stored sorted by class, classes balanced', (name) => {
    const d = generateDataset(spec({ name, n: 301 }));
    const labels = Array.from(d.train.y);
    expect(labels).toEqual([...labels].sort((a, b) => a - b));
    const counts = new Array<number>(d.outputDim).fill(0);
    for (const label of labels) counts[label] = (counts[label] ?? 0) + 1;
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('line: x is stored sorted and centred on its training mean', () => {
    const d = generateDataset(spec({ name: 'line', n: 500 }));
    const xs = Array.from(d.train.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(Math.abs(xs.reduce((s, v) => s + v, 0) / xs.length)).toBeLessThan(1e-6);
    expect(d.task).toBe('regression');
    expect(d.outputDim).toBe(1);
  });

  it('noise 0 puts every line example exactly on y = 2x + 0.5 before centring', () => {
    const d = generateDataset(spec({ name: 'line', noise: 0, n: 50 }));
    const slope = (d.train.y[49]! - d.train.y[0]!) / (d.train.x[49]! - d.train.x[0]!);
    expect(slope).toBeCloseTo(2, 4);
  });

  it('blobs has three classes, the others two', () => {
    expect(generateDataset(spec({ name: 'blobs' })).outputDim).toBe(3);
    expect(generateDataset(spec({ name: 'spiral' })).outputDim).toBe(2);
  });
});
