import { describe, expect, it } from 'vitest';
import { openBrowser } from './browser';
import { openWorkspace, RUN_IDS, waitForHistories } from './workspace-page';

describe('loss landscape', () => {
  it('on line with the linear model: draws the contours and every run’s path moves after Play', async () => {
    const session = await openBrowser();
    try {
      const page = session.page;
      await openWorkspace(page, '?backend=webgl');
      await page.getByRole('tab', { name: 'Landscape' }).click();
      // On moons the view offers the switch rather than a landscape it cannot draw.
      await page.getByRole('button', { name: 'Switch to line with the linear model' }).click();
      const canvas = page.getByRole('img', { name: /^Loss landscape of the linear model on line: the least-squares optimum at w = / });
      await canvas.waitFor({ timeout: 60_000 });
      const start = await waitForHistories(page, (h) => RUN_IDS.every((id) => h[id]?.evals[0]?.params?.length === 2 && h[id]!.status.batchSize > 0 && h[id]!.status.step === 0));
      await page.getByRole('button', { name: /Play/ }).click();
      const moved = await waitForHistories(page, (h) => RUN_IDS.every((id) => (h[id]?.evals.length ?? 0) >= 6));
      for (const id of RUN_IDS) {
        const [w0, b0] = start[id]!.evals[0]!.params!;
        const [w1, b1] = moved[id]!.evals.at(-1)!.params!;
        expect(Math.hypot(w1! - w0!, b1! - b0!)).toBeGreaterThan(1e-3);
      }
      await expect(canvas.getAttribute('aria-label')).resolves.toMatch(/B = 1 at w = .*B = 32 at w = .*B = N \(512\) at w = /);
      // The canvas has been painted: pixels differ across it (contour bands, paths).
      const colours = await canvas.evaluate((element) => {
        const c = element as HTMLCanvasElement;
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        const seen = new Set<number>();
        for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        return seen.size;
      });
      expect(colours).toBeGreaterThan(10);
      await page.screenshot({ path: 'test-results/landscape-view-1440x900.png', fullPage: true });
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  }, 180_000);
});
