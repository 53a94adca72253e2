import { createRng } from './rng';

export const ACTIVATIONS = ['tanh', 'relu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** `linear`: ŷ = w·x + b (2 parameters on `line`); `mlp`: dense layers with `activation` between them. */
export type ModelSpec = { kind: 'linear' } | { kind: 'mlp'; hidden: number[]; activation: Activation };

/** One dense layer: weights inputs × outputs (row-major), then outputs biases. */
export interface LayerShape {
  inputs: number;
  outputs: number;
}

/** Parameters in a fixed order [W1, b1, W2, b2, …]: the order of every parameter vector and gradient in the engine. */
export type ParameterArrays = Float32Array[];

/** The dense layers of a model for the given input and output sizes. */
export function layerShapes(model: ModelSpec, inputDim: number, outputDim: number): LayerShape[] {
  const widths = model.kind === 'linear' ? [inputDim, outputDim] : [inputDim, ...model.hidden, outputDim];
  return widths.slice(1).map((outputs, i) => ({ inputs: widths[i]!, outputs }));
}

/** Total number of trainable numbers. */
export function parameterCount(layers: LayerShape[]): number {
  return layers.reduce((sum, l) => sum + l.inputs * l.outputs + l.outputs, 0);
}

/** Hidden-layer activation (the linear model has none). */
export function hiddenActivation(model: ModelSpec): Activation | null {
  return model.kind === 'mlp' ? model.activation : null;
}

/** Seeded initial parameters: He-normal for relu layers, Glorot-uniform otherwise; biases zero. */
export function initialParameters(model: ModelSpec, layers: LayerShape[], seed: number): ParameterArrays {
  const rng = createRng(seed, 'init');
  const params: ParameterArrays = [];
  layers.forEach((layer, index) => {
    const weights = new Float32Array(layer.inputs * layer.outputs);
    const feedsRelu = model.kind === 'mlp' && model.activation === 'relu' && index < layers.length - 1;
    if (feedsRelu) {
      const std = Math.sqrt(2 / layer.inputs);
      for (let k = 0; k < weights.length; k++) weights[k] = std * rng.normal();
    } else {
      const limit = Math.sqrt(6 / (layer.inputs + layer.outputs));
      for (let k = 0; k < weights.length; k++) weights[k] = limit * (2 * rng.next() - 1);
    }
    params.push(weights, new Float32Array(layer.outputs));
  });
  return params;
}
