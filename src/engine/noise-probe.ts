import * as tf from '@tensorflow/tfjs-core';
import type { Task } from './datasets';
import type { DeviceSplit } from './device-data';
import type { Activation } from './models';
import { backwardDeltas, forward, lossDerivativeFactor, outputDelta, type DenseLayer } from './network';

/** Per-example pieces of every layer's gradient: g_i for layer l is inputs[l][i] ⊗ deltas[l][i] (bias: deltas[l][i]). */
interface PerExampleParts {
  inputs: tf.Tensor2D[];
  deltas: tf.Tensor2D[];
}

function perExampleParts(layers: DenseLayer[], split: DeviceSplit, activation: Activation | null, task: Task): PerExampleParts {
  const pass = forward(layers, split.x, activation, task);
  const unscaled = tf.scalar(lossDerivativeFactor(task));
  const deltas = backwardDeltas(layers, pass, outputDelta(pass.output, split.targets, unscaled), activation);
  return { inputs: pass.inputs, deltas };
}

/** Mean gradient over the rows `rows` (all rows when null), as one flat vector in parameter order. */
function meanGradient(parts: PerExampleParts, rows: tf.Tensor1D | null): tf.Tensor1D {
  const pieces = parts.deltas.flatMap((delta, l) => {
    const a = rows ? tf.gather(parts.inputs[l]!, rows) : parts.inputs[l]!;
    const d = rows ? tf.gather(delta, rows) : delta;
    const count = d.shape[0];
    return [tf.reshape(tf.div(tf.matMul(a, d, true, false), count), [-1]), tf.div(tf.sum(d, 0), count)];
  });
  return tf.concat(pieces) as tf.Tensor1D;
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
 * Measures, at the current parameters: |G|², the mean per-example |g_i|² (per-layer identity
 * |a_i ⊗ δ_i|² = |a_i|²·|δ_i|², no per-example backward passes), |g_B|² and g_B·G for the batch `batch`, and
 * |g_big|² for `bigBatch` when given. One readback.
 */
export async function measureNoiseSums(
  layers: DenseLayer[],
  split: DeviceSplit,
  activation: Activation | null,
  task: Task,
  batch: Int32Array,
  bigBatch: Int32Array | null,
): Promise<NoiseSums> {
  const packed = tf.tidy(() => {
    const parts = perExampleParts(layers, split, activation, task);
    const perExampleNormSq = parts.deltas.map((delta, l) => {
      const deltaSq = tf.sum(tf.square(delta), 1);
      return tf.mul(deltaSq, tf.add(tf.sum(tf.square(parts.inputs[l]!), 1), 1));
    });
    const full = meanGradient(parts, null);
    const batchGradient = meanGradient(parts, tf.tensor1d(batch, 'int32'));
    const values = [
      tf.sum(tf.square(full)),
      tf.mean(tf.addN(perExampleNormSq)),
      tf.sum(tf.square(batchGradient)),
      tf.sum(tf.mul(batchGradient, full)),
    ];
    if (bigBatch) values.push(tf.sum(tf.square(meanGradient(parts, tf.tensor1d(bigBatch, 'int32')))));
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
}

/** Per-example gradients as an [N, P] matrix (rows in training order, columns in parameter order); caller disposes. */
export function perExampleGradientMatrix(
  layers: DenseLayer[],
  split: DeviceSplit,
  activation: Activation | null,
  task: Task,
): tf.Tensor2D {
  return tf.tidy(() => {
    const parts = perExampleParts(layers, split, activation, task);
    const columns = parts.deltas.flatMap((delta, l) => {
      const a = parts.inputs[l]!;
      const outer = tf.mul(tf.expandDims(a, 2), tf.expandDims(delta, 1));
      return [tf.reshape(outer, [split.count, -1]), delta];
    });
    return tf.concat(columns, 1) as tf.Tensor2D;
  });
}
