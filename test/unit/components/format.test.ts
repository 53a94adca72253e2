import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, formatNumber, formatReading, formatSigned, formatTick, superscript, tickFormatter } from '../../../src/components/format';

describe('formatSigned', () => {
  it('sets a negative number with a true minus sign, as beside “−1” in a sentence', () => {
    expect(formatSigned(-0.99, 2)).toBe('−0.99');
    expect(formatSigned(2)).toBe('2');
  });
});

describe('formatReading', () => {
  it('keeps the zeros of 3 significant digits, so a card’s losses read at one precision', () => {
    expect(formatReading(0.69998)).toBe('0.700');
    expect(formatReading(0.698)).toBe('0.698');
    expect(formatReading(12)).toBe('12.0');
    expect(formatReading(1234.4)).toBe('1,234');
    expect(formatReading(2.5e-5)).toBe('2.5 × 10⁻⁵');
    expect(formatReading(null)).toBe('—');
    expect(formatReading(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});

describe('formatNumber', () => {
  it('writes tiny and huge numbers with a real superscript exponent and 3 significant digits', () => {
    expect(formatNumber(1.5312e-5)).toBe('1.53 × 10⁻⁵');
    expect(formatNumber(2.4e30)).toBe('2.4 × 10³⁰');
    expect(formatNumber(-1.5312e-5)).toBe('-1.53 × 10⁻⁵');
    expect(formatNumber(1e-4)).toBe('1 × 10⁻⁴');
  });

  it('keeps everyday numbers plain, rounded, with thousands separators', () => {
    expect(formatNumber(0.312345)).toBe('0.312');
    expect(formatNumber(1204.0000001)).toBe('1,204');
    expect(formatNumber(245760)).toBe('245,760');
    expect(formatNumber(0.0012345)).toBe('0.00123');
    expect(formatNumber(0)).toBe('0');
  });

  it('shows a dash for missing values and ∞ for infinities', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
  });

  it('never prints the old caret notation', () => {
    for (const v of [1e-9, 3.3e-7, 1e7, 9.99e12, 1e30]) expect(formatNumber(v)).not.toMatch(/\^|e[+-]/);
  });

  it('formats durations in ms with the same rules', () => {
    expect(formatMs(2.0764)).toBe('2.08 ms');
    expect(formatMs(null)).toBe('—');
  });
});

describe('formatTick', () => {
  it('labels a bare power of ten as 10ⁿ and anything else as formatNumber does', () => {
    expect(formatTick(1e-5)).toBe('10⁻⁵');
    expect(formatTick(1e8)).toBe('10⁸');
    expect(formatTick(2e-5)).toBe('2 × 10⁻⁵');
    expect(formatTick(0.5)).toBe('0.5');
    expect(formatTick(100000)).toBe('100,000');
  });

  it('labels one axis in one notation: every power of ten as 10ⁿ once one of them needs it', () => {
    const ticks = [1e4, 1e6, 1e8, 1e10];
    expect(ticks.map(tickFormatter(ticks))).toEqual(['10⁴', '10⁶', '10⁸', '10¹⁰']);
    const everyday = [0.01, 0.1, 1, 10, 100];
    expect(everyday.map(tickFormatter(everyday))).toEqual(['0.01', '0.1', '1', '10', '100']);
  });

  it('gives neighbouring ticks of a deep zoom distinct labels', () => {
    const epochs = [137.01, 137.02, 137.03, 137.04];
    expect(epochs.map(tickFormatter(epochs))).toEqual(['137.01', '137.02', '137.03', '137.04']);
    const seconds = [0.6171, 0.6172, 0.6173];
    expect(seconds.map(tickFormatter(seconds))).toEqual(['0.6171', '0.6172', '0.6173']);
    const plain = [0, 200, 400];
    expect(plain.map(tickFormatter(plain))).toEqual(['0', '200', '400']);
  });

  it('writes exponents with superscript digits and minus', () => {
    expect(superscript(-12)).toBe('⁻¹²');
    expect(superscript(30)).toBe('³⁰');
    expect(superscript(0)).toBe('⁰');
  });
});

describe('formatBytes', () => {
  it('reads bytes in powers of 1,024 with 3 significant digits, rounding up into the next unit', () => {
    expect(formatBytes(800)).toBe('800 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(2 ** 20 - 0.01)).toBe('1 MiB');
    expect(formatBytes(3.25 * 2 ** 30)).toBe('3.25 GiB');
    expect(formatBytes(null)).toBe('—');
  });
});
