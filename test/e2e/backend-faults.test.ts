import { describe, expect, inject, it } from 'vitest';
import { NO_WEBGL_ARGS, openBrowser } from './browser';
import { histories, openWorkspace, RUN_IDS, waitForHistories } from './workspace-page';

describe('backend faults', () => {
  it('a malformed ?backend= value shows a notice and the workspace still trains', async () => {
    const session = await openBrowser();
    try {
      await openWorkspace(session.page, '?backend=%3Cb%3Equantum%3C%2Fb%3E');
      const notice = session.page.getByText(/The link asked for backend “<b>quantum<\/b>”/);
      await notice.waitFor();
      await expect(session.page.locator('.notices b').count()).resolves.toBe(0);
      await session.page.getByRole('button', { name: /Play/ }).click();
      await waitForHistories(session.page, (h) => RUN_IDS.every((id) => (h[id]?.status.step ?? 0) > 0));
    } finally {
      await session.close();
    }
  });

  it('switching the backend while training restarts the runs on the new device and keeps playing', async () => {
    const session = await openBrowser();
    try {
      const page = session.page;
      await openWorkspace(page, '?backend=webgl');
      await page.getByRole('button', { name: /Play/ }).click();
      await waitForHistories(page, (h) => RUN_IDS.every((id) => (h[id]?.status.step ?? 0) > 5));
      await page.getByLabel('Compute backend').selectOption('cpu');
      await page.getByTestId('backend-badge').filter({ hasText: /^CPU$/ }).waitFor({ timeout: 60_000 });
      // Training resumes on its own: no second press of Play.
      await waitForHistories(page, (h) => RUN_IDS.every((id) => h[id]?.status.state === 'running' && h[id]!.status.step > 5));
      await expect(page.getByRole('button', { name: 'Pause training' }).isVisible()).resolves.toBe(true);
      // The address follows the choice, so a reload stays on the CPU.
      expect(new URL(page.url()).searchParams.get('backend')).toBe('cpu');
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('without WebGL, auto falls back to the CPU and says why', async () => {
    const session = await openBrowser({ args: NO_WEBGL_ARGS });
    try {
      await openWorkspace(session.page, '');
      await expect(session.page.getByTestId('backend-badge').textContent()).resolves.toBe('CPU');
      await session.page.getByText(/No usable GPU \(WebGL\) was found/).waitFor();
      await session.page.getByRole('button', { name: /Play/ }).click();
      await waitForHistories(session.page, (h) => RUN_IDS.every((id) => (h[id]?.status.step ?? 0) > 0));
    } finally {
      await session.close();
    }
  });

  it('a lost WebGL context moves training to the CPU, resumes every run and keeps its history', async () => {
    const session = await openBrowser();
    try {
      const page = session.page;
      await openWorkspace(page, '?backend=webgl');
      await page.getByRole('button', { name: /Play/ }).click();
      // Each evaluation doubles as a resume snapshot; let every run get past a few.
      await waitForHistories(page, (h) => RUN_IDS.every((id) => (h[id]?.evals.length ?? 0) > 3));
      const before = await histories(page);
      const lost = await page.evaluate(() => (window as unknown as { batchscope: { loseContextForTest(): Promise<boolean> } }).batchscope.loseContextForTest());
      expect(lost).toBe(true);
      await page.getByText(/The GPU \(WebGL\) context was lost/).waitFor({ timeout: 30_000 });
      await expect(page.getByTestId('backend-badge').textContent()).resolves.toBe('CPU');
      // Training carries on by itself: no second press of Play.
      const after = await waitForHistories(page, (h) => RUN_IDS.every((id) => (h[id]?.status.step ?? 0) > before[id]!.status.step));
      for (const id of RUN_IDS) {
        expect(after[id]!.evals[0]).toEqual(before[id]!.evals[0]);
        expect(after[id]!.evals.length).toBeGreaterThanOrEqual(before[id]!.evals.length);
        expect(after[id]!.status.state).toBe('running');
      }
    } finally {
      await session.close();
    }
  });

  it('a WebGL context lost while the runs are still being built, with Play pressed, starts them on the CPU', async () => {
    const session = await openBrowser();
    try {
      const page = session.page;
      await page.goto(`${inject('baseUrl')}?backend=webgl`);
      await page.getByTestId('backend-badge').filter({ hasNotText: 'Starting' }).waitFor({ timeout: 60_000 });
      // Play waits for the runs, whose first build compiles the shaders: the context goes during that build.
      await page.getByRole('button', { name: /Play/ }).click();
      await page.waitForTimeout(300);
      const lost = await page.evaluate(() => (window as unknown as { batchscope: { loseContextForTest(): Promise<boolean> } }).batchscope.loseContextForTest());
      expect(lost).toBe(true);
      await page.getByText(/The GPU \(WebGL\) context was lost/).waitFor({ timeout: 30_000 });
      const h = await waitForHistories(page, (all) => RUN_IDS.every((id) => (all[id]?.status.step ?? 0) > 20 && (all[id]?.evals.length ?? 0) > 2), 60_000);
      for (const id of RUN_IDS) expect(h[id]!.evals[0]!.step).toBe(0);
      await expect(page.getByRole('button', { name: /Pause/ }).isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('backend-badge').textContent()).resolves.toBe('CPU');
    } finally {
      await session.close();
    }
  });

  it('without Web Workers, training runs on the page’s own thread and says so', async () => {
    const session = await openBrowser();
    try {
      await session.page.addInitScript(() => {
        // @ts-expect-error: simulating a browser without Web Workers
        delete window.Worker;
      });
      await openWorkspace(session.page, '?backend=cpu');
      await session.page.getByText(/This browser has no Web Workers, so training shares the page’s thread/).waitFor();
      await session.page.getByRole('button', { name: /Play/ }).click();
      await waitForHistories(session.page, (h) => RUN_IDS.every((id) => (h[id]?.status.step ?? 0) > 10));
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
