import * as tf from '@tensorflow/tfjs-core';
import { createDataLoader, effectiveBatchSize } from './loader';
import { hiddenActivation, initialParameters, layerShapes, parameterCount } from './models';
import { forward, lossSumSign } from './network';
import type { LoaderBatch } from './loader';
import { evaluateSplits } from './evaluation';
import { PIECE_ROWS } from './row-pieces';
import { createSgdStep, type TrainableLayer } from './sgd-step';
import { measureNoiseSums, perExampleGradientMatrix } from './noise-probe';
import { cosineFromDots, createNoiseScaleEstimator, simpleNoiseScale } from './noise';
import { createRng, sampleWithoutReplacement } from './rng';
import { MAX_PER_EXAMPLE_ENTRIES, type StepRecord, type Trainer, type TrainerConfig, type TrainingProgress } from './trainer-types';

export type * from './trainer-types';
export { MAX_PER_EXAMPLE_ENTRIES } from './trainer-types';

/** A step dispatched but not yet read back. */
interface PendingStep {
  record: Omit<StepRecord, 'batchLoss'>;
  loss: tf.Scalar;
}

/** Creates a trainer with seeded initial parameters; it owns its variables, the dataset stays the caller's. */
export function createTrainer(config: TrainerConfig): Trainer {
  const { data, model } = config;
  const task = data.task;
  const activation = hiddenActivation(model);
  const shapes = layerShapes(model, data.inputDim, data.outputDim);
  const n = data.train.count;
  const batchSize = effectiveBatchSize(n, config.batchSize);
  const loader = createDataLoader({ n, batchSize, shuffle: config.shuffle, dropLast: config.dropLast, seed: config.seed });
  const initial = initialParameters(model, shapes, config.seed);
  const layers: TrainableLayer[] = tf.tidy(() =>
    shapes.map((shape, l) => ({
      weights: tf.variable(tf.tensor2d(initial[2 * l]!, [shape.inputs, shape.outputs])),
      bias: tf.variable(tf.tensor1d(initial[2 * l + 1]!)),
    })),
  );
  const velocities: TrainableLayer[] | null =
    config.momentum > 0
      ? tf.tidy(() => shapes.map((s) => ({ weights: tf.variable(tf.zeros<tf.Rank.R2>([s.inputs, s.outputs])), bias: tf.variable(tf.zeros<tf.Rank.R1>([s.outputs])) })))
      : null;
  const progress: TrainingProgress = { step: 0, epoch: 0, examplesSeen: 0, status: 'ok', divergedAtStep: null };
  const estimator = createNoiseScaleEstimator();
  let noiseMeasurements = 0;
  let disposed = false;

  const advance = (batch: LoaderBatch): Omit<StepRecord, 'batchLoss'> => {
    const size = batch.indices.length;
    progress.step++;
    progress.examplesSeen += size;
    progress.epoch = batch.epoch + (batch.batchInEpoch + 1) / batch.batchesInEpoch;
    return {
      step: progress.step,
      epoch: progress.epoch,
      examplesSeen: progress.examplesSeen,
      batchSize: size,
      batchEpoch: batch.epoch,
      batchInEpoch: batch.batchInEpoch,
    };
  };

  const sgd = createSgdStep({ layers, velocities, momentum: config.momentum, train: data.train, task, activation, lr: config.lr, pieceRows: config.pieceRows ?? PIECE_ROWS });


  const parameterNormSq = (): tf.Scalar =>
    tf.addN(layers.flatMap((layer) => [tf.sum(tf.square(layer.weights)), tf.sum(tf.square(layer.bias))]));

  const markDiverged = (step: number): void => {
    progress.status = 'diverged';
    progress.divergedAtStep = step;
  };

  return {
    parameterCount: parameterCount(shapes),
    batchSize,
    progress,

    async runSteps(count) {
      if (disposed || progress.status !== 'ok' || count <= 0) return [];
      const pending: PendingStep[] = [];
      for (let k = 0; k < count; k++) {
        const batch = loader.next();
        // A step over more than pieceRows rows waits for its pieces; a smaller one is only queued.
        const loss = sgd.needsPieces(batch.indices.length) ? await sgd.inPieces(batch.indices) : sgd.whole(batch.indices);
        pending.push({ record: advance(batch), loss });
      }
      const packed = tf.tidy(() => tf.concat([tf.stack(pending.map((p) => p.loss)), tf.reshape(parameterNormSq(), [1])]));
      tf.dispose(pending.map((p) => p.loss));
      const values = await packed.data();
      packed.dispose();
      const sign = lossSumSign(task);
      const records: StepRecord[] = [];
      for (const [k, p] of pending.entries()) {
        const batchLoss = (sign * values[k]!) / p.record.batchSize;
        records.push({ ...p.record, batchLoss });
        if (!Number.isFinite(batchLoss)) {
          markDiverged(p.record.step);
          // The rest of the chunk was already dispatched; the run stops where it diverged.
          progress.step = p.record.step;
          progress.epoch = p.record.epoch;
          progress.examplesSeen = p.record.examplesSeen;
          return records;
        }
      }
      if (!Number.isFinite(values[count]!)) markDiverged(progress.step);
      return records;
    },

    async evaluate(options = {}) {
      const at = { step: progress.step, epoch: progress.epoch, examplesSeen: progress.examplesSeen };
      const sums = await evaluateSplits(layers, data, activation, task, options.withParams === true);
      const classification = task === 'classification';
      const sign = lossSumSign(task);
      const trainLoss = (sign * sums.train.loss) / n;
      const testLoss = (sign * sums.test.loss) / data.test.count;
      if (progress.status === 'ok' && !(Number.isFinite(trainLoss) && Number.isFinite(testLoss))) markDiverged(at.step);
      const evaluation = {
        ...at,
        trainLoss,
        testLoss,
        trainAccuracy: classification ? sums.train.correct / n : null,
        testAccuracy: classification ? sums.test.correct / data.test.count : null,
      };
      return sums.params ? { ...evaluation, params: sums.params } : evaluation;
    },

    async measureNoise() {
      const step = progress.step;
      const batch = loader.peek().indices;
      const bigBatchSize = Math.min(n, 10 * batchSize);
      // A larger batch for the two-batch estimator, drawn without replacement from its own seeded stream.
      const bigBatch =
        batchSize < n ? sampleWithoutReplacement(n, bigBatchSize, createRng(config.seed, 'noise-probe', noiseMeasurements)) : null;
      noiseMeasurements++;
      const sums = await measureNoiseSums(layers, data.train, activation, task, batch, bigBatch);
      const traceSigma = Math.max(0, sums.meanPerExampleNormSq - sums.gradNormSq);
      const estimate =
        bigBatch && sums.bigBatchNormSq !== null
          ? estimator.update(
              n,
              { batchSize: batch.length, normSq: sums.batchNormSq },
              { batchSize: bigBatchSize, normSq: sums.bigBatchNormSq },
            )
          : null;
      return {
        step,
        batchSize: batch.length,
        gradNormSq: sums.gradNormSq,
        traceSigma,
        bSimple: simpleNoiseScale(traceSigma, sums.gradNormSq),
        cosine: cosineFromDots(sums.batchDotFull, sums.batchNormSq, sums.gradNormSq),
        batchErrorSq: Math.max(0, sums.batchNormSq - 2 * sums.batchDotFull + sums.gradNormSq),
        estimate: estimate ? { ...estimate, bigBatchSize } : null,
      };
    },

    async perExampleGradients(rows) {
      const p = parameterCount(shapes);
      const count = rows ? rows.length : n;
      if (count * p > MAX_PER_EXAMPLE_ENTRIES) {
        throw new RangeError(`per-example gradients need rows·P ≤ ${MAX_PER_EXAMPLE_ENTRIES}; asked for ${count}·${p}`);
      }
      const matrix = perExampleGradientMatrix(layers, data.train, activation, task, rows ?? null);
      const values = (await matrix.data()) as Float32Array;
      matrix.dispose();
      return { n: count, p, values };
    },

    async getParams() {
      const tensors = layers.flatMap((layer) => [layer.weights, layer.bias]);
      const packed = tf.tidy(() => tf.concat(tensors.map((t) => tf.reshape(t, [-1]))));
      const flat = (await packed.data()) as Float32Array;
      packed.dispose();
      let offset = 0;
      return tensors.map((t) => {
        const part = flat.slice(offset, offset + t.size);
        offset += t.size;
        return part;
      });
    },

    async predict(inputs, count) {
      const output = tf.tidy(() => forward(layers, tf.tensor2d(inputs, [count, data.inputDim]), activation, task).output);
      const values = (await output.data()) as Float32Array;
      output.dispose();
      return values;
    },

    seekToStep(step, examplesSeen) {
      loader.seek(step);
      const at = loader.peek();
      progress.step = step;
      progress.examplesSeen = examplesSeen;
      progress.epoch = at.epoch + at.batchInEpoch / at.batchesInEpoch;
    },

    setParams(params) {
      layers.forEach((layer, l) => {
        const shape = shapes[l]!;
        const weights = params[2 * l];
        const bias = params[2 * l + 1];
        if (weights?.length !== shape.inputs * shape.outputs || bias?.length !== shape.outputs) {
          throw new RangeError(`parameter snapshot does not match layer ${l + 1} (${shape.inputs}×${shape.outputs})`);
        }
        tf.tidy(() => {
          layer.weights.assign(tf.tensor2d(weights, [shape.inputs, shape.outputs]));
          layer.bias.assign(tf.tensor1d(bias));
        });
      });
    },

    setLearningRate: (next) => sgd.setLearningRate(next),

    setShuffle: (mode) => loader.setShuffle(mode),
    peekBatch: () => loader.peek(),
    loaderState: () => loader.state(),

    dispose() {
      if (disposed) return;
      disposed = true;
      sgd.dispose();
      for (const layer of [...layers, ...(velocities ?? [])]) tf.dispose([layer.weights, layer.bias]);
    },
  };
}
