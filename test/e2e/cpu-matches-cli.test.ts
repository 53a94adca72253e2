import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExperimentArgs } from '../../cli/cli-args';
import { useCpuBackend } from '../../cli/cpu-backend';
import { runExperiment, type CliRecord } from '../../cli/run-experiment';
import { cliCommand } from '../../src/experiment/cli-command';
import { defaultConfig } from '../../src/experiment/config';
import { openBrowser, type BrowserSession } from './browser';
import { openWorkspace, RUN_IDS, waitForHistories } from './workspace-page';

const STOP_STEP = 40;
const CHANGE_STOP_STEP = 150;

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
    const stopField = page.getByRole('textbox', { name: 'Stop at step' });
    await stopField.fill(String(STOP_STEP));
    await stopField.press('Enter');
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

  it('Copy as CLI replays an lr changed mid-run: the copied command reproduces each run’s final losses', async () => {
    const page = session.page;
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const stopField = page.getByRole('textbox', { name: 'Stop at step' });
    await stopField.fill(String(CHANGE_STOP_STEP));
    await stopField.press('Enter');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await waitForHistories(page, (all) => RUN_IDS.every((id) => all[id]?.status.step === 0));
    await page.getByLabel('Speed').selectOption('steady');
    await page.getByRole('button', { name: /Play/ }).click();
    await waitForHistories(page, (all) => RUN_IDS.every((id) => (all[id]?.status.step ?? 0) >= 10));
    const lr = page.getByRole('textbox', { name: 'Learning rate (number)' });
    await lr.fill('0.5');
    await lr.press('Enter');
    const h = await waitForHistories(page, (all) => RUN_IDS.every((id) => all[id]?.status.state === 'finished'));
    for (const id of RUN_IDS) {
      const run = h[id]!;
      const change = run.events.find((e) => e.change.kind === 'lr')!;
      expect(change.step).toBeGreaterThan(0);
      expect(change.step).toBeLessThan(CHANGE_STOP_STEP);
      const card = page.getByRole('article', { name: id === 'single' ? 'Run B = 1' : id === 'mini' ? 'Run B = 32' : 'Run B = N (512)' });
      await card.getByRole('button', { name: 'Copy as CLI' }).click();
      await card.getByText('Command copied.').waitFor();
      const command = await page.evaluate(() => navigator.clipboard.readText());
      expect(command).toContain(`--lr-at ${change.step}:0.5`);
      const records: CliRecord[] = [];
      await runExperiment(parseExperimentArgs(command.split(' -- ')[1]!.split(' ')), (r) => records.push(r));
      const summary = records.at(-1)!;
      expect(summary.steps).toBe(CHANGE_STOP_STEP);
      expect(run.evals.at(-1)!.trainLoss).toBeCloseTo(summary.trainLoss as number, 6);
      expect(run.evals.at(-1)!.testLoss).toBeCloseTo(summary.testLoss as number, 6);
    }
    await page.getByLabel('Speed').selectOption('fast');
    expect(session.errors).toEqual([]);
  });
});
