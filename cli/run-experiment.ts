import { generateDataset } from '../src/engine/datasets';
import { uploadDataset } from '../src/engine/device-data';
import { epochBatches, stepsPerEpoch } from '../src/engine/loader';
import { createTrainer } from '../src/engine/trainer';
import { datasetSpecOf, modelSpecOf, resolveBatchSize } from '../src/experiment/config';
import type { ExperimentArgs, LoaderArgs } from './cli-args';

/** One output line of the CLI (a JSON object). */
export type CliRecord = Record<string, unknown>;

/** Trains one run as the options say and hands each record to `emit`, in order. */
export async function runExperiment(args: ExperimentArgs, emit: (record: CliRecord) => void): Promise<void> {
  const { config } = args;
  const dataset = generateDataset(datasetSpecOf(config));
  if (args.dumpData) {
    for (const split of ['train', 'test'] as const) {
      emit({ type: 'data', split, x: Array.from(dataset[split].x), y: Array.from(dataset[split].y) });
    }
  }
  const data = uploadDataset(dataset);
  const batchSize = resolveBatchSize(config.batchSizes[0] ?? 'full', config.n);
  const trainer = createTrainer({
    data,
    model: modelSpecOf(config),
    batchSize,
    lr: config.lr,
    momentum: config.momentum,
    shuffle: config.shuffle,
    dropLast: config.dropLast,
    seed: config.seed,
  });
  try {
    const perEpoch = stepsPerEpoch(config.n, batchSize, config.dropLast);
    const totalSteps = args.duration.unit === 'steps' ? args.duration.count : args.duration.count * perEpoch;
    const evalEvery = config.evalEvery;
    const noiseEvery = args.noiseEvery;
    const emitEval = async () => {
      const e = await trainer.evaluate();
      emit({ type: 'eval', step: e.step, epoch: e.epoch, examplesSeen: e.examplesSeen, trainLoss: e.trainLoss, testLoss: e.testLoss, accuracy: e.testAccuracy });
    };
    const emitNoise = async () => {
      const s = await trainer.measureNoise();
      emit({
        type: 'noise',
        step: s.step,
        batchSize: s.batchSize,
        gradNormSq: s.gradNormSq,
        traceSigma: s.traceSigma,
        bSimple: s.bSimple,
        cosine: s.cosine,
        batchErrorSq: s.batchErrorSq,
        estimate: s.estimate,
      });
    };
    // Mid-run changes land between chunks, as in the app, so a chunk ends at each change's step.
    const changes = [
      ...args.lrChanges.map((c) => ({ step: c.step, apply: () => trainer.setLearningRate(c.lr) })),
      ...args.shuffleChanges.map((c) => ({ step: c.step, apply: () => trainer.setShuffle(c.shuffle) })),
    ].sort((a, b) => a.step - b.step);
    let nextChangeIndex = 0;
    await emitEval();
    if (noiseEvery !== null) await emitNoise();
    let lastEvalStep = 0;
    while (trainer.progress.step < totalSteps && trainer.progress.status === 'ok') {
      const step = trainer.progress.step;
      const nextEval = (Math.floor(step / evalEvery) + 1) * evalEvery;
      const nextNoise = noiseEvery === null ? Infinity : (Math.floor(step / noiseEvery) + 1) * noiseEvery;
      const nextChange = changes[nextChangeIndex]?.step ?? Infinity;
      await trainer.runSteps(Math.min(nextEval, nextNoise, nextChange, totalSteps) - step);
      if (trainer.progress.status !== 'ok') break;
      const at = trainer.progress.step;
      // Applied before this step's noise record, which describes the batch the next step will use.
      for (; changes[nextChangeIndex]?.step === at; nextChangeIndex++) changes[nextChangeIndex]!.apply();
      if (at % evalEvery === 0) {
        await emitEval();
        lastEvalStep = at;
      }
      if (noiseEvery !== null && at % noiseEvery === 0) await emitNoise();
    }
    const final = await trainer.evaluate();
    if (trainer.progress.status === 'ok' && lastEvalStep !== trainer.progress.step) await emitEval();
    const params = config.model === 'linear' ? await trainer.getParams() : null;
    const p = trainer.progress;
    emit({
      type: 'summary',
      status: p.status,
      ...(p.status === 'diverged' ? { divergedAtStep: p.divergedAtStep } : {}),
      steps: p.step,
      epochs: p.epoch,
      examplesSeen: p.examplesSeen,
      trainLoss: final.trainLoss,
      testLoss: final.testLoss,
      params: params ? { w: params[0]![0], b: params[1]![0] } : null,
    });
  } finally {
    trainer.dispose();
    data.dispose();
  }
}

/** Prints the loader's batches (example indices) epoch by epoch, as a DataLoader would serve them. */
export function runLoader(args: LoaderArgs, emit: (record: CliRecord) => void): void {
  const batchSize = args.batch === 'full' ? args.n : args.batch;
  for (let epoch = 0; epoch < args.epochs; epoch++) {
    const batches = epochBatches({ n: args.n, batchSize, shuffle: args.shuffle, dropLast: args.dropLast, seed: args.seed }, epoch);
    emit({ type: 'epoch', epoch, batches: batches.map((b) => Array.from(b)) });
  }
}
