import { describe, expect, it } from 'vitest';
import type { GradientAnalysis } from '../../src/runtime/protocol';
import { openBrowser } from './browser';
import { openWorkspace, RUN_IDS, waitForHistories } from './workspace-page';

const analyse = (page: import('playwright-core').Page, runId: string, cloudBatchSize: number) =>
  page.evaluate(([id, b]) => (window as unknown as { batchscope: { analyseGradients(id: string, b: number): Promise<GradientAnalysis | null> } }).batchscope.analyseGradients(id, b), [runId, cloudBatchSize] as const);

const rmsSpread = (a: GradientAnalysis) => Math.sqrt(a.cloud.points.reduce((s, [x, y]) => s + (x - a.cloud.full[0]) ** 2 + (y - a.cloud.full[1]) ** 2, 0) / a.cloud.points.length);

describe('variance against batch size, and the gradient cloud', () => {
  it('measured variance follows tr(Σ)/B · (N − B)/(N − 1) within 1.5× at every B < N; the cloud tightens from B = 1 to 64', async () => {
    const session = await openBrowser();
    try {
      const page = session.page;
      await openWorkspace(page, '?backend=webgl');
      await page.getByRole('button', { name: /Play/ }).click();
      await waitForHistories(page, (h) => RUN_IDS.every((id) => (h[id]?.status.step ?? 0) > 30));
      await page.getByRole('tab', { name: 'Variance' }).click();
      const chart = page.getByRole('img', { name: /^Gradient variance against batch size for B = 32, log-log/ });
      await chart.waitFor({ timeout: 30_000 });
      await expect(chart.locator('svg.recharts-surface').count()).resolves.toBe(1);
      await page.screenshot({ path: 'test-results/variance-view-1440x900.png', fullPage: true });

      const analysis = (await analyse(page, 'mini', 32))!;
      expect(analysis.variance.at(-1)!.batchSize).toBe(analysis.rows);
      expect(analysis.variance.at(-1)!.measured).toBeLessThan(1e-9 * analysis.traceSigma);
      for (const v of analysis.variance.filter((p) => p.batchSize < analysis.rows)) {
        expect(v.batches).toBeGreaterThanOrEqual(200);
        expect(v.measured / v.theory).toBeGreaterThan(1 / 1.5);
        expect(v.measured / v.theory).toBeLessThan(1.5);
      }

      await page.getByRole('tab', { name: 'Cloud' }).click();
      const slider = page.getByRole('textbox', { name: 'Batch size of the samples (number)' });
      for (const size of ['1', '64']) {
        await slider.fill(size);
        await slider.press('Enter');
        await page.getByRole('img', { name: new RegExp(`sampled gradients of batches of ${size} at`) }).waitFor({ timeout: 30_000 });
      }
      await page.screenshot({ path: 'test-results/cloud-view-1440x900.png', fullPage: true });
      const one = (await analyse(page, 'mini', 1))!;
      const sixtyFour = (await analyse(page, 'mini', 64))!;
      expect(rmsSpread(sixtyFour)).toBeLessThan(rmsSpread(one) / 3);
      const full = (await analyse(page, 'mini', 512))!;
      expect(full.cloud.points).toHaveLength(1);
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  }, 180_000);
});
