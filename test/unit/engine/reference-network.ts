/**
 * An independent float64 reference for the engine's network maths, written per example in plain loops:
 * forward pass, loss and back-propagated gradient. Parameters are [W1, b1, W2, b2, …], W row-major [inputs, outputs].
 */
export interface ReferenceModel {
  widths: number[];
  activation: 'tanh' | 'relu' | null;
  task: 'regression' | 'classification';
}

function layerCount(model: ReferenceModel): number {
  return model.widths.length - 1;
}

/** Loss of one example and its gradient (flat, in parameter order). */
export function exampleLossAndGradient(
  model: ReferenceModel,
  params: ArrayLike<number>[],
  x: number[],
  target: number,
): { loss: number; gradient: number[] } {
  const L = layerCount(model);
  const activations: number[][] = [x];
  let current = x;
  for (let l = 0; l < L; l++) {
    const inputs = model.widths[l]!;
    const outputs = model.widths[l + 1]!;
    const w = params[2 * l]!;
    const b = params[2 * l + 1]!;
    const z: number[] = [];
    for (let j = 0; j < outputs; j++) {
      let sum = b[j]!;
      for (let i = 0; i < inputs; i++) sum += current[i]! * w[i * outputs + j]!;
      z.push(sum);
    }
    const last = l === L - 1;
    current = last ? z : z.map((v) => (model.activation === 'relu' ? Math.max(0, v) : Math.tanh(v)));
    if (!last) activations.push(current);
  }
  let loss: number;
  let delta: number[];
  if (model.task === 'regression') {
    const r = current[0]! - target;
    loss = r * r;
    delta = [2 * r];
  } else {
    const max = Math.max(...current);
    const exps = current.map((v) => Math.exp(v - max));
    const total = exps.reduce((a, v) => a + v, 0);
    const p = exps.map((v) => v / total);
    loss = -Math.log(p[target]!);
    delta = p.map((v, k) => v - (k === target ? 1 : 0));
  }
  const grads: number[][] = new Array<number[]>(2 * L);
  for (let l = L - 1; l >= 0; l--) {
    const inputs = model.widths[l]!;
    const outputs = model.widths[l + 1]!;
    const a = activations[l]!;
    const gw: number[] = [];
    for (let i = 0; i < inputs; i++) for (let j = 0; j < outputs; j++) gw.push(a[i]! * delta[j]!);
    grads[2 * l] = gw;
    grads[2 * l + 1] = [...delta];
    if (l > 0) {
      const w = params[2 * l]!;
      const below: number[] = [];
      for (let i = 0; i < inputs; i++) {
        let sum = 0;
        for (let j = 0; j < outputs; j++) sum += delta[j]! * w[i * outputs + j]!;
        const ai = a[i]!;
        below.push(sum * (model.activation === 'relu' ? (ai > 0 ? 1 : 0) : 1 - ai * ai));
      }
      delta = below;
    }
  }
  return { loss, gradient: grads.flat() };
}

/** Mean loss and mean gradient over the rows `rows` of a dataset (x row-major, one target per row). */
export function meanLossAndGradient(
  model: ReferenceModel,
  params: ArrayLike<number>[],
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  rows: ArrayLike<number>,
): { loss: number; gradient: number[]; perExample: number[][] } {
  const d = model.widths[0]!;
  let loss = 0;
  let gradient: number[] | null = null;
  const perExample: number[][] = [];
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const xi = Array.from({ length: d }, (_, c) => x[row * d + c]!);
    const one = exampleLossAndGradient(model, params, xi, y[row]!);
    perExample.push(one.gradient);
    loss += one.loss;
    gradient = gradient ? gradient.map((g, i) => g + one.gradient[i]!) : [...one.gradient];
  }
  return { loss: loss / rows.length, gradient: gradient!.map((g) => g / rows.length), perExample };
}

export function dot(a: number[], b: number[]): number {
  return a.reduce((s, v, i) => s + v * b[i]!, 0);
}
