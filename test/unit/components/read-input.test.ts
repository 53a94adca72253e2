import { describe, expect, it } from 'vitest';
import { readBatchSize, readNumber, readRunLr } from '../../../src/components/controls/read-input';
import { LIMITS } from '../../../src/experiment/limits';

describe('reading typed values', () => {
  it('takes a whole batch size as it is, and N or more as the full batch, saying so', () => {
    expect(readBatchSize('32', 512)).toEqual({ value: 32, note: null });
    expect(readBatchSize('full', 512)).toEqual({ value: 'full', note: null });
    expect(readBatchSize('512', 512)).toEqual({ value: 512, note: null });
    expect(readBatchSize('513', 512)).toEqual({ value: 'full', note: '513 is more than N = 512: using the full batch.' });
    expect(readBatchSize('1e9', 512).value).toBe('full');
  });

  it('refuses what is not a batch size and says why, keeping the old value', () => {
    for (const text of ['abc', '2.5', '']) expect(readBatchSize(text, 512)).toMatchObject({ value: null, note: expect.stringMatching(/is not a batch size/) });
    for (const text of ['0', '-3']) expect(readBatchSize(text, 512)).toEqual({ value: null, note: 'A batch holds at least 1 example; kept the old size.' });
    // Add run has no old size to keep.
    for (const text of ['0', '-3']) expect(readBatchSize(text, 512, 'no run added').note).toBe('A batch holds at least 1 example; no run added.');
  });

  it('clamps numbers to their limits and says so; refuses non-numbers', () => {
    expect(readNumber('0.5', LIMITS.lr, 'learning rate')).toEqual({ value: 0.5, note: null });
    expect(readNumber('20', LIMITS.lr, 'learning rate')).toEqual({ value: 10, note: '20 is above the largest learning rate: using 10.' });
    expect(readNumber('0', LIMITS.lr, 'learning rate')).toEqual({ value: 0.0001, note: '0 is below the smallest learning rate: using 1 × 10⁻⁴.' });
    expect(readNumber('12.4', LIMITS.n, 'N').value).toBe(12);
    expect(readNumber('3', LIMITS.n, 'N').note).toBe('3 is below the smallest N: using 8.');
    // A whole number is quoted exactly, as the field will hold it.
    expect(readNumber('1e30', LIMITS.seed, 'seed').note).toBe('1e30 is above the largest seed: using 2,147,483,647.');
    expect(readNumber('100000', LIMITS.n, 'N').note).toBe('100000 is above the largest N: using 65,536.');
    expect(readNumber('x', LIMITS.lr, 'learning rate')).toEqual({ value: null, note: '“x” is not a number: the learning rate stays as it was.' });
  });

  it('reads an empty run lr as “use the shared lr”', () => {
    expect(readRunLr('  ')).toEqual({ value: null, note: null });
    expect(readRunLr('0.3')).toEqual({ value: 0.3, note: null });
  });
});
