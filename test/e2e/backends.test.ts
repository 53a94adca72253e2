import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, openBrowser } from './browser';
import { openWorkspace, RUN_IDS, waitForHistories } from './workspace-page';

/** BROWSER.md's flags that give headless Chromium a (software) WebGPU adapter. */
const WEBGPU_ARGS = [...CHROMIUM_ARGS, '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader', '--use-webgpu-adapter=swiftshader'];

describe('the WASM and WebGPU backends', () => {
  it('WASM trains every run from .wasm files the app serves itself', async () => {
    const session = await openBrowser();
    try {
      const page = session.page;
      const wasmFiles: string[] = [];
      page.context().on('request', (request) => {
        if (request.url().endsWith('.wasm')) wasmFiles.push(request.url());
      });
      await openWorkspace(page, '?backend=wasm');
      await expect(page.getByTestId('backend-badge').textContent()).resolves.toMatch(/^WASM · SIMD/);
      expect(wasmFiles.length).toBeGreaterThan(0);
      expect(wasmFiles.every((url) => url.startsWith(new URL(page.url()).origin))).toBe(true);
      const start = await waitForHistories(page, (h) => RUN_IDS.every((id) => (h[id]?.evals.length ?? 0) >= 1));
      await page.getByRole('button', { name: /Play/ }).click();
      // A speed is shown once three timed blocks have run: WASM may reach 40 steps before that.
      const trained = await waitForHistories(page, (h) => RUN_IDS.every((id) => (h[id]?.status.step ?? 0) >= 40 && (h[id]?.evals.length ?? 0) >= 3 && h[id]?.status.msPerStep != null));
      for (const id of RUN_IDS) {
        const first = start[id]!.evals[0]!.trainLoss;
        const last = trained[id]!.evals.at(-1)!.trainLoss;
        expect(Number.isFinite(last)).toBe(true);
        expect(last).toBeLessThan(first);
        expect(trained[id]!.status.msPerStep).toBeGreaterThan(0);
      }
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  }, 180_000);

  it('WASM that cannot load its binary says why and trains on WebGL instead', async () => {
    const session = await openBrowser();
    try {
      const page = session.page;
      await page.context().route('**/*.wasm', (route) => route.abort());
      await openWorkspace(page, '?backend=wasm');
      await expect(page.getByTestId('backend-badge').textContent()).resolves.toMatch(/^WebGL · /);
      await page.getByText(/^WASM could not start here \(.+\), so training runs on WebGL instead\./).first().waitFor();
      await page.getByRole('button', { name: /Play/ }).click();
      await waitForHistories(page, (h) => RUN_IDS.every((id) => (h[id]?.status.step ?? 0) >= 10));
      // The aborted fetches are the only console errors.
      expect(session.errors.filter((e) => !/\.wasm|Failed to load resource|wasm/i.test(e))).toEqual([]);
    } finally {
      await session.close();
    }
  }, 180_000);

  it('WebGPU trains where the browser gives an adapter, and says why not where it gives none', async () => {
    const offered = await openBrowser({ args: WEBGPU_ARGS });
    try {
      const page = offered.page;
      await openWorkspace(page, '?backend=webgpu');
      await expect(page.getByTestId('backend-badge').textContent()).resolves.toMatch(/^WebGPU · /);
      await page.getByRole('button', { name: /Play/ }).click();
      // WebGPU on SwiftShader is slow: a few steps of each run are proof enough.
      const trained = await waitForHistories(page, (h) => RUN_IDS.every((id) => (h[id]?.status.step ?? 0) >= 3 && Number.isFinite(h[id]?.evals.at(-1)?.trainLoss ?? NaN)), 150_000);
      expect(RUN_IDS.every((id) => trained[id]!.status.step >= 3)).toBe(true);
      expect(offered.errors).toEqual([]);
    } finally {
      await offered.close();
    }
    const refused = await openBrowser();
    try {
      const page = refused.page;
      await openWorkspace(page, '?backend=webgpu');
      await expect(page.getByTestId('backend-badge').textContent()).resolves.toMatch(/^WebGL · /);
      await page.getByText(/WebGPU could not start here \(.+\), so training runs on WebGL instead\./).first().waitFor();
      expect(refused.errors).toEqual([]);
    } finally {
      await refused.close();
    }
  }, 300_000);
});
