import { describe, expect, it } from 'vitest';
import { parseExperimentArgs } from '../../../cli/cli-args';
import { runExperiment, type CliRecord } from '../../../cli/run-experiment';
import { defaultConfig } from '../../../src/experiment/config';

describe('experiment CLI: per-dataset defaults', () => {
  it('--dataset alone takes that dataset’s noise and model; explicit flags still win', () => {
    expect(parseExperimentArgs(['--dataset', 'spiral']).config).toEqual({ ...defaultConfig('spiral'), batchSizes: [32] });
    expect(parseExperimentArgs(['--dataset', 'line']).config.model).toBe('linear');
    expect(parseExperimentArgs(['--dataset', 'spiral', '--noise', '0.2', '--hidden', '16,16', '--activation', 'tanh']).config).toMatchObject({
      noise: 0.2,
      hidden: [16, 16],
      activation: 'tanh',
    });
  });

  it('the spiral defaults learn: B = 32 at lr 0.1 for 100 epochs beats chance (50 %) by far', async () => {
    const out: CliRecord[] = [];
    await runExperiment(parseExperimentArgs(['--dataset', 'spiral', '--batch', '32', '--epochs', '100', '--eval-every', '1600']), (r) => out.push(r));
    const evals = out.filter((r) => r.type === 'eval');
    expect(evals.map((r) => r.step)).toEqual([0, 1600]);
    expect(evals.at(-1)!.accuracy).toBeGreaterThan(0.85);
  });
});
