import type { BatchSizeSetting } from '../../experiment/config';
import { LIMITS, parseBatchSize, type NumericLimit } from '../../experiment/limits';
import { formatCount, formatNumber } from '../format';

/** What a typed value means: the value to use (null: refused, keep the old one) and what to tell the user, if anything. */
export interface Reading<T> {
  value: T | null;
  note: string | null;
}

// A typed or pasted minus sign or dash ("−5", "–5") is read as the minus it means, so it is refused with a reason
// rather than dropped.
const plainMinus = (text: string) => text.trim().replace(/^[\u2212\u2013\u2014]/, '-');

/** How a refused text is quoted in a note: an empty field is called empty. */
const quoted = (text: string) => (text === '' ? 'An empty field' : `“${text.slice(0, 20)}”`);

/**
 * A batch size typed by the user: a whole number or "full"; N or more means the full batch. `refused` says what
 * happens to a size below 1 (a field keeps its old size; Add run adds nothing).
 */
export function readBatchSize(text: string, n: number, refused = 'kept the old size'): Reading<BatchSizeSetting> {
  const trimmed = plainMinus(text);
  const parsed = parseBatchSize(trimmed);
  if (parsed === 'full') return { value: 'full', note: null };
  if (parsed === null) {
    const number = Number(trimmed);
    if (trimmed !== '' && Number.isFinite(number) && number <= 0) return { value: null, note: `A batch holds at least 1 example; ${refused}.` };
    if (trimmed !== '' && Number.isFinite(number) && number >= n) return { value: 'full', note: `${trimmed} is more than N = ${formatCount(n)}: using the full batch.` };
    return { value: null, note: `${quoted(trimmed)} is not a batch size: type a whole number from 1 to ${formatCount(n)}, or “full”.` };
  }
  if (parsed === 0) return { value: null, note: `A batch holds at least 1 example; ${refused}.` };
  if (parsed > n) return { value: 'full', note: `${formatCount(parsed)} is more than N = ${formatCount(n)}: using the full batch.` };
  return { value: parsed, note: null };
}

/** A number typed into a field with limits: clamped (and said so), or refused when it is not a number. */
export function readNumber(text: string, limit: NumericLimit, what: string): Reading<number> {
  const trimmed = plainMinus(text);
  const number = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(number)) return { value: null, note: `${quoted(trimmed)} is not a number: the ${what} stays as it was.` };
  const rounded = limit.integer ? Math.round(number) : number;
  const clamped = Math.min(limit.max, Math.max(limit.min, rounded));
  if (clamped !== number) {
    const reason = number < limit.min ? `below the smallest ${what}` : number > limit.max ? `above the largest ${what}` : 'not a whole number';
    // A whole number is quoted exactly (a seed of 2,147,483,647, not 2.15 × 10⁹): it is what the field will hold.
    return { value: clamped, note: `${trimmed} is ${reason}: using ${limit.integer ? formatCount(clamped) : formatNumber(clamped)}.` };
  }
  return { value: clamped, note: null };
}

/** A run's own lr: empty means "use the shared lr". */
export function readRunLr(text: string): Reading<number | null> {
  if (text.trim() === '') return { value: null, note: null };
  return readNumber(text, LIMITS.lr, 'learning rate');
}
