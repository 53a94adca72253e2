import { describe, expect, it } from 'vitest';
import { loaderReading, loaderWaitText, ordinal, SHUFFLE_READING } from '../../../src/components/views/loader-text';

describe('the DataLoader view’s words', () => {
  it('counts epochs and batches from 1, as a reader counts the boxes', () => {
    expect(ordinal(0)).toBe('1');
    expect(ordinal(2047)).toBe('2,048');
  });

  it('reads the shuffle mode, except for a run whose one batch is the whole set, where the order cannot matter', () => {
    expect(loaderReading('on', 16)).toBe(SHUFFLE_READING.on);
    expect(loaderReading('off', 16)).toBe(SHUFFLE_READING.off);
    expect(loaderReading('on', 1)).toMatch(/^One batch per epoch, the whole set: .* shuffling changes nothing\.$/);
  });

  it('says why there is no loader yet: the backend starting, a restart under way, or a read on its way', () => {
    expect(loaderWaitText(false, false, 'B = 32')).toBe('Starting the training backend: the loader appears once the runs exist.');
    expect(loaderWaitText(true, true, 'B = 32')).toBe('The runs restart on the new settings: B = 32’s loader appears once it has.');
    expect(loaderWaitText(true, false, 'B = 32')).toBe('Reading B = 32’s loader…');
    expect(loaderWaitText(true, false, null)).toBe('There is no run to show: add one under the cards.');
  });
});
