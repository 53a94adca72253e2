import * as tf from '@tensorflow/tfjs-core';
import type { DeviceDataset } from './device-data';
import { sliceRows } from './evaluation';
import type { Activation } from './models';
import { backwardDeltas, forward, layerGradients, lossDerivativeFactor, outputDelta, signedLossSum } from './network';
import { pieceGroups } from './row-pieces';

/** A layer's trainable variables. */
export interface TrainableLayer {
  weights: tf.Variable<tf.Rank.R2>;
  bias: tf.Variable<tf.Rank.R1>;
}

/** Loss sum and summed gradients over some rows (a type alias, not an interface, so tf.tidy can return it). */
type RowSums = { loss: tf.Scalar; gradients: { weights: tf.Tensor2D; bias: tf.Tensor1D }[] };

export interface SgdStepConfig {
  layers: TrainableLayer[];
  /** Momentum buffers, one per layer; null without momentum. */
  velocities: readonly TrainableLayer[] | null;
  momentum: number;
  train: DeviceDataset['train'];
  task: DeviceDataset['task'];
  /** The hidden layers' activation; null for a linear model. */
  activation: Activation | null;
  lr: number;
  /** Most rows one pass covers; larger batches are sent in pieces, each awaited, then summed. */
  pieceRows: number;
}

/** One SGD update of the layers on a batch of training rows; each returns the batch's signed loss sum, unread. */
export interface SgdStep {
  /** The whole batch in one pass. */
  whole(indices: Int32Array): tf.Scalar;
  /** The batch in pieces of at most pieceRows rows, each awaited before the next (the same sums, the same update). */
  inPieces(indices: Int32Array): Promise<tf.Scalar>;
  needsPieces(size: number): boolean;
  setLearningRate(lr: number): void;
  dispose(): void;
}

export function createSgdStep(config: SgdStepConfig): SgdStep {
  const { layers, velocities, momentum, train, task, activation, pieceRows } = config;
  const n = train.count;
  let lr = config.lr;
  const stepScales = new Map<number, tf.Scalar>();

  // lr/B times the loss's derivative factor, cached per batch size so a step uploads nothing but its indices.
  const stepScale = (size: number): tf.Scalar => {
    let scale = stepScales.get(size);
    if (!scale) {
      scale = tf.keep(tf.scalar((lr * lossDerivativeFactor(task)) / size));
      stepScales.set(size, scale);
    }
    return scale;
  };

  const applyUpdate = (gradients: { weights: tf.Tensor; bias: tf.Tensor }[]): void => {
    layers.forEach((layer, l) => {
      const g = gradients[l]!;
      if (velocities) {
        const v = velocities[l]!;
        v.weights.assign(tf.add(tf.mul(v.weights, momentum), g.weights));
        v.bias.assign(tf.add(tf.mul(v.bias, momentum), g.bias));
        layer.weights.assign(tf.sub(layer.weights, v.weights));
        layer.bias.assign(tf.sub(layer.bias, v.bias));
      } else {
        layer.weights.assign(tf.sub(layer.weights, g.weights));
        layer.bias.assign(tf.sub(layer.bias, g.bias));
      }
    });
  };

  /** Rows [start, start + rows) of a batch. Call inside tf.tidy. */
  const batchRows = (indices: Int32Array, start: number, rows: number): { x: tf.Tensor2D; targets: tf.Tensor2D } => {
    // The full set needs no gather: the gradient of a sum does not depend on the order of its terms.
    if (indices.length === n) return { x: sliceRows(train.x, start, rows), targets: sliceRows(train.targets, start, rows) };
    const picked = tf.tensor1d(indices.subarray(start, start + rows), 'int32');
    return { x: tf.gather(train.x, picked), targets: tf.gather(train.targets, picked) };
  };

  /** Loss sum and summed gradients over some rows of a batch, at the step's scale. Call inside tf.tidy. */
  const rowsGradients = (indices: Int32Array, start: number, rows: number): RowSums => {
    const { x, targets } = batchRows(indices, start, rows);
    const pass = forward(layers, x, activation, task);
    const deltas = backwardDeltas(layers, pass, outputDelta(pass.output, targets, stepScale(indices.length)), activation);
    return { loss: signedLossSum(pass.output, targets, task), gradients: layerGradients(pass, deltas) };
  };

  return {
    whole: (indices) =>
      tf.tidy(() => {
        const result = rowsGradients(indices, 0, indices.length);
        applyUpdate(result.gradients);
        return result.loss;
      }),

    async inPieces(indices) {
      const parts: RowSums[] = [];
      try {
        for (const [piece] of pieceGroups([indices.length], pieceRows)) {
          const part = tf.tidy(() => rowsGradients(indices, piece!.start, piece!.rows));
          parts.push(part);
          await part.loss.data();
        }
        return tf.tidy(() => {
          applyUpdate(
            layers.map((_, l) => ({
              weights: tf.addN(parts.map((p) => p.gradients[l]!.weights)),
              bias: tf.addN(parts.map((p) => p.gradients[l]!.bias)),
            })),
          );
          return tf.addN(parts.map((p) => p.loss));
        });
      } finally {
        tf.dispose(parts.flatMap((p) => [p.loss, ...p.gradients.flatMap((g) => [g.weights, g.bias])]));
      }
    },

    needsPieces: (size) => size > pieceRows,

    setLearningRate(next) {
      lr = next;
      tf.dispose([...stepScales.values()]);
      stepScales.clear();
    },

    dispose() {
      tf.dispose([...stepScales.values()]);
      stepScales.clear();
    },
  };
}
