import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunStatus } from '../../src/runtime/protocol';
import { openBrowser } from './browser';
import { histories, openWorkspace, RUN_IDS, waitForHistories } from './workspace-page';

const statuses = async (page: Page): Promise<Record<string, RunStatus>> => Object.fromEntries(Object.entries(await histories(page)).map(([id, h]) => [id, h.status]));

/** A run's ms/step as the card shows it, read a few times a second apart, median (ms). */
async function msPerStep(page: Page, id: string): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(1000);
    const value = (await statuses(page))[id]!.msPerStep;
    if (value !== null) readings.push(value);
  }
  expect(readings.length).toBeGreaterThan(0);
  return readings.sort((a, b) => a - b)[readings.length >> 1]!;
}

// The issue asks ±25 % (bench:ui reports it); a shared 2-core CI machine gets a margin against noise, and one more
// try where a neighbour's load landed on one phase only. Before the fix the same run read 6× longer at Steady than
// at Full speed on WebGL, which fails both tries.
const AGREEMENT = 0.45;

for (const backend of ['webgl', 'cpu'] as const) {
  describe(`honest step timings on ${backend}`, () => {
    it('a run’s ms/step agrees at Full speed, at Steady and alone; slow motion keeps the earlier figure, marked', { retry: 1 }, async () => {
      const session = await openBrowser();
      try {
        const page = session.page;
        await openWorkspace(page, `?backend=${backend}`);
        await page.getByRole('button', { name: /Play/ }).click();
        await waitForHistories(page, (h) => RUN_IDS.every((id) => h[id]?.status.msPerStep !== null && (h[id]?.status.step ?? 0) > 20));
        // The first ~15 s after Play run slower as the worker's JavaScript warms up (measured: B = 32 on WebGL went
        // from 7.4 to 3–4 ms/step): compare speeds once it has.
        await page.waitForTimeout(backend === 'webgl' ? 15_000 : 5000);
        const full = await msPerStep(page, 'mini');
        await page.getByLabel('Speed').selectOption('steady');
        await page.waitForTimeout(5000);
        const steady = await msPerStep(page, 'mini');
        await page.getByLabel('Speed').selectOption('slow');
        await page.waitForTimeout(2500);
        const slow = await statuses(page);
        for (const id of RUN_IDS) expect(slow[id]!.timingSource).toBe('earlier');
        await expect(page.getByRole('article', { name: 'Run B = 32' }).getByText(/ms/).first().getAttribute('title')).resolves.toMatch(/From earlier blocks/);
        await page.getByLabel('Speed').selectOption('fast');
        for (const id of ['single', 'full']) await page.getByRole('article', { name: id === 'single' ? 'Run B = 1' : 'Run B = N (512)' }).getByRole('checkbox', { name: 'train' }).uncheck();
        await page.waitForTimeout(5000);
        const alone = await msPerStep(page, 'mini');
        console.log(`${backend}: B = 32 ms/step full ${full.toFixed(3)}, steady ${steady.toFixed(3)}, alone ${alone.toFixed(3)}`);
        expect(Math.abs(steady / full - 1)).toBeLessThan(AGREEMENT);
        expect(Math.abs(alone / full - 1)).toBeLessThan(AGREEMENT);
        expect(session.errors).toEqual([]);
      } finally {
        await session.close();
      }
    });
  });
}
