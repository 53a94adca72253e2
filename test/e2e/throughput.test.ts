import { describe, expect, it } from 'vitest';
import { openBrowser } from './browser';
import { openWorkspace, RUN_IDS, waitForHistories } from './workspace-page';

describe('throughput in the workspace', () => {
  it('charts every run’s steps/s and examples/s from its own clock: the full batch gets through the most examples', async () => {
    const session = await openBrowser();
    try {
      const page = session.page;
      await openWorkspace(page, '?backend=webgl');
      await page.getByRole('tab', { name: 'Throughput' }).click();
      await page.getByRole('button', { name: /Play/ }).click();
      const h = await waitForHistories(page, (all) => RUN_IDS.every((id) => (all[id]?.throughput.length ?? 0) >= 5), 90_000);
      await page.getByRole('button', { name: /Pause/ }).click();
      const batch = { single: 1, mini: 32, full: 512 } as const;
      for (const id of RUN_IDS) {
        for (const p of h[id]!.throughput) expect(p.examplesPerSecond / p.stepsPerSecond).toBeCloseTo(batch[id], 6);
        const steps = h[id]!.throughput.map((p) => p.step);
        expect(new Set(steps).size).toBe(steps.length);
      }
      expect(h.full!.throughput.at(-1)!.examplesPerSecond).toBeGreaterThan(10 * h.single!.throughput.at(-1)!.examplesPerSecond);
      const chart = page.getByRole('img', { name: /^Examples per second of each run over training/ });
      await expect(chart.getAttribute('aria-label')).resolves.toMatch(/Latest: B = 1 [\d,.]+; B = 32 [\d,.]+; B = N \(512\) [\d,.]+\.$/);
      await expect(chart.locator('svg.recharts-surface').count()).resolves.toBe(1);
      await page.getByText(/^Right now B = 1 takes .+ B = N \(512\), whose 512-example steps get through [\d,.]+× as many examples per second\.$/).waitFor();
      await page.screenshot({ path: 'test-results/throughput-view-1440x900.png', fullPage: true });
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  }, 180_000);
});
