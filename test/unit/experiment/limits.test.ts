import { describe, expect, it } from 'vitest';
import { defaultConfig, resolveBatchSize } from '../../../src/experiment/config';
import { clampConfig, numericProblem, parseBatchSize, parseHidden, LIMITS } from '../../../src/experiment/limits';

describe('experiment limits', () => {
  it('accepts the defaults unchanged', () => {
    const { config, adjustments } = clampConfig(defaultConfig(), defaultConfig());
    expect(config).toEqual(defaultConfig());
    expect(adjustments).toEqual([]);
  });

  it('clamps out-of-range values, replaces non-numbers by the fallback, and says what changed', () => {
    const bad = { ...defaultConfig(), n: 10_000_000, lr: Number.NaN, noise: -1, batchSizes: [0, 'full' as const, 3.6] };
    const { config, adjustments } = clampConfig(bad, defaultConfig());
    expect(config.n).toBe(LIMITS.n.max);
    expect(config.lr).toBe(defaultConfig().lr);
    expect(config.noise).toBe(0);
    expect(config.batchSizes).toEqual([1, 'full', 4]);
    expect(adjustments.map((a) => a.field)).toEqual(['n', 'noise', 'lr', 'batchSizes']);
  });

  it('moves the linear model to the MLP on a classification dataset', () => {
    const { config, adjustments } = clampConfig({ ...defaultConfig(), model: 'linear', dataset: 'spiral' }, defaultConfig());
    expect(config.model).toBe('mlp');
    expect(adjustments[0]!.message).toMatch(/linear model only fits "line"/);
  });

  it('parses batch sizes: whole numbers and "full"', () => {
    expect(parseBatchSize('full')).toBe('full');
    expect(parseBatchSize(' 32 ')).toBe(32);
    expect(parseBatchSize('3.5')).toBeNull();
    expect(parseBatchSize('')).toBeNull();
    expect(resolveBatchSize('full', 300)).toBe(300);
    expect(resolveBatchSize(500, 300)).toBe(300);
  });

  it('names the problem with a value', () => {
    expect(numericProblem(0.5, LIMITS.n)).toBe('must be a whole number');
    expect(numericProblem(Number.POSITIVE_INFINITY, LIMITS.lr)).toBe('must be a number');
    expect(numericProblem(20, LIMITS.lr)).toBe('must be between 0.0001 and 10');
    expect(numericProblem(1, LIMITS.lr)).toBeNull();
  });
});

describe('hidden layer widths', () => {
  it('parses 1–4 whole widths within limits, shared by the CLI and the app', () => {
    expect(parseHidden('16, 16')).toEqual([16, 16]);
    expect(parseHidden('')).toBeNull();
    expect(parseHidden('16,x')).toBeNull();
    expect(parseHidden('0')).toBeNull();
    expect(parseHidden('300')).toBeNull();
    expect(parseHidden('1,1,1,1,1')).toBeNull();
  });
});
