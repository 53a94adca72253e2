import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseExperimentArgs, UsageError } from '../../../cli/cli-args';
import { runExperiment, type CliRecord } from '../../../cli/run-experiment';
import { generateDataset } from '../../../src/engine/datasets';
import { uploadDataset } from '../../../src/engine/device-data';
import { createTrainer, type Trainer } from '../../../src/engine/trainer';
import { datasetSpecOf, modelSpecOf, resolveBatchSize } from '../../../src/experiment/config';

const BASE = ['--dataset', 'moons', '--n', '64', '--batch', '8', '--eval-every', '5', '--steps', '24'];

async function cliEvals(argv: string[]): Promise<CliRecord[]> {
  const out: CliRecord[] = [];
  await runExperiment(parseExperimentArgs(argv), (r) => out.push(r));
  return out.filter((r) => r.type === 'eval').map(({ step, trainLoss, testLoss, accuracy }) => ({ step, trainLoss, testLoss, accuracy }));
}

/** The app's way: one step at a time, a change applied once exactly `step` steps are done, evaluations every 5 steps and at the end. */
async function handEvals(argv: string[], changes: { step: number; apply: (trainer: Trainer) => void }[]): Promise<CliRecord[]> {
  const { config } = parseExperimentArgs(argv);
  const data = uploadDataset(generateDataset(datasetSpecOf(config)));
  const trainer = createTrainer({
    data,
    model: modelSpecOf(config),
    batchSize: resolveBatchSize(config.batchSizes[0]!, config.n),
    lr: config.lr,
    momentum: config.momentum,
    shuffle: config.shuffle,
    dropLast: config.dropLast,
    seed: config.seed,
  });
  const evals: CliRecord[] = [];
  const evaluate = async () => {
    const e = await trainer.evaluate();
    evals.push({ step: e.step, trainLoss: e.trainLoss, testLoss: e.testLoss, accuracy: e.testAccuracy });
  };
  try {
    await evaluate();
    for (let step = 1; step <= 24; step++) {
      await trainer.runSteps(1);
      for (const change of changes) if (change.step === step) change.apply(trainer);
      if (step % 5 === 0 || step === 24) await evaluate();
    }
  } finally {
    trainer.dispose();
    data.dispose();
  }
  return evals;
}

describe('mid-run changes in the CLI', () => {
  it('--lr-at gives exactly the eval losses of calling setLearningRate after S steps', async () => {
    const changes = [
      { step: 7, apply: (t: Trainer) => t.setLearningRate(1) },
      { step: 13, apply: (t: Trainer) => t.setLearningRate(0.3) },
    ];
    const cli = await cliEvals([...BASE, '--lr', '0.1', '--lr-at', '7:1', '--lr-at', '13:0.3']);
    expect(cli).toEqual(await handEvals(BASE, changes));
    expect(cli.map((r) => r.step)).toEqual([0, 5, 10, 15, 20, 24]);
    // The change must have mattered: without it the curves part after step 7.
    const unchanged = await cliEvals(BASE);
    expect(cli.slice(0, 2)).toEqual(unchanged.slice(0, 2));
    expect(cli[2]).not.toEqual(unchanged[2]);
  });

  it('--shuffle-at gives exactly the eval losses of calling setShuffle after S steps (from the next epoch)', async () => {
    const changes = [
      { step: 5, apply: (t: Trainer) => t.setShuffle('off') },
      { step: 16, apply: (t: Trainer) => t.setShuffle('once') },
    ];
    const cli = await cliEvals([...BASE, '--shuffle-at', '5:off', '--shuffle-at', '16:once']);
    expect(cli).toEqual(await handEvals(BASE, changes));
    // 8 steps an epoch: a change at step 5 leaves the first epoch as it was cut.
    const unchanged = await cliEvals(BASE);
    expect(cli.slice(0, 2)).toEqual(unchanged.slice(0, 2));
    expect(cli.at(-1)).not.toEqual(unchanged.at(-1));
  });

  it.each([
    [['--lr-at', '0:1'], /--lr-at must be STEP:LR with LR between 0.0001 and 10, STEP a whole number ≥ 1/],
    [['--lr-at', '5'], /--lr-at must be STEP:LR/],
    [['--lr-at', 'x:1'], /--lr-at must be STEP:LR/],
    [['--lr-at', '2.5:1'], /--lr-at must be STEP:LR/],
    [['--lr-at', '5:20'], /--lr-at .* \(got "5:20"\)/],
    [['--lr-at', '5:-1'], /--lr-at .* \(got "5:-1"\)/],
    [['--lr-at', '5:1', '--lr-at', '5:2'], /strictly increasing \(got "5:2"\)/],
    [['--lr-at', '9:1', '--lr-at', '5:2'], /strictly increasing \(got "5:2"\)/],
    [['--shuffle-at', '3:maybe'], /--shuffle-at must be STEP:on\|once\|off/],
    [['--shuffle-at', '3:on:4'], /--shuffle-at must be STEP:on\|once\|off/],
  ])('rejects %j with a message naming the flag', (argv, message) => {
    expect(() => parseExperimentArgs(argv)).toThrow(UsageError);
    expect(() => parseExperimentArgs(argv)).toThrow(message);
  });

  it('bad --lr-at from the shell: one line on stderr, exit code 2, nothing on stdout', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/experiment.ts', '--lr-at', '10:1', '--lr-at', '4:2'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'experiment: --lr-at must be STEP:LR with LR between 0.0001 and 10, STEP a whole number ≥ 1 and strictly increasing (got "4:2")',
    ]);
  });
});
