import * as tf from '@tensorflow/tfjs-core';
import type { Task } from './datasets';
import type { Activation } from './models';

/** A dense layer's trainable tensors: weights [inputs, outputs] and bias [outputs]. */
export interface DenseLayer {
  weights: tf.Tensor2D;
  bias: tf.Tensor1D;
}

/** Everything a backward pass needs: each layer's input activation and the network's output. */
export interface ForwardPass {
  /** inputs[l] is the activation entering layer l (inputs[0] is the batch itself). */
  inputs: tf.Tensor2D[];
  /** Predictions (regression) or class probabilities (classification), [rows, outputDim]. */
  output: tf.Tensor2D;
}

/** One gradient per layer, same shapes as the layer's tensors. */
export interface LayerGradient {
  weights: tf.Tensor2D;
  bias: tf.Tensor1D;
}

// Smallest probability fed to log(): keeps a saturated softmax from producing 0·(−∞) = NaN.
const MIN_PROBABILITY = 1e-30;

/**
 * x·W + b (then relu) as one kernel. tf.fused.matMul would add four reshapes and an autodiff wrapper per layer;
 * the backward pass here is hand-written, so the kernel is called directly. The CPU, WebGL and WebGPU kernels take
 * rank-2 inputs; the WASM kernel reads its dimensions as if there were a batch axis, so there (only) the inputs get
 * one of size 1: reshapes are three more kernels per layer, and the step's kernel count is a budget (bench:engine).
 */
function denseKernel(x: tf.Tensor2D, layer: DenseLayer, activation: 'relu' | 'linear'): tf.Tensor2D {
  const attrs = { transposeA: false, transposeB: false, activation };
  if (tf.getBackend() !== 'wasm') return tf.engine().runKernel(tf._FusedMatMul, { a: x, b: layer.weights, bias: layer.bias }, attrs) as tf.Tensor2D;
  const [rows, inputs] = x.shape;
  const outputs = layer.weights.shape[1];
  const a = tf.reshape(x, [1, rows, inputs]);
  const b = tf.reshape(layer.weights, [1, inputs, outputs]);
  const z = tf.engine().runKernel(tf._FusedMatMul, { a, b, bias: layer.bias }, attrs) as tf.Tensor3D;
  return tf.reshape(z, [rows, outputs]);
}

/** Forward pass; call inside tf.tidy. */
export function forward(layers: DenseLayer[], x: tf.Tensor2D, activation: Activation | null, task: Task): ForwardPass {
  const inputs: tf.Tensor2D[] = [x];
  let current = x;
  layers.forEach((layer, index) => {
    const isOutput = index === layers.length - 1;
    const fusedActivation = !isOutput && activation === 'relu' ? 'relu' : 'linear';
    let z = denseKernel(current, layer, fusedActivation);
    if (!isOutput && activation === 'tanh') z = tf.tanh<tf.Tensor2D>(z);
    if (isOutput && task === 'classification') z = tf.softmax<tf.Tensor2D>(z);
    if (!isOutput) inputs.push(z);
    current = z;
  });
  return { inputs, output: current };
}

/**
 * Σ over rows of the per-example loss, times lossSumSign(task): squared error, or minus the cross-entropy
 * (the sign is applied after readback, saving a kernel per step). Call inside tf.tidy.
 */
export function signedLossSum(output: tf.Tensor2D, targets: tf.Tensor2D, task: Task): tf.Scalar {
  if (task === 'regression') return tf.sum(tf.square(tf.sub(output, targets)));
  return tf.sum(tf.mul(targets, tf.log(tf.clipByValue(output, MIN_PROBABILITY, 1))));
}

/** Multiply a read-back signedLossSum by this to get the loss sum. */
export function lossSumSign(task: Task): number {
  return task === 'regression' ? 1 : -1;
}

/** The loss's derivative is lossDerivativeFactor · (output − target): 2 for squared error, 1 for softmax cross-entropy. */
export function lossDerivativeFactor(task: Task): number {
  return task === 'regression' ? 2 : 1;
}

/**
 * Per-example derivative of the loss with respect to the output layer's pre-activation, times `scale`
 * ([rows, outputDim]); `scale` must already include lossDerivativeFactor (one kernel saved per step). Call inside tf.tidy.
 */
export function outputDelta(output: tf.Tensor2D, targets: tf.Tensor2D, scale: tf.Scalar): tf.Tensor2D {
  return tf.mul(tf.sub(output, targets), scale);
}

/** δ of the layer below, given δ of layer l and the activation `a` layer l received. Call inside tf.tidy. */
export function propagateDelta(delta: tf.Tensor2D, layer: DenseLayer, a: tf.Tensor2D, activation: Activation): tf.Tensor2D {
  const back = tf.matMul(delta, layer.weights, false, true);
  // Both derivatives come from the saved activation: tanh' = 1 − a², relu' = [a > 0].
  if (activation === 'relu') return tf.mul(back, tf.step(a));
  return tf.sub(back, tf.mul(back, tf.square(a)));
}

/**
 * Hand-written backward pass. Returns each layer's output delta (index-aligned with `layers`) given the
 * output delta; the weight gradient of layer l is inputs[l]ᵀ · deltas[l]. Call inside tf.tidy.
 */
export function backwardDeltas(
  layers: DenseLayer[],
  pass: ForwardPass,
  lastDelta: tf.Tensor2D,
  activation: Activation | null,
): tf.Tensor2D[] {
  const deltas: tf.Tensor2D[] = new Array<tf.Tensor2D>(layers.length);
  deltas[layers.length - 1] = lastDelta;
  for (let l = layers.length - 1; l > 0; l--) {
    deltas[l - 1] = propagateDelta(deltas[l]!, layers[l]!, pass.inputs[l]!, activation ?? 'tanh');
  }
  return deltas;
}

/** Sums deltas into gradients: ∂/∂W_l = inputs[l]ᵀ δ_l, ∂/∂b_l = Σ_rows δ_l. Call inside tf.tidy. */
export function layerGradients(pass: ForwardPass, deltas: tf.Tensor2D[]): LayerGradient[] {
  return deltas.map((delta, l) => ({
    weights: tf.matMul(pass.inputs[l]!, delta, true, false),
    bias: tf.sum(delta, 0),
  }));
}
