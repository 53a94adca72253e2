import { describe, expect, it } from 'vitest';
import { openBrowser } from './browser';
import { openWorkspace, RUN_IDS, waitForHistories } from './workspace-page';

const tensorCount = (page: import('playwright-core').Page) =>
  page.evaluate(() => (window as unknown as { batchscope: { tensorCount(): Promise<number> } }).batchscope.tensorCount());

describe('robustness', () => {
  it('fast control changes while training neither crash nor leak: after a reset the tensor count is as at load', async () => {
    const session = await openBrowser();
    try {
      const page = session.page;
      await openWorkspace(page, '?backend=webgl');
      const atLoad = await tensorCount(page);
      await page.getByRole('button', { name: /Play/ }).click();
      const lr = page.getByRole('textbox', { name: 'Learning rate (number)' });
      const batch = page.getByRole('slider', { name: 'Batch size (mini-batch run)' });
      const n = page.getByRole('textbox', { name: 'Training examples N (number)' });
      for (let round = 0; round < 6; round++) {
        await lr.fill(String([0.3, 0.01, 1, 0.05, 0.2, 0.1][round]));
        await lr.press('Enter');
        await batch.fill(String(round % 9));
        await page.getByRole('radio', { name: ['Off', 'Once', 'Every epoch'][round % 3] }).check({ force: true });
        await n.fill(String([64, 1024, 128, 256, 2048, 512][round]));
        await n.press('Enter');
        await page.getByLabel('Dataset').selectOption(['circles', 'blobs', 'line', 'spiral', 'moons', 'moons'][round]!);
        await page.waitForTimeout(150);
      }
      await batch.fill('5');
      await lr.fill('0.1');
      await lr.press('Enter');
      await page.getByRole('radio', { name: 'Every epoch' }).check({ force: true });
      await page.waitForTimeout(1500);
      await page.getByRole('button', { name: 'Reset', exact: true }).click();
      await waitForHistories(page, (h) => RUN_IDS.every((id) => h[id]?.status.step === 0 && h[id]!.status.batchSize === (id === 'single' ? 1 : id === 'mini' ? 32 : 512)));
      expect(await tensorCount(page)).toBe(atLoad);
      await page.getByRole('button', { name: /Play/ }).click();
      await waitForHistories(page, (h) => RUN_IDS.every((id) => (h[id]?.status.step ?? 0) > 2));
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('a learning rate far too large stops each run as diverged, says why, and the page carries on', async () => {
    const session = await openBrowser();
    try {
      const page = session.page;
      await openWorkspace(page, '?backend=cpu');
      await page.getByLabel('Dataset').selectOption('line');
      const lr = page.getByRole('textbox', { name: 'Learning rate (number)' });
      await lr.fill('10');
      await lr.press('Enter');
      await page.waitForTimeout(400);
      await page.getByRole('button', { name: /Play/ }).click();
      const h = await waitForHistories(page, (all) => RUN_IDS.every((id) => all[id]?.status.state === 'diverged'));
      for (const id of RUN_IDS) expect(h[id]!.status.divergedAtStep).toBeGreaterThan(0);
      await page.getByRole('alert').nth(2).waitFor();
      await expect(page.getByRole('alert').count()).resolves.toBe(3);
      await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/became infinite or NaN at step/);
      // Play with nothing left to train says why instead of flicking to Pause and back.
      await page.getByRole('button', { name: /Play/ }).click();
      await page.getByText(/^Every run has diverged, so none can train/).waitFor();
      await lr.fill('0.1');
      await lr.press('Enter');
      // At the lower lr each diverged card names the lr it diverged under and offers to reset that run alone.
      await page.getByText(/\(at lr 10\): its steps overshot\. Its lr is now 0\.1: reset it/).first().waitFor();
      await expect(page.getByRole('button', { name: 'Reset this run' }).count()).resolves.toBe(3);
      await page.getByRole('button', { name: 'Reset', exact: true }).click();
      await waitForHistories(page, (all) => RUN_IDS.every((id) => all[id]?.status.state === 'ready'));
      await page.getByRole('button', { name: /Play/ }).click();
      const after = await waitForHistories(page, (all) => RUN_IDS.every((id) => (all[id]?.status.step ?? 0) > 5));
      await expect(page.getByText(/^Every run has diverged/).count()).resolves.toBe(0);
      expect(Object.values(after).every((r) => r.status.state !== 'diverged')).toBe(true);
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
