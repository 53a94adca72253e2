import * as tf from '@tensorflow/tfjs-core';
import type { Task } from './datasets';
import type { DeviceDataset } from './device-data';
import type { Activation, ParameterArrays } from './models';
import { forward, signedLossSum, type DenseLayer } from './network';
import { pieceGroups } from './row-pieces';

/** Rows [start, start + rows) of a tensor; the tensor itself when that is all of it. Call inside tf.tidy. */
export function sliceRows<T extends tf.Tensor>(t: T, start: number, rows: number): T {
  return start === 0 && rows === t.shape[0] ? t : (tf.slice(t, start, rows) as T);
}

/** Signed loss sums (see signedLossSum) and correct-class counts of the training and test sets, and the parameters if asked. */
export interface SplitSums {
  train: { loss: number; correct: number };
  test: { loss: number; correct: number };
  params: ParameterArrays | null;
}

/**
 * Forward passes over both splits, one transfer per group of pieces (one in all up to PIECE_ROWS rows, each awaited
 * beyond that); with `withParams` the parameters ride with the last transfer.
 */
export async function evaluateSplits(layers: DenseLayer[], data: DeviceDataset, activation: Activation | null, task: Task, withParams: boolean): Promise<SplitSums> {
  const tensors = layers.flatMap((layer) => [layer.weights, layer.bias]);
  const splits = [data.train, data.test];
  const totals = splits.map(() => ({ loss: 0, correct: 0 }));
  const groups = pieceGroups(splits.map((split) => split.count));
  let params: ParameterArrays | null = null;
  for (const [g, group] of groups.entries()) {
    const carryParams = withParams && g === groups.length - 1;
    const packed = tf.tidy(() => {
      const sums = group.flatMap((piece) => {
        const split = splits[piece.part]!;
        const output = forward(layers, sliceRows(split.x, piece.start, piece.rows), activation, task).output;
        const loss = signedLossSum(output, sliceRows(split.targets, piece.start, piece.rows), task);
        if (!split.labels) return [loss];
        const labels = sliceRows(split.labels, piece.start, piece.rows);
        return [loss, tf.sum(tf.cast(tf.equal(tf.argMax(output, 1), labels), 'float32'))];
      });
      const stacked = tf.stack(sums);
      return carryParams ? tf.concat([stacked, ...tensors.map((t) => tf.reshape(t, [-1]))]) : stacked;
    });
    const v = (await packed.data()) as Float32Array;
    packed.dispose();
    let offset = 0;
    for (const piece of group) {
      totals[piece.part]!.loss += v[offset++]!;
      if (splits[piece.part]!.labels) totals[piece.part]!.correct += v[offset++]!;
    }
    if (carryParams) {
      params = tensors.map((t) => {
        const part = v.slice(offset, offset + t.size);
        offset += t.size;
        return part;
      });
    }
  }
  return { train: totals[0]!, test: totals[1]!, params };
}
