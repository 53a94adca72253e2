import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/engine/datasets';
import { uploadDataset } from '../../../src/engine/device-data';
import { initialParameters, layerShapes, type ModelSpec } from '../../../src/engine/models';
import { backwardDeltas, forward, layerGradients, lossDerivativeFactor, outputDelta, type DenseLayer } from '../../../src/engine/network';
import { meanLossAndGradient, type ReferenceModel } from './reference-network';

interface Case {
  label: string;
  dataset: 'line' | 'moons' | 'blobs';
  model: ModelSpec;
}

const CASES: Case[] = [
  { label: 'linear on line', dataset: 'line', model: { kind: 'linear' } },
  { label: 'tanh MLP on moons', dataset: 'moons', model: { kind: 'mlp', hidden: [5, 4], activation: 'tanh' } },
  { label: 'relu MLP on blobs (3 classes)', dataset: 'blobs', model: { kind: 'mlp', hidden: [6], activation: 'relu' } },
  { label: 'tanh MLP regression on line', dataset: 'line', model: { kind: 'mlp', hidden: [3], activation: 'tanh' } },
];

function setup(c: Case) {
  const dataset = generateDataset({ name: c.dataset, n: 24, noise: 0.3, testShare: 0.25, seed: 3 });
  const shapes = layerShapes(c.model, dataset.inputDim, dataset.outputDim);
  const params = initialParameters(c.model, shapes, 11);
  // Non-zero biases exercise the bias paths too.
  params.forEach((p, i) => {
    if (i % 2 === 1) p.forEach((_, k) => (p[k] = 0.1 * (k + 1) - 0.15));
  });
  const reference: ReferenceModel = {
    widths: [shapes[0]!.inputs, ...shapes.map((s) => s.outputs)],
    activation: c.model.kind === 'mlp' ? c.model.activation : null,
    task: dataset.task,
  };
  return { dataset, shapes, params, reference };
}

function handGradient(c: Case, rows: number[]): number[] {
  const { dataset, shapes, params } = setup(c);
  const data = uploadDataset(dataset);
  const flat = tf.tidy(() => {
    const layers: DenseLayer[] = shapes.map((s, l) => ({
      weights: tf.tensor2d(params[2 * l]!, [s.inputs, s.outputs]),
      bias: tf.tensor1d(params[2 * l + 1]!),
    }));
    const index = tf.tensor1d(rows, 'int32');
    const x = tf.gather(data.train.x, index);
    const targets = tf.gather(data.train.targets, index);
    const activation = c.model.kind === 'mlp' ? c.model.activation : null;
    const pass = forward(layers, x, activation, data.task);
    const scale = tf.scalar(lossDerivativeFactor(data.task) / rows.length);
    const grads = layerGradients(pass, backwardDeltas(layers, pass, outputDelta(pass.output, targets, scale), activation));
    return tf.concat(grads.flatMap((g) => [tf.reshape(g.weights, [-1]), g.bias]));
  });
  const values = Array.from(flat.dataSync());
  flat.dispose();
  data.dispose();
  return values;
}

function autodiffGradient(c: Case, rows: number[]): number[] {
  const { dataset, shapes, params } = setup(c);
  const values = tf.tidy(() => {
    const vars = params.map((p, i) => {
      const s = shapes[Math.floor(i / 2)]!;
      return i % 2 === 0 ? tf.tensor2d(p, [s.inputs, s.outputs]) : tf.tensor1d(p);
    });
    const x = tf.gather(tf.tensor2d(dataset.train.x, [dataset.train.count, dataset.inputDim]), rows);
    const y = tf.gather(tf.tensor1d(dataset.train.y), rows);
    const loss = (...ps: tf.Tensor[]): tf.Scalar => {
      let h: tf.Tensor = x;
      for (let l = 0; l < shapes.length; l++) {
        h = tf.add(tf.matMul(h as tf.Tensor2D, ps[2 * l] as tf.Tensor2D), ps[2 * l + 1]!);
        if (l < shapes.length - 1) h = c.model.kind === 'mlp' && c.model.activation === 'relu' ? tf.relu(h) : tf.tanh(h);
      }
      if (dataset.task === 'regression') return tf.mean(tf.square(tf.sub(tf.reshape(h, [-1]), y)));
      const oneHot = tf.oneHot(tf.cast(y, 'int32'), dataset.outputDim);
      return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(h)), 1)));
    };
    const grads = tf.grads(loss)(vars);
    return tf.concat(grads.map((g) => tf.reshape(g, [-1])));
  });
  const out = Array.from(values.dataSync());
  values.dispose();
  return out;
}

function expectClose(actual: number[], expected: number[], tolerance: number): void {
  expect(actual).toHaveLength(expected.length);
  const scale = Math.max(1e-3, ...expected.map(Math.abs));
  actual.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(tolerance * scale));
}

describe('hand-written backward pass', () => {
  const rows = [0, 3, 5, 8, 13, 17, 20, 23];

  it.each(CASES)('$label: matches an independent float64 back-propagation', (c) => {
    const { dataset, params, reference } = setup(c);
    const expected = meanLossAndGradient(reference, params, dataset.train.x, dataset.train.y, rows).gradient;
    expectClose(handGradient(c, rows), expected, 1e-4);
  });

  it.each(CASES)('$label: matches tfjs autodiff', (c) => {
    expectClose(handGradient(c, rows), autodiffGradient(c, rows), 1e-4);
  });

  it.each(CASES)('$label: matches central finite differences of the loss', (c) => {
    const { dataset, params, reference } = setup(c);
    const h = 1e-6;
    const lossAt = (ps: Float32Array[] | number[][]) =>
      meanLossAndGradient(reference, ps, dataset.train.x, dataset.train.y, rows).loss;
    const numeric: number[] = [];
    params.forEach((p, i) => {
      for (let k = 0; k < p.length; k++) {
        const plus = params.map((q) => Array.from(q));
        const minus = params.map((q) => Array.from(q));
        plus[i]![k]! += h;
        minus[i]![k]! -= h;
        numeric.push((lossAt(plus) - lossAt(minus)) / (2 * h));
      }
    });
    expectClose(handGradient(c, rows), numeric, 1e-4);
  });
});
