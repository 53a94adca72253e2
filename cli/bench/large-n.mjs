// N = 65,536 for bench:ui: the data view's drawing time, and the longest main-thread task and gap between
// animation frames, idle and while three runs train.

const IDLE_MS = 5_000;
const TRAIN_MS = 10_000;

async function startWatching(page) {
  await page.evaluate(() => {
    window.__large = { task: 0, gap: 0 };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__large.task = Math.max(window.__large.task, e.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (now) => {
      window.__large.gap = Math.max(window.__large.gap, now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
const reset = (page) => page.evaluate(() => Object.assign(window.__large, { task: 0, gap: 0 }));
const read = (page) => page.evaluate(() => ({ ...window.__large }));

/** Plays for a few seconds of warm-up, then watches TRAIN_MS of training, and pauses. */
async function watchTraining(page) {
  await page.getByRole('button', { name: /Play/ }).click();
  await page.waitForTimeout(3000);
  await reset(page);
  await page.waitForTimeout(TRAIN_MS);
  const watched = await read(page);
  await page.getByRole('button', { name: /Pause/ }).click();
  return watched;
}

/** On an open workspace page: measure three runs training at the default N, then switch to N = 65,536 and measure. */
export async function measureLargeN(page) {
  await startWatching(page);
  await page.getByRole('tab', { name: 'Data', exact: true }).click();
  // The same figures at N = 512, with the same view open, tell what large N adds from what every redraw costs.
  const trainingSmall = await watchTraining(page);
  const n = page.getByRole('textbox', { name: 'Training examples N (number)' });
  await n.fill('65536');
  await n.press('Enter');
  await page.waitForFunction(() => Object.values(window.batchscope.exportHistory()).every((h) => h.status.batchSize === 1 || h.status.batchSize === 32 || h.status.batchSize === 65536) && Object.keys(window.batchscope.exportHistory()).length === 3 && Object.values(window.batchscope.exportHistory()).some((h) => h.status.batchSize === 65536), null, { timeout: 120_000 });
  await page.waitForTimeout(1000);
  const draws = await page.evaluate(() => performance.getEntriesByName('data-view-points').map((e) => ({ n: e.detail?.n, ms: e.duration })));
  await reset(page);
  await page.waitForTimeout(IDLE_MS);
  const idle = await read(page);
  const training = await watchTraining(page);
  const largest = draws.filter((d) => d.n === 65536).map((d) => d.ms);
  const small = draws.filter((d) => d.n === 512).map((d) => d.ms);
  return { drawLarge: largest.length ? Math.max(...largest) : null, drawSmall: small.length ? Math.max(...small) : null, idle, training, trainingSmall };
}

export function printLargeN(r) {
  const fmt = (v) => (v === null || v === undefined ? '—' : `${v.toFixed(0)} ms`);
  console.log('N = 65,536 (goal: drawing ≤ 50 ms; longest task and frame gap ≤ 100 ms)');
  console.log(`data view, drawing the points: N = 512 ${r.drawSmall === null ? '—' : `${r.drawSmall.toFixed(1)} ms`} (the page's first canvas drawing), N = 65,536 ${r.drawLarge === null ? '—' : `${r.drawLarge.toFixed(1)} ms`} (density image)`);
  console.log(`idle:              longest task ${fmt(r.idle.task)}, longest gap between frames ${fmt(r.idle.gap)}`);
  console.log(`three runs train:  longest task ${fmt(r.training.task)}, longest gap between frames ${fmt(r.training.gap)}`);
  console.log(`  the same at N = 512: longest task ${fmt(r.trainingSmall.task)}, longest gap between frames ${fmt(r.trainingSmall.gap)}`);
}
