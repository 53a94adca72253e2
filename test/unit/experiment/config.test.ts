import { describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../../src/engine/datasets';
import { CONFIG_VERSION, DATASET_DEFAULTS, DEFAULTS_V1, DEFAULTS_V2, defaultConfig, defaultModelFor } from '../../../src/experiment/config';
import { clampConfig, modelFitsDataset } from '../../../src/experiment/limits';

describe('defaults version 2', () => {
  it('keeps version 1 as it was, so old links mean what they meant', () => {
    expect(CONFIG_VERSION).toBe(2);
    expect(DEFAULTS_V1).toEqual({
      dataset: 'moons', n: 512, noise: 0.2, testShare: 0.25, seed: 42, model: 'mlp', hidden: [16, 16], activation: 'tanh',
      lr: 0.1, momentum: 0, shuffle: 'on', dropLast: false, batchSizes: [1, 32, 'full'], evalEvery: 10, noiseEvery: 0,
    });
    expect(Object.isFrozen(DEFAULTS_V1)).toBe(true);
  });

  it('leaves moons exactly as in version 1, so existing figures hold', () => {
    expect(defaultConfig()).toEqual(DEFAULTS_V1);
    expect(defaultConfig('moons')).toEqual(DEFAULTS_V2);
  });

  it('gives every dataset its own noise and a model that fits it, with lr 0.1 and N 512 for all', () => {
    expect(Object.isFrozen(DATASET_DEFAULTS)).toBe(true);
    for (const dataset of DATASET_NAMES) {
      const config = defaultConfig(dataset);
      const row = DATASET_DEFAULTS[dataset];
      expect(config).toMatchObject({ dataset, noise: row.noise, model: row.model, hidden: [...row.hidden], activation: row.activation, lr: 0.1, n: 512 });
      expect(modelFitsDataset(config.model, dataset)).toBe(true);
      expect(defaultModelFor(dataset)).toBe(row.model);
      expect(clampConfig(config, config).adjustments).toEqual([]);
      expect(Math.max(...config.hidden)).toBeLessThanOrEqual(64);
    }
    expect(DATASET_DEFAULTS.spiral).toEqual({ noise: 0.05, model: 'mlp', hidden: [32, 32, 32], activation: 'relu' });
  });

  it('hands out fresh copies: changing one does not touch the table', () => {
    const config = defaultConfig('spiral');
    config.hidden.push(8);
    config.batchSizes.pop();
    expect(defaultConfig('spiral').hidden).toEqual([32, 32, 32]);
    expect(defaultConfig('spiral').batchSizes).toEqual([1, 32, 'full']);
  });
});
