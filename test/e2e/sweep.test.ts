import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SweepResult } from '../../src/store/sweep-store';
import { openBrowser } from './browser';
import { histories, openWorkspace, RUN_IDS, waitForHistories } from './workspace-page';

interface SweepView {
  running: boolean;
  current: SweepResult | null;
}

const sweepState = (page: Page): Promise<SweepView> =>
  page.evaluate(() => {
    const state = (window as unknown as { batchscopeSweep: { state(): SweepView } }).batchscopeSweep.state();
    return JSON.parse(JSON.stringify({ running: state.running, current: state.current })) as SweepView;
  });

const totalSteps = async (page: Page) => Object.values(await histories(page)).reduce((sum, h) => sum + h.status.step, 0);

/** Opens the sweep part of the Throughput tab and picks the backends, model and largest B. */
async function prepareSweep(page: Page, backends: string[], largest: string, width = 'model') {
  await page.getByRole('tab', { name: 'Throughput' }).click();
  await page.getByText('Batch-size sweep', { exact: true }).click();
  for (const name of ['CPU', 'WASM', 'WebGL', 'WebGPU']) {
    const box = page.getByRole('checkbox', { name: new RegExp(`^${name}`) });
    if (!(await box.isDisabled())) await box.setChecked(backends.includes(name));
  }
  await page.getByLabel('Largest batch size').selectOption(largest);
  await page.getByLabel('Model width for the sweep').selectOption(width);
}

describe('the batch-size sweep in the app', () => {
  it('times B = 1 … 256 on the CPU and WebGL with a progress bar, pauses training meanwhile, draws and reads the result, then resumes training', async () => {
    const session = await openBrowser();
    try {
      const page = session.page;
      await openWorkspace(page, '?backend=webgl');
      await page.getByRole('button', { name: /Play/ }).click();
      await waitForHistories(page, (h) => RUN_IDS.every((id) => (h[id]?.status.step ?? 0) >= 3));
      await prepareSweep(page, ['CPU', 'WebGL'], '256');
      await page.getByRole('button', { name: 'Run sweep' }).click();
      await page.getByRole('progressbar', { name: 'Sweep progress' }).waitFor();
      await expect(page.getByRole('button', { name: /Play \(paused while the batch-size sweep runs\)/ }).isDisabled()).resolves.toBe(true);
      // Training stops within a chunk of the sweep starting and stays stopped while it runs.
      await page.waitForTimeout(1500);
      const pausedAt = await totalSteps(page);
      await page.waitForFunction(() => !(window as unknown as { batchscopeSweep: { state(): { running: boolean } } }).batchscopeSweep.state().running, null, { timeout: 150_000, polling: 250 });
      expect(await totalSteps(page)).toBe(pausedAt);

      const { current } = await sweepState(page);
      expect(current!.cancelled).toBe(false);
      expect(current!.backends.map((b) => b.backend)).toEqual(['cpu', 'webgl']);
      for (const backend of current!.backends) {
        expect(backend.unavailable).toBeNull();
        expect(backend.stop).toBeNull();
        expect(backend.points.map((p) => p.batchSize)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256]);
        for (const p of backend.points) {
          expect(p.msPerStep).toBeGreaterThan(0);
          expect(p.examplesPerSecond).toBeCloseTo((1000 * p.batchSize) / p.msPerStep, 6);
          expect(p.peakBytes!).toBeGreaterThan(0);
        }
        // More examples in a step never need fewer bytes at its peak.
        expect(backend.points.at(-1)!.peakBytes!).toBeGreaterThan(backend.points[0]!.peakBytes!);
      }
      expect(current!.backends[1]!.label).toMatch(/^WebGL · /);

      const time = page.getByRole('img', { name: /^Batch-size sweep \(hidden 16×2, moons, N = 256\), log–log\. CPU .* ms per step at B = 1, .* ms per step at B = 256; WebGL .* ms per step at B = 256\.$/ });
      await expect(time.locator('.recharts-line-curve').count()).resolves.toBe(2);
      await page.getByText(/^(Fastest at the sizes every backend timed: |The CPU is the fastest|WebGL is the fastest)/).waitFor();
      await page.getByText(/^On this machine WebGL|On this machine WebGL|On this machine the CPU/).first().waitFor();
      await page.getByText(/^WebGL: each example in a step adds about .* at the peak/).waitFor();

      await page.getByRole('button', { name: /Pause/ }).waitFor({ timeout: 30_000 });
      const resumedFrom = await totalSteps(page);
      await page.waitForTimeout(1500);
      expect(await totalSteps(page)).toBeGreaterThan(resumedFrom);
      await page.screenshot({ path: 'test-results/sweep-1440x900.png', fullPage: true });
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  }, 180_000);

  it('can be cancelled midway without errors: what was measured stays, the controls come back and training resumes', async () => {
    const session = await openBrowser();
    try {
      const page = session.page;
      await openWorkspace(page, '?backend=cpu');
      await page.getByRole('button', { name: /Play/ }).click();
      await waitForHistories(page, (h) => RUN_IDS.every((id) => (h[id]?.status.step ?? 0) >= 3));
      await prepareSweep(page, ['CPU', 'WebGL'], '65536', '256');
      await page.getByRole('button', { name: 'Run sweep' }).click();
      await page.getByText(/CPU \(1 of 2\): [3-9] of 17 sizes timed/).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Cancel sweep' }).click();
      await page.getByRole('button', { name: 'Run sweep' }).waitFor({ timeout: 5000 });
      const { running, current } = await sweepState(page);
      expect(running).toBe(false);
      expect(current!.cancelled).toBe(true);
      expect(current!.backends.map((b) => b.backend)).toEqual(['cpu']);
      expect(current!.backends[0]!.points.length).toBeGreaterThanOrEqual(3);
      await expect(page.getByRole('checkbox', { name: /^CPU/ }).isEnabled()).resolves.toBe(true);
      await page.getByRole('button', { name: /Pause/ }).waitFor({ timeout: 10_000 });
      const resumedFrom = await totalSteps(page);
      await page.waitForTimeout(1500);
      expect(await totalSteps(page)).toBeGreaterThan(resumedFrom);
      // The dropped worker is gone: nothing more lands.
      expect((await sweepState(page)).current!.backends[0]!.points.length).toBe(current!.backends[0]!.points.length);
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  }, 180_000);
});
