import { describe, expect, it } from 'vitest';
import { measuredInsights } from '../../../src/components/explain/insights';
import { cliCommand } from '../../../src/experiment/cli-command';
import { defaultConfig } from '../../../src/experiment/config';
import { backendFromQuery, queryWithBackend } from '../../../src/runtime/url-backend';
import { runLabel, toWorkspaceSpec } from '../../../src/store/run-settings';
import { initialSettings } from '../../../src/store/settings-store';
import { status } from '../../component/fixtures';

describe('workspace settings → training spec', () => {
  it('names runs with counts grouped as everywhere else on the page', () => {
    expect(runLabel('full', 65_536)).toBe('B = N (65,536)');
    expect(runLabel(4096, 65_536)).toBe('B = 4,096');
    expect(runLabel(1, 512)).toBe('B = 1');
  });

  it('resolves B = N and keeps one shared lr by default', () => {
    const spec = toWorkspaceSpec(initialSettings());
    expect(spec.runs.map((r) => [r.id, r.batchSize, r.lr, r.shuffle])).toEqual([
      ['single', 1, 0.1, 'on'],
      ['mini', 32, 0.1, 'on'],
      ['full', 512, 0.1, 'on'],
    ]);
    expect(spec.experiment.dataset).toEqual({ name: 'moons', n: 512, noise: 0.2, testShare: 0.25, seed: 42 });
  });

  it('scales lr linearly with batch size relative to the mini-batch, within the lr limits', () => {
    const settings = { ...initialSettings(), scaleLr: true };
    expect(toWorkspaceSpec(settings).runs.map((r) => r.lr)).toEqual([0.1 / 32, 0.1, (0.1 * 512) / 32]);
    settings.experiment = { ...settings.experiment, lr: 5 };
    expect(toWorkspaceSpec(settings).runs[2]!.lr).toBe(10);
  });

  it('lets a run override lr and shuffle', () => {
    const settings = initialSettings();
    settings.runs[0] = { ...settings.runs[0]!, lrOverride: 0.01, shuffleOverride: 'off' };
    expect(toWorkspaceSpec(settings).runs[0]).toMatchObject({ lr: 0.01, shuffle: 'off' });
  });
});

describe('copy as CLI command', () => {
  it('leaves defaults out and always names dataset, batch, lr and steps', () => {
    expect(cliCommand(defaultConfig(), { batchSize: 32, lr: 0.1, shuffle: 'on', steps: 250 })).toBe('npm run -s experiment -- --dataset moons --batch 32 --lr 0.1 --steps 250');
    const config = { ...defaultConfig(), dataset: 'line' as const, model: 'linear' as const, n: 100, seed: 7 };
    expect(cliCommand(config, { batchSize: 'full', lr: 0.5, shuffle: 'off', steps: 10 })).toBe(
      'npm run -s experiment -- --dataset line --n 100 --seed 7 --batch full --lr 0.5 --shuffle off --steps 10',
    );
  });
});

describe('backend from the link', () => {
  it('accepts webgl, webgpu, wasm, cpu and auto, and falls back to auto with a notice otherwise', () => {
    expect(backendFromQuery('?backend=webgl')).toEqual({ backend: 'webgl', notice: null });
    expect(backendFromQuery('?backend=wasm')).toEqual({ backend: 'wasm', notice: null });
    expect(backendFromQuery('?backend=WebGPU')).toEqual({ backend: 'webgpu', notice: null });
    expect(backendFromQuery('?backend=CPU')).toEqual({ backend: 'cpu', notice: null });
    expect(backendFromQuery('')).toEqual({ backend: 'auto', notice: null });
    expect(backendFromQuery('?backend=gpu').notice).toMatch(/not one of auto, webgl, webgpu, wasm, cpu/);
  });

  it('is written back when the user picks another backend, other parameters kept, auto left out', () => {
    expect(queryWithBackend('?backend=webgl', 'cpu')).toBe('?backend=cpu');
    expect(queryWithBackend('?lecture=1&backend=webgl', 'wasm')).toBe('?lecture=1&backend=wasm');
    expect(queryWithBackend('?backend=webgl', 'auto')).toBe('');
    expect(queryWithBackend('', 'webgpu')).toBe('?backend=webgpu');
    // What it writes reads back as the same choice.
    expect(backendFromQuery(queryWithBackend('?x=1', 'cpu')).backend).toBe('cpu');
  });
});

describe('what to look for', () => {
  const labels = { single: 'B = 1', full: 'B = N (512)' };

  it('reads the measured costs: ms per step, their ratio and examples per second', () => {
    const sentences = measuredInsights({
      labels,
      statuses: [
        status({ id: 'single', batchSize: 1, msPerStep: 2, examplesPerSecond: 500 }),
        status({ id: 'full', batchSize: 512, msPerStep: 8, examplesPerSecond: 64000 }),
      ],
      comparison: { axis: 'steps', x: 100, ranking: [{ id: 'full', loss: 0.21 }, { id: 'single', loss: 0.35 }] },
    });
    expect(sentences[0]).toBe('At 100 steps, as far as every run has got, the lowest training loss is B = N (512)’s (0.21), then B = 1 (0.35).');
    expect(sentences[1]).toBe('On this device one B = N (512) step takes 8 ms and one B = 1 step 2 ms: 4× the time for 512× the examples, so B = N (512) gets through 64,000 examples/s against 500.');
  });

  it('calls runs whose losses read the same a tie, not a ranking', () => {
    const three = { single: 'B = 1', mini: 'B = 32', full: 'B = N (512)' };
    const statuses = [status({ id: 'single', batchSize: 1 }), status({ id: 'mini', batchSize: 32 }), status({ id: 'full', batchSize: 512 })];
    const tiedFirst = measuredInsights({ labels: three, statuses, comparison: { axis: 'steps', x: 111, ranking: [{ id: 'mini', loss: 0.24 }, { id: 'full', loss: 0.2401 }, { id: 'single', loss: 0.275 }] } });
    expect(tiedFirst[0]).toBe('At 111 steps, as far as every run has got, the lowest training loss is shared by B = 32 and B = N (512) (0.24 each), then B = 1 (0.275).');
    const tiedLater = measuredInsights({ labels: three, statuses, comparison: { axis: 'steps', x: 111, ranking: [{ id: 'mini', loss: 0.161 }, { id: 'full', loss: 0.248 }, { id: 'single', loss: 0.2481 }] } });
    expect(tiedLater[0]).toBe('At 111 steps, as far as every run has got, the lowest training loss is B = 32’s (0.161), then B = N (512) and B = 1 (0.248 each).');
  });

  it('compares no speeds from a figure still warming up', () => {
    const sentences = measuredInsights({
      labels,
      statuses: [
        status({ id: 'single', batchSize: 1, msPerStep: 5.4, examplesPerSecond: 185, timingSource: 'warming' }),
        status({ id: 'full', batchSize: 512, msPerStep: 8, examplesPerSecond: 64000 }),
      ],
      comparison: null,
    });
    expect(sentences.join(' ')).not.toMatch(/step takes/);
  });

  it('names no winner before anything has run', () => {
    const sentences = measuredInsights({ labels, statuses: [status({ id: 'single', step: 0 })], comparison: null });
    expect(sentences.join(' ')).toMatch(/Press Play/);
    expect(sentences.join(' ')).not.toMatch(/lowest/);
  });
});
