import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHARED_MARKER_COLOUR, layoutMarkers, mergeEvents, stackMarkers, type RunEventMark } from '../../../src/components/charts/event-markers';

const mark = (x: number, label: string, runLabel: string, colour = `#${runLabel.length}00`): RunEventMark => ({ x, label, runLabel, colour });

describe('event markers', () => {
  it('merges the same change on every run at nearly the same x into one "all runs" marker', () => {
    const merged = mergeEvents([mark(100, 'lr 10', 'B = 1'), mark(100.4, 'lr 10', 'B = 32'), mark(100.2, 'lr 10', 'B = N (512)')], 3, 1);
    expect(merged).toEqual([{ x: 100, text: 'lr 10 · all runs', colour: SHARED_MARKER_COLOUR }]);
  });

  it('names the runs when only some of them changed together', () => {
    const merged = mergeEvents([mark(100, 'lr 10', 'B = 1'), mark(100.5, 'lr 10', 'B = 32')], 3, 1);
    expect(merged.map((m) => m.text)).toEqual(['lr 10 · B = 1, B = 32']);
  });

  it('keeps different labels, or the same label far apart, as separate markers in the run’s colour', () => {
    const merged = mergeEvents([mark(100, 'lr 1', 'B = 1', '#E69F00'), mark(100, 'lr 10', 'B = 32', '#0072B2'), mark(300, 'lr 1', 'B = 1', '#E69F00')], 3, 1);
    expect(merged.map((m) => [m.x, m.text, m.colour])).toEqual([
      [100, 'lr 1 · B = 1', '#E69F00'],
      [100, 'lr 10 · B = 32', '#0072B2'],
      [300, 'lr 1 · B = 1', '#E69F00'],
    ]);
  });

  it('turns a quick burst of one run’s lr changes into one marker that says how many and where they ended', () => {
    // The lr slider nudged five times up and five down, 0.35 s apart, on all three runs (seconds axis).
    const values = ['0.12', '0.15', '0.18', '0.22', '0.27', '0.22', '0.18', '0.15', '0.12', '0.1'];
    const events = ['B = 1', 'B = 32', 'B = N (512)'].flatMap((run, r) => values.map((v, i) => mark(10 + 0.35 * i + 0.01 * r, `lr ${v}`, run)));
    const merged = mergeEvents(events, 3, 0.5);
    expect(merged.map((m) => [m.x, m.text])).toEqual([[10, '10 lr changes → 0.1 · all runs']]);
    // A later change on its own stays a marker of its own; a shuffle change is never part of an lr burst.
    const later = mergeEvents([mark(0, 'lr 0.5', 'B = 1'), mark(0.2, 'lr 0.05', 'B = 1'), mark(0.3, 'shuffle once (from next epoch)', 'B = 1'), mark(5, 'lr 1', 'B = 1')], 1, 0.5);
    expect(later.map((m) => m.text)).toEqual(['2 lr changes → 0.05', 'shuffle once (from next epoch)', 'lr 1']);
  });

  it('keeps two runs’ different changes apart even when they are close together', () => {
    const merged = mergeEvents([mark(100, 'lr 0.5', 'B = 32'), mark(100.3, 'lr 0.05', 'B = 1')], 3, 1);
    expect(merged.map((m) => m.text)).toEqual(['lr 0.5 · B = 32', 'lr 0.05 · B = 1']);
  });

  it('leaves the run name out when the chart shows one run', () => {
    expect(mergeEvents([mark(5, 'lr 10', 'B = 1')], 1, 1).map((m) => m.text)).toEqual(['lr 10']);
  });

  it('stacks markers whose text would overlap on different rows, and keeps distant ones on the top row', () => {
    const stacked = stackMarkers(
      [
        { x: 100, text: 'lr 1 · B = 1', colour: '#000' },
        { x: 101, text: 'lr 10 · B = 32', colour: '#000' },
        { x: 400, text: 'lr 3', colour: '#000' },
      ],
      { pixelOf: (x) => x, plotRight: 1000, charWidth: 6, maxRows: 4 },
    );
    expect(stacked.map((m) => m.row)).toEqual([0, 1, 0]);
  });

  it('draws a marker that finds no free row without text, and keeps its line', () => {
    const crowded = Array.from({ length: 4 }, (_, i) => ({ x: 100 + i, text: `lr 0.${i + 1} · B = 1`, colour: '#000' }));
    const stacked = stackMarkers(crowded, { pixelOf: (x) => x, plotRight: 1000, charWidth: 6, maxRows: 3 });
    expect(stacked.map((m) => [m.x, m.row, m.text !== ''])).toEqual([
      [100, 0, true],
      [101, 1, true],
      [102, 2, true],
      [103, 0, false],
    ]);
  });

  it('puts text left of its line near the right edge of the plot', () => {
    const [marker] = stackMarkers([{ x: 990, text: 'lr 10 · all runs', colour: '#000' }], { pixelOf: (x) => x, plotRight: 1000, charWidth: 6, maxRows: 4 });
    expect(marker!.anchor).toBe('end');
  });

  it('never lets two marker texts on one row overlap, however many markers there are', () => {
    const charWidth = 6;
    fc.assert(
      fc.property(fc.array(fc.record({ x: fc.integer({ min: 0, max: 900 }), text: fc.string({ minLength: 1, maxLength: 20 }) }), { maxLength: 30 }), (raw) => {
        const stacked = stackMarkers(raw.map((m) => ({ ...m, colour: '#000' })), { pixelOf: (x) => x, plotRight: 1000, charWidth, maxRows: 6 }).filter((m) => m.text !== '');
        const span = (m: (typeof stacked)[number]): [number, number] => {
          const width = m.text.length * charWidth + 12;
          return m.anchor === 'start' ? [m.x, m.x + width] : [m.x - width, m.x];
        };
        for (let i = 0; i < stacked.length; i++)
          for (let j = i + 1; j < stacked.length; j++) {
            if (stacked[i]!.row !== stacked[j]!.row) continue;
            const [a0, a1] = span(stacked[i]!);
            const [b0, b1] = span(stacked[j]!);
            expect(a1 <= b0 || b1 <= a0).toBe(true);
          }
      }),
    );
  });

  it('keeps the rows above the plot to at most 3, and a sixth of its height', () => {
    const runs = [{ label: 'B = 1', colour: '#E69F00', events: [0, 1.5, 3, 4.5, 6].map((x) => ({ x, label: `lr ${x + 1}` })) }];
    const rows = (plotHeight: number) => new Set(layoutMarkers(runs, { xDomain: [0, 100], plot: [60, 700], plotHeight, rowHeight: 14 }).filter((m) => m.text).map((m) => m.row)).size;
    expect(rows(600)).toBe(3);
    expect(rows(180)).toBe(2);
    expect(rows(60)).toBe(1);
  });

  it('lays out only the events inside the visible x-range', () => {
    const runs = [
      { label: 'B = 1', colour: '#E69F00', events: [{ x: 10, label: 'lr 10' }, { x: 500, label: 'lr 1' }] },
      { label: 'B = 32', colour: '#0072B2', events: [{ x: 10.5, label: 'lr 10' }] },
    ];
    const markers = layoutMarkers(runs, { xDomain: [0, 100], plot: [60, 700], plotHeight: 280, rowHeight: 14 });
    expect(markers.map((m) => m.text)).toEqual(['lr 10 · all runs']);
  });

  it('on a phone-width plot says only what changed, in the run’s colour', () => {
    const runs = [
      { label: 'B = 1', colour: '#E69F00', events: [{ x: 90, label: 'lr 0.1' }] },
      { label: 'B = 32', colour: '#0072B2', events: [{ x: 60, label: 'lr 0.1' }] },
      { label: 'B = N (512)', colour: '#009E73', events: [{ x: 20, label: 'lr 0.1' }] },
    ];
    const narrow = layoutMarkers(runs, { xDomain: [0, 100], plot: [40, 210], plotHeight: 190, rowHeight: 14 });
    expect(narrow.map((m) => [m.text, m.colour])).toEqual([
      ['lr 0.1', '#009E73'],
      ['lr 0.1', '#0072B2'],
      ['lr 0.1', '#E69F00'],
    ]);
    const wide = layoutMarkers(runs, { xDomain: [0, 100], plot: [60, 700], plotHeight: 280, rowHeight: 14 });
    expect(wide.map((m) => m.text)).toEqual(['lr 0.1 · B = N (512)', 'lr 0.1 · B = 32', 'lr 0.1 · B = 1']);
  });
});
