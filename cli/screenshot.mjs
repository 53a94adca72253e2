// npm run screenshot -- [query] [seconds] [width] [height] [out.png]: serves dist/, presses Play, saves a screenshot.
// The README's picture is made with it: npm run screenshot -- '?backend=webgl' 12 1440 900 public/readme/workspace.png
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [query = '?backend=webgl', seconds = '6', width = '1440', height = '900', out = 'test-results/screenshot.png'] = process.argv.slice(2);
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const port = server.httpServer.address().port;
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'shot-')), {
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  viewport: { width: Number(width), height: Number(height) },
});
const page = context.pages()[0] ?? (await context.newPage());
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text()); });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(`http://127.0.0.1:${port}/${query}`);
await page.getByRole('button', { name: /Play/ }).waitFor();
await page.waitForFunction(() => !document.querySelector('[data-testid=backend-badge]')?.textContent?.includes('Starting'), null, { timeout: 60000 });
await page.getByRole('button', { name: /Play/ }).click();
await page.waitForTimeout(Number(seconds) * 1000);
await page.screenshot({ path: out, fullPage: true });
console.log(await page.locator('[data-testid=backend-badge]').textContent());
await context.close();
await server.close();
