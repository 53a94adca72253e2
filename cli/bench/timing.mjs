// Timing agreement for bench:ui: each run's ms/step at Full speed beside the other runs, at Steady, after a few
// slow-motion beats (the figure carried over, marked), and alone at Full speed — the same figure must hold.

const WARM_MS = 15_000;
const SETTLE_MS = 5_000;

const statuses = (page) => page.evaluate(() => Object.fromEntries(Object.entries(window.batchscope.exportHistory()).map(([id, h]) => [id, h.status])));

/** Median of three readings a second apart, per run. */
async function readMs(page) {
  const readings = {};
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(1000);
    for (const [id, s] of Object.entries(await statuses(page))) (readings[id] ??= []).push(s.msPerStep);
  }
  return Object.fromEntries(Object.entries(readings).map(([id, values]) => [id, values.filter((v) => v !== null).sort((a, b) => a - b)[1] ?? null]));
}

const CARD = { single: 'Run B = 1', mini: 'Run B = 32', full: 'Run B = N (512)' };

/** Measures the timing agreement on an open workspace page (default three runs). */
export async function measureTimingAgreement(page) {
  await page.getByRole('button', { name: /Play/ }).click();
  await page.waitForTimeout(WARM_MS);
  const full = await readMs(page);
  await page.getByLabel('Speed').selectOption('steady');
  await page.waitForTimeout(SETTLE_MS);
  const steady = await readMs(page);
  await page.getByLabel('Speed').selectOption('slow');
  await page.waitForTimeout(2500);
  const slowStatuses = await statuses(page);
  const slow = Object.fromEntries(Object.entries(slowStatuses).map(([id, s]) => [id, { ms: s.msPerStep, source: s.timingSource }]));
  await page.getByLabel('Speed').selectOption('fast');
  const alone = {};
  for (const id of Object.keys(CARD)) {
    const box = (run) => page.getByRole('article', { name: CARD[run] }).getByRole('checkbox', { name: 'train' });
    // This run first: with no run left to train, the app pauses.
    await box(id).check();
    for (const other of Object.keys(CARD)) if (other !== id) await box(other).uncheck();
    await page.waitForTimeout(SETTLE_MS);
    alone[id] = (await readMs(page))[id];
  }
  const rows = Object.keys(CARD).map((id) => ({ id, full: full[id], steady: steady[id], slow: slow[id], alone: alone[id] }));
  return rows;
}

const fmt = (v, d = 2) => (v === null || v === undefined ? '—' : v.toFixed(d));
const pct = (a, b) => (a && b ? `${a / b >= 1 ? '+' : ''}${((a / b - 1) * 100).toFixed(0)} %` : '—');

export function printTimingAgreement(backend, rows) {
  console.log(`timing agreement on ${backend} (ms/step, median of 3 readings; goal: within ±25 % of Full)`);
  console.log('run | Full (3 runs) | Steady | vs Full | Slow motion (figure shown) | vs Full | Full, alone | vs Full');
  for (const r of rows) {
    const label = { single: 'B = 1', mini: 'B = 32', full: 'B = N' }[r.id];
    console.log(`${label.padEnd(6)} | ${fmt(r.full).padStart(13)} | ${fmt(r.steady).padStart(6)} | ${pct(r.steady, r.full).padStart(7)} | ${`${fmt(r.slow.ms)} (${r.slow.source ?? 'none'})`.padStart(26)} | ${pct(r.slow.ms, r.full).padStart(7)} | ${fmt(r.alone).padStart(11)} | ${pct(r.alone, r.full).padStart(7)}`);
  }
}
