import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExperimentArgs } from '../../cli/cli-args';
import { useCpuBackend } from '../../cli/cpu-backend';
import { runExperiment, type CliRecord } from '../../cli/run-experiment';
import { cliCommand } from '../../src/experiment/cli-command';
import { defaultConfig } from '../../src/experiment/config';
import { openBrowser, type BrowserSession } from './browser';
import { openWorkspace, RUN_IDS, waitForHistories } from './workspace-page';

const STOP_STEP = 40;

describe('the app on the CPU backend and the CLI', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    await useCpuBackend();
    session = await openBrowser();
    await openWorkspace(session.page, '?backend=cpu');
  });
  afterAll(async () => {
    await session.close();
  });

  it('give the same losses for the same experiment (the copied CLI command reproduces each run)', async () => {
    const page = session.page;
    await expect(page.getByTestId('backend-badge').textContent()).resolves.toBe('CPU');
    await page.getByLabel('Stop each run at').selectOption('steps');
    const stopField = page.getByRole('spinbutton', { name: 'Stop at step' });
    await stopField.fill(String(STOP_STEP));
    await page.getByRole('button', { name: /Play/ }).click();
    const h = await waitForHistories(page, (all) => RUN_IDS.every((id) => all[id]?.status.state === 'finished' && all[id]!.evals.at(-1)!.step === STOP_STEP));
    const config = defaultConfig();
    for (const id of RUN_IDS) {
      const run = h[id]!;
      const command = cliCommand(config, { batchSize: run.status.batchSize >= config.n ? 'full' : run.status.batchSize, lr: run.status.lr, shuffle: config.shuffle, steps: STOP_STEP });
      const records: CliRecord[] = [];
      await runExperiment(parseExperimentArgs(command.split(' -- ')[1]!.split(' ')), (r) => records.push(r));
      const summary = records.at(-1)!;
      expect(summary.steps).toBe(STOP_STEP);
      expect(run.evals[0]!.trainLoss).toBeCloseTo(records[0]!.trainLoss as number, 6);
      expect(run.evals.at(-1)!.trainLoss).toBeCloseTo(summary.trainLoss as number, 6);
      expect(run.evals.at(-1)!.testLoss).toBeCloseTo(summary.testLoss as number, 6);
    }
    expect(session.errors).toEqual([]);
  });
});
