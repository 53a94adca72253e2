// npm run bench:ui — builds the app, serves it on 127.0.0.1, and measures it in headless Chromium while the
// default three runs train: frame rate (training vs idle), longest main-thread task, per-run speed, readbacks
// per second, the gzip size of the JS the page and the worker load, each run's ms/step at every speed and
// alone (WebGL and CPU), the share of training time spent measuring gradient noise (the noise view is open by
// default), and responsiveness at N = 65,536. Prints figures; asserts nothing.
// BENCH_ONLY=fps|timing|large limits it to one part.
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { gzipSync } from 'node:zlib';

import { measureLargeN, printLargeN } from './bench/large-n.mjs';
import { measureTimingAgreement, printTimingAgreement } from './bench/timing.mjs';

const TRAIN_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ONLY = process.env.BENCH_ONLY ?? null;
const IDLE_SECONDS = 5;
const WARMUP_SECONDS = 4;
const BASE_ARGS = ['--headless', '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const MODES = [
  { name: 'GPU compositing (SwiftShader)', args: BASE_ARGS },
  { name: '--disable-gpu (software raster)', args: [...BASE_ARGS, '--disable-gpu'] },
];

const gzipKb = (file) => gzipSync(readFileSync(file)).length / 1024;

/** `entries` and every chunk they import statically (`from"./x.js"`), transitively; the shared runtime left out. */
function staticGraph(dir, entries) {
  const seen = new Set(entries);
  const queue = [...entries];
  while (queue.length > 0) {
    const source = readFileSync(join(dir, queue.pop()), 'utf8');
    for (const [, name] of source.matchAll(/from"\.\/([^"]+\.js)"/g)) {
      if (!seen.has(name) && !name.startsWith('rolldown-runtime')) {
        seen.add(name);
        queue.push(name);
      }
    }
  }
  return [...seen];
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};
const fmt = (v, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '—');

/** Frames per second, sampled each second, for `seconds`. */
function sampleFps(page, seconds) {
  return page.evaluate(
    (s) =>
      new Promise((resolve) => {
        const samples = [];
        let frames = 0;
        let windowStart = performance.now();
        const end = windowStart + s * 1000;
        const tick = (now) => {
          frames++;
          if (now - windowStart >= 1000) {
            samples.push((frames * 1000) / (now - windowStart));
            frames = 0;
            windowStart = now;
          }
          if (now < end) requestAnimationFrame(tick);
          else resolve(samples);
        };
        requestAnimationFrame(tick);
      }),
    seconds,
  );
}

const statuses = (page) => page.evaluate(() => Object.fromEntries(Object.entries(window.batchscope.exportHistory()).map(([id, h]) => [id, h.status])));

