import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLoaderArgs } from '../../../cli/cli-args';
import { runLoader, type CliRecord } from '../../../cli/run-experiment';
import { EXPLORER_ITEMS, EXPLORER_SHOWN_EPOCHS, explorerCommand, explorerEpochs } from '../../../src/components/views/loader-explorer-model';
import { SHUFFLE_MODES } from '../../../src/engine/loader';

describe('the 15-item explorer', () => {
  it('shows the batches the CLI prints for the command it copies, and the items drop last leaves out', () => {
    const settings = fc.record({
      batchSize: fc.integer({ min: 1, max: EXPLORER_ITEMS }),
      shuffle: fc.constantFrom(...SHUFFLE_MODES),
      dropLast: fc.boolean(),
      seed: fc.integer({ min: 0, max: 999_999 }),
      epochs: fc.integer({ min: 1, max: 7 }),
    });
    fc.assert(
      fc.property(settings, (s) => {
        const argv = explorerCommand(s).replace(/^npm run -s experiment -- loader /, '').split(' ');
        const printed: CliRecord[] = [];
        runLoader(parseLoaderArgs(argv), (r) => printed.push(r));
        const shown = explorerEpochs(s);
        expect(shown.map((e) => e.epoch)).toEqual(printed.slice(-EXPLORER_SHOWN_EPOCHS).map((r) => r.epoch));
        expect(shown.map((e) => e.batches)).toEqual(printed.slice(-EXPLORER_SHOWN_EPOCHS).map((r) => r.batches));
        for (const e of shown) {
          expect([...e.batches.flat(), ...e.dropped].sort((a, b) => a - b)).toEqual(Array.from({ length: EXPLORER_ITEMS }, (_, i) => i));
          expect(e.dropped.length).toBe(s.dropLast ? EXPLORER_ITEMS % s.batchSize : 0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
