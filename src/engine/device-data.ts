import * as tf from '@tensorflow/tfjs-core';
import type { Dataset, Split, Task } from './datasets';

/** One split resident on the device: inputs [count, inputDim], targets [count, outputDim] (one-hot for classes). */
export interface DeviceSplit {
  count: number;
  x: tf.Tensor2D;
  targets: tf.Tensor2D;
  /** Class index per example (classification only), for accuracy. */
  labels: tf.Tensor1D | null;
}

/** A dataset uploaded once and shared by every run on it; batches are gathered from it on the device. */
export interface DeviceDataset {
  task: Task;
  inputDim: number;
  outputDim: number;
  train: DeviceSplit;
  test: DeviceSplit;
  dispose(): void;
}

function uploadSplit(split: Split, task: Task, inputDim: number, outputDim: number): DeviceSplit {
  const x = tf.tensor2d(split.x, [split.count, inputDim]);
  if (task === 'regression') {
    return { count: split.count, x, targets: tf.tensor2d(split.y, [split.count, 1]), labels: null };
  }
  const labels = tf.tensor1d(Int32Array.from(split.y), 'int32');
  const targets = tf.tidy(() => tf.cast(tf.oneHot(labels, outputDim), 'float32') as tf.Tensor2D);
  return { count: split.count, x, targets, labels };
}

/** Uploads a dataset's splits to the active backend; the caller disposes. */
export function uploadDataset(dataset: Dataset): DeviceDataset {
  const train = uploadSplit(dataset.train, dataset.task, dataset.inputDim, dataset.outputDim);
  const test = uploadSplit(dataset.test, dataset.task, dataset.inputDim, dataset.outputDim);
  return {
    task: dataset.task,
    inputDim: dataset.inputDim,
    outputDim: dataset.outputDim,
    train,
    test,
    dispose: () => {
      for (const split of [train, test]) tf.dispose([split.x, split.targets, ...(split.labels ? [split.labels] : [])]);
    },
  };
}
