import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './browser';
import { histories, openWorkspace, RUN_IDS, waitForHistories } from './workspace-page';

describe('comparison workspace (WebGL forced, headless Chromium)', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
    await openWorkspace(session.page, '?backend=webgl');
  });
  afterAll(async () => {
    await session.close();
  });

  it('shows that it trains on WebGL', async () => {
    await expect(session.page.getByTestId('backend-badge').textContent()).resolves.toMatch(/^WebGL · /);
  });

  it('after play, every run’s full training loss falls below its initial value', async () => {
    const before = await histories(session.page);
    for (const id of RUN_IDS) expect(before[id]!.evals[0]!.step).toBe(0);
    await session.page.getByRole('button', { name: /Play/ }).click();
    const after = await waitForHistories(session.page, (h) =>
      RUN_IDS.every((id) => {
        const evals = h[id]?.evals ?? [];
        return evals.length > 2 && evals.at(-1)!.trainLoss < evals[0]!.trainLoss;
      }),
    );
    for (const id of RUN_IDS) expect(after[id]!.status.state).toBe('running');
  });

  it('counts one epoch per step for the full-batch run', async () => {
    const h = await histories(session.page);
    const full = h.full!;
    expect(full.status.step).toBeGreaterThan(0);
    expect(full.status.epoch).toBe(full.status.step);
    for (const e of full.evals) expect(e.epoch).toBe(e.step);
    const card = session.page.getByRole('article', { name: /Run B = N/ });
    await expect(card.isVisible()).resolves.toBe(true);
  });

  it('switching the x-axis changes the chart', async () => {
    const chart = session.page.locator('.loss-chart');
    const ticks = () => chart.locator('svg text').allTextContents();
    await expect(chart.textContent()).resolves.toContain('steps');
    const stepTicks = await ticks();
    await session.page.getByRole('radiogroup', { name: 'Loss chart x-axis' }).getByText('examples').click();
    await chart.getByText('examples seen').waitFor();
    const exampleTicks = await ticks();
    expect(stepTicks.length).toBeGreaterThan(2);
    expect(exampleTicks).not.toEqual(stepTicks);
    expect(exampleTicks).toContain('examples seen');
    await session.page.getByRole('radiogroup', { name: 'Loss chart x-axis' }).getByText('steps', { exact: true }).click();
  });

  it('changing the learning rate mid-run does not reset the runs, and marks the moment', async () => {
    const before = await histories(session.page);
    const field = session.page.getByRole('textbox', { name: 'Learning rate (number)' });
    await field.fill('0.05');
    await field.press('Enter');
    const after = await waitForHistories(session.page, (h) => RUN_IDS.every((id) => (h[id]?.events.length ?? 0) > 0 && h[id]!.status.step > before[id]!.status.step));
    for (const id of RUN_IDS) {
      expect(after[id]!.evals[0]).toEqual(before[id]!.evals[0]);
      expect(after[id]!.events[0]!.label).toBe('lr 0.05');
      expect(after[id]!.events[0]!.step).toBeGreaterThanOrEqual(before[id]!.status.step);
      expect(after[id]!.status.lr).toBe(0.05);
    }
  });

  it('slow motion takes one step per beat and rings the batch in use on the data view', async () => {
    const page = session.page;
    await page.getByLabel('Speed').selectOption('slow');
    await page.getByRole('tab', { name: 'Data', exact: true }).click();
    await page.getByLabel('Boundary of').selectOption('mini');
    const canvas = page.getByRole('img', { name: /the 32 examples of the current batch ringed/ });
    await canvas.waitFor({ timeout: 30_000 });
    const before = await histories(page);
    await page.waitForTimeout(2000);
    const after = await histories(page);
    const taken = after.mini!.status.step - before.mini!.status.step;
    // A beat is 0.7 s plus the step itself: a handful of steps in 2 s, not hundreds.
    expect(taken).toBeGreaterThanOrEqual(1);
    expect(taken).toBeLessThanOrEqual(4);
    await page.getByLabel('Speed').selectOption('fast');
  });

  it('keeps tfjs out of the JavaScript the page itself loads', async () => {
    const scripts = await session.page.evaluate(async () => {
      const urls = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.endsWith('.js') && !u.includes('training-worker'));
      return Promise.all(urls.map(async (u) => ({ url: u, text: await (await fetch(u)).text() })));
    });
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script.text.includes('registerKernel'), script.url).toBe(false);
  });

  it('saves a screenshot of the workspace', async () => {
    mkdirSync('test-results', { recursive: true });
    await session.page.screenshot({ path: 'test-results/workspace.png', fullPage: true });
    expect(session.errors).toEqual([]);
  });
});
