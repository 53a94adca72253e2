import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseExperimentArgs, parseLoaderArgs, UsageError } from '../../../cli/cli-args';
import { runExperiment, runLoader, type CliRecord } from '../../../cli/run-experiment';
import { epochBatches } from '../../../src/engine/loader';

async function records(argv: string[]): Promise<CliRecord[]> {
  const out: CliRecord[] = [];
  await runExperiment(parseExperimentArgs(argv), (r) => out.push(r));
  return out;
}

function cli(argv: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'cli/experiment.ts', ...argv], { encoding: 'utf8', timeout: 60_000 });
}

describe('experiment CLI', () => {
  it('prints eval records, a step-0 noise record, then a summary with the linear model’s w and b', async () => {
    const out = await records(['--dataset', 'line', '--n', '64', '--batch', '16', '--epochs', '3', '--eval-every', '4', '--noise-every', '6']);
    const types = out.map((r) => r.type);
    expect(types[0]).toBe('eval');
    expect(out[1]).toMatchObject({ type: 'noise', step: 0, batchSize: 16 });
    expect(types.at(-1)).toBe('summary');
    const evals = out.filter((r) => r.type === 'eval');
    expect(evals.map((r) => r.step)).toEqual([0, 4, 8, 12]);
    expect(evals[0]).toMatchObject({ epoch: 0, examplesSeen: 0, accuracy: null });
    expect(out.filter((r) => r.type === 'noise').map((r) => r.step)).toEqual([0, 6, 12]);
    const summary = out.at(-1)!;
    expect(summary).toMatchObject({ status: 'ok', steps: 12, epochs: 3, examplesSeen: 192 });
    expect(summary.params).toEqual({ w: expect.any(Number), b: expect.any(Number) });
    expect(summary.trainLoss).toBe(evals.at(-1)!.trainLoss);
  });

  it('reports accuracy for classification and null params for the MLP; --dump-data comes first', async () => {
    const out = await records(['--dataset', 'blobs', '--n', '30', '--batch', 'full', '--steps', '3', '--dump-data']);
    expect(out[0]).toMatchObject({ type: 'data', split: 'train' });
    expect((out[0]!.x as number[]).length).toBe(60);
    expect(out[1]).toMatchObject({ type: 'data', split: 'test' });
    const lastEval = out.filter((r) => r.type === 'eval').at(-1)!;
    expect(lastEval.accuracy).toEqual(expect.any(Number));
    expect(out.at(-1)).toMatchObject({ type: 'summary', steps: 3, epochs: 3, params: null });
  });

  it('is reproducible: the same options give the same records', async () => {
    const argv = ['--dataset', 'moons', '--n', '40', '--batch', '4', '--steps', '25'];
    expect(await records(argv)).toEqual(await records(argv));
  });

  it('reports divergence at a huge learning rate', async () => {
    const out = await records(['--dataset', 'line', '--n', '32', '--batch', 'full', '--lr', '10', '--steps', '200']);
    expect(out.at(-1)).toMatchObject({ type: 'summary', status: 'diverged' });
    expect(out.at(-1)!.divergedAtStep).toEqual(expect.any(Number));
  });

  it('loader: prints each epoch’s batches, the source text’s DataLoader(range(15), batch_size=5, shuffle=True)', () => {
    const out: CliRecord[] = [];
    runLoader(parseLoaderArgs(['--n', '15', '--batch', '5', '--shuffle', 'on', '--seed', '1', '--epochs', '2']), (r) => out.push(r));
    expect(out).toHaveLength(2);
    out.forEach((record, epoch) => {
      const expected = epochBatches({ n: 15, batchSize: 5, shuffle: 'on', dropLast: false, seed: 1 }, epoch).map((b) => Array.from(b));
      expect(record).toEqual({ type: 'epoch', epoch, batches: expected });
    });
    expect(out[0]!.batches).not.toEqual(out[1]!.batches);
  });

  it.each([
    [['--foo'], /--foo/],
    [['--batch', '0'], /--batch must be between 1 and 65536/],
    [['--lr', '-1'], /--lr must be between/],
    [['--lr', 'abc'], /--lr must be a number/],
    [['--dataset', 'foo'], /--dataset must be one of line\|moons\|circles\|spiral\|blobs/],
    [['--model', 'linear'], /--model linear only fits --dataset line/],
    [['--hidden', '16,x'], /--hidden/],
    [['--epochs', '2', '--steps', '3'], /either --epochs or --steps/],
  ])('rejects %j with a message naming the flag', (argv, message) => {
    expect(() => parseExperimentArgs(argv)).toThrow(UsageError);
    expect(() => parseExperimentArgs(argv)).toThrow(message);
  });

  it('bad input from the shell: one line on stderr, exit code 2, nothing on stdout, no stack trace', () => {
    const result = cli(['--lr', 'abc']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual(['experiment: --lr must be a number (got "abc")']);
  });

  it('prints only JSON lines on stdout', () => {
    const result = cli(['--dataset', 'moons', '--n', '16', '--steps', '3', '--batch', '4']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as CliRecord).type)).toEqual(['eval', 'eval', 'summary']);
  });
});
