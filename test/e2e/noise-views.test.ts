import { describe, expect, it } from 'vitest';
import { openBrowser } from './browser';
import { histories, openWorkspace, RUN_IDS, waitForHistories } from './workspace-page';

describe('gradient noise in the workspace', () => {
  it('measures every run while it trains and draws it under the loss chart, open by default', async () => {
    const session = await openBrowser();
    try {
      const page = session.page;
      await openWorkspace(page, '?backend=webgl');
      await expect(page.getByRole('tab', { name: 'Gradient noise' }).getAttribute('aria-selected')).resolves.toBe('true');
      await page.getByRole('button', { name: /Play/ }).click();
      const h = await waitForHistories(page, (all) => RUN_IDS.every((id) => (all[id]?.noise.length ?? 0) >= 6), 90_000);
      await page.getByRole('button', { name: /Pause/ }).click();
      // B = N: its batch is the full set, so its gradient is G itself (float32 rounding aside).
      for (const p of h.full!.noise) {
        expect(p.cosine).toBeGreaterThan(0.999);
        expect(p.relativeError).toBeLessThan(0.01);
        expect(p.estimate).toBeNull();
      }
      // At equal parameters (step 0: every run starts from the same weights) a random batch of 1 misses by more than one of 32.
      const atStart = (id: string) => h[id]!.noise.find((p) => p.step === 0)!;
      expect(atStart('single').expectedRelativeError).toBeGreaterThan(atStart('mini').expectedRelativeError);
      expect(atStart('single').bSimple).toBeCloseTo(atStart('mini').bSimple, 3);
      // Every run is measured on its own steps, and each point carries the batch size the run trains with.
      for (const id of RUN_IDS) {
        const steps = h[id]!.noise.map((p) => p.step);
        expect([...steps].sort((a, b) => a - b)).toEqual(steps);
        expect(new Set(h[id]!.noise.map((p) => p.batchSize)).size).toBe(1);
      }
      // Both charts drew, their text alternatives name all three runs, the table lists them.
      const errorChart = page.getByRole('img', { name: /^Error of each batch gradient over training/ });
      await expect(errorChart.locator('svg.recharts-surface').count()).resolves.toBe(1);
      await expect(errorChart.getAttribute('aria-label')).resolves.toMatch(/B = 1: relative error [\d.]+ .*B = 32: relative error [\d.]+/);
      const scaleChart = page.getByRole('img', { name: /^Noise scale over training/ });
      await expect(scaleChart.getAttribute('aria-label')).resolves.toMatch(/B = 1: noise scale [\d.,]+, batch size 1; B = 32: noise scale [\d.,]+, batch size 32; B = N \(512\): noise scale [\d.,]+/);
      await expect(page.locator('.noise-table tbody tr').count()).resolves.toBe(3);
      await page.screenshot({ path: 'test-results/noise-view-1440x900.png', fullPage: true });
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  }, 180_000);

  it('stops measuring when turned off, and training goes on', async () => {
    const session = await openBrowser();
    try {
      const page = session.page;
      await openWorkspace(page, '?backend=cpu');
      await page.getByLabel('Measure gradient noise').selectOption('off');
      await page.waitForTimeout(500);
      const before = await histories(page);
      await page.getByRole('button', { name: /Play/ }).click();
      const after = await waitForHistories(page, (all) => RUN_IDS.every((id) => (all[id]?.status.step ?? 0) > (before[id]?.status.step ?? 0) + 20), 60_000);
      for (const id of RUN_IDS) expect(after[id]!.noise.length).toBe(before[id]!.noise.length);
      await expect(page.getByText('Measuring is off: the charts stop where it was turned off.').isVisible()).resolves.toBe(true);
      // Turned on again, each run's next measurement opens a new stretch: the lines leave a gap over the steps unmeasured.
      await page.getByLabel('Measure gradient noise').selectOption('250');
      const resumed = await waitForHistories(page, (all) => RUN_IDS.every((id) => (all[id]?.noise.length ?? 0) > (before[id]?.noise.length ?? 0)), 60_000);
      for (const id of RUN_IDS) {
        const fresh = resumed[id]!.noise.slice(before[id]!.noise.length);
        expect(fresh[0]!.afterGap).toBe(true);
        expect(fresh.slice(1).some((p) => p.afterGap)).toBe(false);
      }
      const scaleChart = page.getByRole('img', { name: /^Noise scale over training/ });
      // Two pieces of each run's exact line (its two-batch estimate has not settled yet, so it draws nothing).
      await expect.poll(() => scaleChart.locator('.recharts-line').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2 * RUN_IDS.length);
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  }, 120_000);
});