/** Runs `task` on a freshly opened workspace (its own browser profile) in one compositing mode. */
async function withWorkspace(baseUrl, mode, query, task) {
  const profile = mkdtempSync(join(tmpdir(), 'bench-ui-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: mode.args, viewport: { width: 1440, height: 900 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseUrl}${query}`);
    await page.waitForFunction(() => window.batchscope && Object.keys(window.batchscope.exportHistory()).length === 3, null, { timeout: 60_000 });
    return await task(page);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function measure(baseUrl, mode) {
  const profile = mkdtempSync(join(tmpdir(), 'bench-ui-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: mode.args, viewport: { width: 1440, height: 900 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const navigationStart = Date.now();
    await page.goto(`${baseUrl}?backend=webgl`);
    await page.getByTestId('backend-badge').filter({ hasNotText: 'Starting' }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => Object.keys(window.batchscope.exportHistory()).length === 3, null, { timeout: 60_000 });
    const readyMs = Date.now() - navigationStart;
    const scriptsBeforeTraining = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).map((e) => e.name));
    const backend = await page.getByTestId('backend-badge').textContent();
    const idle = await sampleFps(page, IDLE_SECONDS);
    await page.getByRole('button', { name: /Play/ }).click();
    await page.waitForTimeout(WARMUP_SECONDS * 1000);
    const warmAt = await page.evaluate(() => performance.now());
    const before = await statuses(page);
    const started = Date.now();
    const training = await sampleFps(page, TRAIN_SECONDS);
    const seconds = (Date.now() - started) / 1000;
    const after = await statuses(page);
    const longest = await page.evaluate((t) => Math.max(0, ...window.__longTasks.filter((x) => x.start > t).map((x) => x.duration)), warmAt);
    const runs = Object.keys(after).map((id) => {
      const a = after[id];
      const b = before[id];
      return {
        id,
        batch: a.batchSize,
        stepsPerSecond: a.stepsPerSecond,
        examplesPerSecond: a.examplesPerSecond,
        msPerStep: a.msPerStep,
        wallStepsPerSecond: (a.step - b.step) / seconds,
        readbacksPerSecond: (a.readbacks - b.readbacks) / seconds,
        noiseShare: a.noiseShare,
      };
    });
    return { backend, readyMs, idle: median(idle), training: median(training), longest, runs, scriptsBeforeTraining };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const baseUrl = `http://127.0.0.1:${server.httpServer.address().port}/`;
try {
  console.log(`Batchscope UI benchmark — default workspace (moons, N = 512, B = 1 / 32 / N), WebGL forced, ${TRAIN_SECONDS} s of training per mode`);
  console.log('Timings come from headless Chromium on software WebGL (SwiftShader): compare ratios, not absolute values.\n');
  let mainScripts = [];
  for (const mode of MODES) {
    if (ONLY && ONLY !== 'fps') break;
    const r = await measure(baseUrl, mode);
    mainScripts = r.scriptsBeforeTraining;
    console.log(`## ${mode.name} — backend: ${r.backend}; ready to train ${fmt(r.readyMs / 1000, 1)} s after navigation`);
    console.log(`fps idle (median):            ${fmt(r.idle)}`);
    console.log(`fps while training (median):  ${fmt(r.training)}`);
    console.log(`ratio training / idle:        ${fmt(r.training / r.idle, 2)}   (goal ≥ 0.90)`);
    console.log(`longest main-thread task:     ${fmt(r.longest, 0)} ms after warm-up   (goal ≤ 100 ms)`);
    console.log('run          |  steps/s (own compute) | examples/s | ms/step | steps/s (wall) | readbacks/s (goal ≤ 10) | noise measuring / training time (goal ≤ 20 %)');
    for (const run of r.runs) {
      console.log(
        `${(`B = ${run.batch}`).padEnd(12)} | ${fmt(run.stepsPerSecond).padStart(22)} | ${fmt(run.examplesPerSecond, 0).padStart(10)} | ${fmt(run.msPerStep, 2).padStart(7)} | ${fmt(run.wallStepsPerSecond).padStart(14)} | ${fmt(run.readbacksPerSecond).padStart(23)} | ${run.noiseShare === null ? '—' : `${fmt(100 * run.noiseShare, 1)} %`}`,
      );
    }
    console.log('');
  }
  for (const mode of MODES) {
    if (ONLY && ONLY !== 'timing') break;
    console.log(`## ${mode.name} — honest step timings`);
    for (const backend of ['webgl', 'cpu']) printTimingAgreement(backend, await withWorkspace(baseUrl, mode, `?backend=${backend}`, measureTimingAgreement));
    console.log('');
  }
  for (const mode of MODES) {
    if (ONLY && ONLY !== 'large') break;
    console.log(`## ${mode.name} — large N, WebGL forced`);
    printLargeN(await withWorkspace(baseUrl, mode, '?backend=webgl', measureLargeN));
    console.log('');
  }
  if (!ONLY || ONLY === 'fps') {
    const assets = join('dist', 'assets');
    const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
    // The worker's entry and the chunks it imports statically (Chromium lists a module worker's imports among the page's resources).
    const worker = staticGraph(assets, files.filter((f) => f.startsWith('training-worker')));
    const loadedMain = files.filter((f) => mainScripts.some((url) => basename(new URL(url).pathname) === f) && !worker.includes(f));
    const mainKb = loadedMain.reduce((s, f) => s + gzipKb(join(assets, f)), 0);
    const workerKb = worker.reduce((s, f) => s + gzipKb(join(assets, f)), 0);
    console.log(`main-thread JS loaded before training: ${fmt(mainKb)} kB gzip (${loadedMain.join(', ')})   (goal ≤ 250 kB)`);
    console.log(`worker JS: ${fmt(workerKb)} kB gzip (${worker.join(', ')})`);
  }
} finally {
  await server.close();
}
