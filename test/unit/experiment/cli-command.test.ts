import { describe, expect, it } from 'vitest';
import { parseExperimentArgs } from '../../../cli/cli-args';
import { cliCommand, type CliRun } from '../../../src/experiment/cli-command';
import { datasetSpecOf, defaultConfig, modelSpecOf, type ExperimentConfig } from '../../../src/experiment/config';

/** The command's arguments after `--`, as the shell would split them (values never hold spaces). */
const argsOf = (command: string): string[] => command.split(' -- ')[1]!.split(' ');

const RUN: CliRun = { batchSize: 32, lr: 0.1, shuffle: 'on', steps: 100 };

describe('copy as CLI: per-dataset defaults', () => {
  it('leaves out each dataset’s own default noise and model', () => {
    for (const dataset of ['line', 'moons', 'circles', 'spiral', 'blobs'] as const) {
      expect(cliCommand(defaultConfig(dataset), RUN)).toBe(`npm run -s experiment -- --dataset ${dataset} --batch 32 --lr 0.1 --steps 100`);
    }
  });

  it('names the values that differ from that dataset’s defaults, even when they are another dataset’s', () => {
    const spiralWithMoonsSettings: ExperimentConfig = { ...defaultConfig('spiral'), noise: 0.2, hidden: [16, 16], activation: 'tanh' };
    expect(cliCommand(spiralWithMoonsSettings, RUN)).toBe('npm run -s experiment -- --dataset spiral --noise 0.2 --hidden 16,16 --activation tanh --batch 32 --lr 0.1 --steps 100');
    const lineWithMlp: ExperimentConfig = { ...defaultConfig('line'), model: 'mlp' };
    expect(cliCommand(lineWithMlp, RUN)).toBe('npm run -s experiment -- --dataset line --model mlp --batch 32 --lr 0.1 --steps 100');
  });
});

describe('copy as CLI: mid-run changes', () => {
  it('writes lr and shuffle changes in step order after the starting values', () => {
    const run: CliRun = { ...RUN, shuffle: 'once', lrChanges: [{ step: 20, lr: 1 }, { step: 50, lr: 0.3 }], shuffleChanges: [{ step: 40, shuffle: 'off' }] };
    expect(cliCommand(defaultConfig(), run)).toBe(
      'npm run -s experiment -- --dataset moons --batch 32 --lr 0.1 --lr-at 20:1 --lr-at 50:0.3 --shuffle once --shuffle-at 40:off --steps 100',
    );
  });

  it('folds a change before the first step into the starting value and keeps the last of several at one step, as the app does', () => {
    const run: CliRun = { ...RUN, lrChanges: [{ step: 0, lr: 0.5 }, { step: 30, lr: 2 }, { step: 30, lr: 3 }], shuffleChanges: [{ step: 0, shuffle: 'off' }] };
    expect(cliCommand(defaultConfig(), run)).toBe('npm run -s experiment -- --dataset moons --batch 32 --lr 0.5 --lr-at 30:3 --shuffle off --steps 100');
  });

  it('round-trips through the CLI parser: the same config, lr, shuffle, steps and changes come back', () => {
    const cases: [ExperimentConfig, CliRun][] = [
      [defaultConfig('spiral'), { ...RUN, lr: 0.05, lrChanges: [{ step: 20, lr: 1 }, { step: 50, lr: 0.3 }] }],
      [{ ...defaultConfig('circles'), noise: 0.3, hidden: [8], activation: 'relu', n: 200, seed: 3, momentum: 0.9, dropLast: true }, { ...RUN, batchSize: 'full', shuffle: 'off', shuffleChanges: [{ step: 7, shuffle: 'on' }, { step: 9, shuffle: 'once' }] }],
      [{ ...defaultConfig('line'), testShare: 0.1 }, { ...RUN, batchSize: 1, lr: 1.6, steps: 3, lrChanges: [{ step: 1, lr: 0.000123457 }], shuffleChanges: [{ step: 2, shuffle: 'off' }] }],
      [{ ...defaultConfig('blobs'), noise: 0, hidden: [64, 64, 64, 64] }, { ...RUN }],
    ];
    for (const [config, run] of cases) {
      const parsed = parseExperimentArgs(argsOf(cliCommand(config, run)));
      expect(datasetSpecOf(parsed.config)).toEqual(datasetSpecOf(config));
      expect(modelSpecOf(parsed.config)).toEqual(modelSpecOf(config));
      expect(parsed.config).toMatchObject({ momentum: config.momentum, dropLast: config.dropLast, batchSizes: [run.batchSize], lr: run.lr, shuffle: run.shuffle });
      expect(parsed.duration).toEqual({ unit: 'steps', count: run.steps });
      expect(parsed.lrChanges).toEqual(run.lrChanges ?? []);
      expect(parsed.shuffleChanges).toEqual(run.shuffleChanges ?? []);
    }
  });
});
