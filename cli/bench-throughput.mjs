// npm run bench:throughput [-- --json] [--disable-gpu] [--hidden 16|256|1024|model] [--largest B] [--backends cpu,wasm,webgl,webgpu]
// Builds the app, serves it on 127.0.0.1 and runs the Throughput tab's batch-size sweep in headless Chromium (WebGL
// through SwiftShader; WebGPU through BROWSER.md's flags) on every backend the browser offers, then prints the
// sweep table per backend and the sentences the app reads from it. With --json: one JSON object per point and
// nothing else on stdout (run it as `npm run -s …` so npm's own banner stays off stdout too).
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'disable-gpu': { type: 'boolean', default: false },
    hidden: { type: 'string', default: 'model' },
    largest: { type: 'string', default: '65536' },
    backends: { type: 'string', default: 'cpu,wasm,webgl,webgpu' },
  },
});
const ARGS = [
  '--headless', '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader', '--use-webgpu-adapter=swiftshader',
  ...(options['disable-gpu'] ? ['--disable-gpu'] : []),
];
const NAMES = { cpu: 'CPU', wasm: 'WASM', webgl: 'WebGL', webgpu: 'WebGPU' };
// Everything but the JSON lines goes to stderr under --json.
const say = options.json ? (...parts) => console.error(...parts) : (...parts) => console.log(...parts);
const fmt = (v, digits = 3) => (Number.isFinite(v) ? Number(v.toPrecision(digits)).toLocaleString('en-US') : '—');

const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'silent' });
const baseUrl = `http://127.0.0.1:${server.httpServer.address().port}/`;
const profile = mkdtempSync(join(tmpdir(), 'bench-throughput-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS, viewport: { width: 1440, height: 900 } });
let failed = false;
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => say(`page error: ${error.message}`));
  // The workspace's own training stays paused (never pressed Play): the sweep has the device to itself.
  await page.goto(baseUrl);
  await page.getByTestId('backend-badge').filter({ hasNotText: 'Starting' }).waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Throughput' }).click();
  await page.getByText('Batch-size sweep', { exact: true }).click();
  await page.getByRole('button', { name: 'Run sweep' }).waitFor();
  await page.waitForFunction(() => window.batchscopeSweep.state().offers !== null);
  const wanted = options.backends.split(',');
  const offers = await page.evaluate(() => window.batchscopeSweep.state().offers);
  for (const offer of offers) {
    const box = page.getByRole('checkbox', { name: new RegExp(`^${NAMES[offer.backend]}`) });
    if (offer.available) await box.setChecked(wanted.includes(offer.backend));
    else say(`${NAMES[offer.backend]}: not offered here (${offer.reason})`);
  }
  await page.getByLabel('Model width for the sweep').selectOption(options.hidden);
  await page.getByLabel('Largest batch size').selectOption(options.largest);
  const mode = options['disable-gpu'] ? '--disable-gpu (software raster)' : 'GPU compositing (SwiftShader)';
  say(`Batchscope batch-size sweep — headless Chromium, ${mode}; ${await page.getByLabel('Model width for the sweep').locator('option:checked').textContent()}, up to B = ${Number(options.largest).toLocaleString('en-US')}`);
  say('Timings from software WebGL and WebGPU (SwiftShader) on this machine: compare ratios, not absolute values.\n');
  const started = Date.now();
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await page.waitForFunction(() => window.batchscopeSweep.state().running, null, { timeout: 10_000 });
  await page.waitForFunction(() => !window.batchscopeSweep.state().running, null, { timeout: 3_600_000, polling: 1000 });
  const result = await page.evaluate(() => JSON.parse(JSON.stringify(window.batchscopeSweep.state().current)));
  for (const backend of result.backends) {
    if (options.json) {
      for (const p of backend.points) {
        console.log(JSON.stringify({ backend: backend.backend, hidden: result.hidden, batchSize: p.batchSize, msPerStep: p.msPerStep, examplesPerSecond: p.examplesPerSecond, peakBytes: p.peakBytes }));
      }
      continue;
    }
    say(`${backend.label}${backend.unavailable ? ` — not timed: ${backend.unavailable}` : ''}`);
    if (backend.points.length > 0) {
      say('  B        ms/step    examples/s   peak MiB   steps/block');
      for (const p of backend.points) {
        say(`  ${String(p.batchSize).padEnd(8)} ${fmt(p.msPerStep).padStart(8)} ${fmt(p.examplesPerSecond).padStart(13)} ${fmt(p.peakBytes / 2 ** 20).padStart(10)} ${String(p.stepsPerBlock).padStart(13)}`);
      }
    }
    if (backend.stop) say(`  stopped: ${backend.stop.message}`);
    say('');
  }
  const reading = await page.locator('.sweep-reading').innerText().catch(() => '');
  const memory = await page.locator('.sweep-memory .analysis-reading').innerText().catch(() => '');
  say(`What the app reads from it:\n${[reading, memory].filter(Boolean).join('\n\n')}`);
  say(`\nSweep took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  await server.close();
}
process.exit(failed ? 1 : 0);
