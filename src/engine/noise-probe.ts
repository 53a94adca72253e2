import * as tf from '@tensorflow/tfjs-core';
import type { Task } from './datasets';
import type { DeviceSplit } from './device-data';
import type { Activation } from './models';
import { pieceGroups } from './row-pieces';
import { backwardDeltas, forward, lossDerivativeFactor, outputDelta, type DenseLayer } from './network';

/** Per-example pieces of every layer's gradient: g_i for layer l is inputs[l][i] ⊗ deltas[l][i] (bias: deltas[l][i]). */
interface PerExampleParts {
  inputs: tf.Tensor2D[];
  deltas: tf.Tensor2D[];
}

function perExampleParts(layers: DenseLayer[], x: tf.Tensor2D, targets: tf.Tensor2D, activation: Activation | null, task: Task): PerExampleParts {
  const pass = forward(layers, x, activation, task);
  const unscaled = tf.scalar(lossDerivativeFactor(task));
  const deltas = backwardDeltas(layers, pass, outputDelta(pass.output, targets, unscaled), activation);
  return { inputs: pass.inputs, deltas };
}

/** Σ_i g_i (one flat vector in parameter order) and Σ_i |g_i|² over some rows (a type alias so tf.tidy can return it). */
type GradientSums = { sum: tf.Tensor; normSqSum: tf.Tensor };

/**
 * Gradient sums over the rows x, targets. |g_i|² per layer is |a_i ⊗ δ_i|² = |a_i|²·|δ_i|² (plus |δ_i|² for the
 * bias): no per-example backward passes. Call inside tf.tidy.
 */
function gradientSums(layers: DenseLayer[], x: tf.Tensor2D, targets: tf.Tensor2D, activation: Activation | null, task: Task): GradientSums {
  const parts = perExampleParts(layers, x, targets, activation, task);
  const pieces = parts.deltas.flatMap((delta, l) => [tf.reshape(transposedProduct(parts.inputs[l]!, delta), [-1]), tf.sum(delta, 0)]);
  const normsSq = parts.deltas.map((delta, l) => tf.sum(tf.mul(tf.sum(tf.square(delta), 1), tf.add(tf.sum(tf.square(parts.inputs[l]!), 1), 1))));
  return { sum: tf.concat(pieces), normSqSum: tf.addN(normsSq) };
}

function transposedProduct(a: tf.Tensor2D, d: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(a, d, true, false);
}

/**
 * Gradient sums over the rows `rows` of a split (all of them when null), a piece of at most PIECE_ROWS rows at a
 * time; with more than one piece, each is awaited before the next is sent (see PIECE_ROWS). Caller disposes.
 */
async function sumOverRows(
  layers: DenseLayer[],
  split: DeviceSplit,
  rows: Int32Array | null,
  activation: Activation | null,
  task: Task,
): Promise<GradientSums> {
  const groups = pieceGroups([rows ? rows.length : split.count]);
  let total: GradientSums | null = null;
  for (const [piece] of groups) {
    const { start, rows: count } = piece!;
    const previous = total as GradientSums | null;
    total = tf.tidy(() => {
      let x = split.x;
      let targets = split.targets;
      if (rows) {
        const picked = tf.tensor1d(rows.subarray(start, start + count), 'int32');
        x = tf.gather(x, picked);
        targets = tf.gather(targets, picked);
      } else if (count !== split.count) {
        x = tf.slice(x, start, count);
        targets = tf.slice(targets, start, count);
      }
      const sums = gradientSums(layers, x, targets, activation, task);
      return previous ? { sum: tf.add(previous.sum, sums.sum), normSqSum: tf.add(previous.normSqSum, sums.normSqSum) } : sums;
    });
    if (previous) tf.dispose([previous.sum, previous.normSqSum]);
    if (groups.length > 1) await total.normSqSum.data();
  }
  return total!;
}

/** The raw sums behind the noise statistics, read back in one transfer. */
export interface NoiseSums {
  gradNormSq: number;
  meanPerExampleNormSq: number;
  batchNormSq: number;
  batchDotFull: number;
  bigBatchNormSq: number | null;
}

/**
 * Measures, at the current parameters: |G|², the mean per-example |g_i|², |g_B|² and g_B·G for the batch `batch`,
 * and |g_big|² for `bigBatch` when given. Large sets go in awaited pieces; the results come back in one transfer.
 */
export async function measureNoiseSums(
  layers: DenseLayer[],
  split: DeviceSplit,
  activation: Activation | null,
  task: Task,
  batch: Int32Array,
  bigBatch: Int32Array | null,
): Promise<NoiseSums> {
  const held: GradientSums[] = [];
  try {
    const full = await sumOverRows(layers, split, null, activation, task);
    held.push(full);
    const small = await sumOverRows(layers, split, batch, activation, task);
    held.push(small);
    const big = bigBatch ? await sumOverRows(layers, split, bigBatch, activation, task) : null;
    if (big) held.push(big);
    const packed = tf.tidy(() => {
      const g = tf.div(full.sum, split.count);
      const gB = tf.div(small.sum, batch.length);
      const values = [tf.sum(tf.square(g)), tf.div(full.normSqSum, split.count), tf.sum(tf.square(gB)), tf.sum(tf.mul(gB, g))];
      if (big && bigBatch) values.push(tf.sum(tf.square(tf.div(big.sum, bigBatch.length))));
      return tf.stack(values);
    });
    const v = await packed.data();
    packed.dispose();
    return {
      gradNormSq: v[0]!,
      meanPerExampleNormSq: v[1]!,
      batchNormSq: v[2]!,
      batchDotFull: v[3]!,
      bigBatchNormSq: bigBatch ? v[4]! : null,
    };
  } finally {
    tf.dispose(held.flatMap((h) => [h.sum, h.normSqSum]));
  }
}

/**
 * Per-example gradients as a [rows, P] matrix (the rows `rows` of the split in that order, or all of them in training
 * order; columns in parameter order); caller disposes.
 */
export function perExampleGradientMatrix(
  layers: DenseLayer[],
  split: DeviceSplit,
  activation: Activation | null,
  task: Task,
  rows: Int32Array | null = null,
): tf.Tensor2D {
  return tf.tidy(() => {
    const picked = rows ? tf.tensor1d(rows, 'int32') : null;
    const x = picked ? tf.gather(split.x, picked) : split.x;
    const targets = picked ? tf.gather(split.targets, picked) : split.targets;
    const count = rows ? rows.length : split.count;
    const parts = perExampleParts(layers, x, targets, activation, task);
    const columns = parts.deltas.flatMap((delta, l) => {
      const a = parts.inputs[l]!;
      const outer = tf.mul(tf.expandDims(a, 2), tf.expandDims(delta, 1));
      return [tf.reshape(outer, [count, -1]), delta];
    });
    return tf.concat(columns, 1) as tf.Tensor2D;
  });
}
