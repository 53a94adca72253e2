import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import type { RunHistory } from '../../src/store/metrics-history';

/** Opens the workspace and waits until a backend is training-ready. */
export async function openWorkspace(page: Page, query = '?backend=webgl'): Promise<void> {
  await page.goto(`${inject('baseUrl')}${query}`);
  await page.getByTestId('backend-badge').filter({ hasNotText: 'Starting' }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: /Play/ }).waitFor();
  // The runs exist once each has reported its step-0 evaluation.
  await waitForHistories(page, (h) => RUN_IDS.every((id) => (h[id]?.evals.length ?? 0) >= 1));
}

/** Every run's measured history, straight from the page's metrics store. */
export function histories(page: Page): Promise<Record<string, RunHistory>> {
  return page.evaluate(() => {
    const handle = (window as unknown as { batchscope: { exportHistory(): Record<string, RunHistory> } }).batchscope;
    return JSON.parse(JSON.stringify(handle.exportHistory())) as Record<string, RunHistory>;
  });
}

/** Waits until `check` holds for the histories (polling), or fails after `timeoutMs`. */
export async function waitForHistories(page: Page, check: (h: Record<string, RunHistory>) => boolean, timeoutMs = 60_000): Promise<Record<string, RunHistory>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const h = await histories(page);
    if (check(h)) return h;
    if (Date.now() > deadline) throw new Error(`histories never satisfied the check: ${JSON.stringify(Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v.status])))}`);
    await page.waitForTimeout(250);
  }
}

export const RUN_IDS = ['single', 'mini', 'full'] as const;
