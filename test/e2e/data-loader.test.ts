import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openBrowser } from './browser';
import { openWorkspace } from './workspace-page';

/** The batches the experiment CLI prints for a `loader` command line copied from the app, epoch by epoch. */
function cliBatches(command: string): number[][][] {
  const args = command.replace(/^npm run -s experiment -- /, '').split(' ');
  const out = execFileSync('npm', ['run', '-s', 'experiment', '--', ...args], { encoding: 'utf8' });
  return out
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { batches: number[][] }).batches);
}

describe('the DataLoader view', () => {
  it('shows a new order for the third epoch until shuffle is turned off, single-class batches on moons without shuffling, and the 15-item example as the CLI prints it', async () => {
    const session = await openBrowser();
    try {
      const page = session.page;
      await openWorkspace(page, '?backend=webgl');
      await page.getByRole('tab', { name: 'DataLoader' }).click();
      const strip = page.getByRole('img', { name: /^The order in which the loader of B = 32 serves the 512 training examples, epochs 1 to 4/ });
      await strip.waitFor({ timeout: 60_000 });
      await expect(strip.getAttribute('aria-label')).resolves.toContain('The rows’ orders differ.');
      // Keyboard: from the next batch down two rows, to the third epoch's first batch.
      await strip.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      const reading = page.locator('.loader-reading');
      await expect(reading.textContent()).resolves.toMatch(/^Batch 1 of 16 in epoch 3: 32 examples \(class 0: \d+, class 1: \d+\), starting /);
      const shuffled = await reading.textContent();
      expect(shuffled).not.toContain('starting 0, 1, 2, 3, 4, 5, 6, 7, …');
      await page.getByRole('radiogroup', { name: 'Shuffle' }).getByText('Off').click();
      await page.getByText('Batch 1 of 16 in epoch 3: 32 examples (class 0: 32, class 1: 0), starting 0, 1, 2, 3, 4, 5, 6, 7, ….').waitFor({ timeout: 10_000 });
      await expect(strip.getAttribute('aria-label')).resolves.toContain('Every row has the same order.');
      // Without shuffling every batch of the class-sorted moons holds one class; training shows the loss beside it.
      await page.getByRole('img', { name: /^Class mix of each batch\. B = 32, epoch 1 \(under way\): 16 batches, 16 made of a single class\.$/ }).waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: /Play/ }).click();
      await page.getByRole('img', { name: /^Class mix of each batch\. B = 32, epoch \d+: 16 batches, 16 made of a single class\. Its batch losses run from [\d.]+ to [\d.]+\.$/ }).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: /Pause/ }).click();
      // The class mix and the losses share one x-axis: batch k sits at the same x in both.
      const plotLefts = await page.evaluate(() => [...document.querySelectorAll('.composition .recharts-cartesian-grid')].map((g) => Math.round(g.getBoundingClientRect().left)));
      expect(plotLefts).toHaveLength(2);
      expect(plotLefts[0]).toBe(plotLefts[1]);
      await page.screenshot({ path: 'test-results/dataloader-view-1440x900.png', fullPage: true });

      await page.getByText('15 items, batch 5').click();
      const firstEpoch = page.getByRole('listitem', { name: 'Epoch 1' }).getByTestId('explorer-batch');
      await expect(firstEpoch.count()).resolves.toBe(3);
      const shown = async (epochIndex: number) => (await page.getByRole('listitem', { name: `Epoch ${epochIndex + 1}` }).getByTestId('explorer-batch').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!))).map((label) => label.replace(/^Batch \d+: /, '').split(', ').map(Number));
      const first = await shown(0);
      expect(first.every((b) => b.length === 5)).toBe(true);
      expect(first.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i));
      await page.getByRole('button', { name: 'Next epoch' }).click();
      const command = (await page.locator('.loader-explorer .panel-note code').textContent())!;
      expect(command).toBe('npm run -s experiment -- loader --n 15 --batch 5 --shuffle on --seed 1 --epochs 2');
      expect(cliBatches(command)).toEqual([first, await shown(1)]);
      await page.screenshot({ path: 'test-results/dataloader-explorer-1440x900.png', fullPage: true });
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  }, 240_000);
});
