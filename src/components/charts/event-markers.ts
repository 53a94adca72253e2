/** One run's event (e.g. "lr 10") at an x on the current axis. */
export interface RunEventMark {
  x: number;
  label: string;
  runLabel: string;
  colour: string;
}

/** A marker as drawn: its line's x and colour, its text, which side of the line and how many rows down. */
export interface EventMarker {
  x: number;
  text: string;
  colour: string;
  /** 0 is the top row; each row sits one text line lower. */
  row: number;
  /** 'start': text runs right of the line; 'end': left of it (near the right edge). */
  anchor: 'start' | 'end';
}

/** The colour of a marker shared by several runs: no single run owns it. */
export const SHARED_MARKER_COLOUR = '#5b6673';

/**
 * Merges events with the same label less than `tolerance` apart in x (several runs changing lr together, or one run
 * twice) into one marker, named "lr 10 · all runs" or "lr 10 · B = 1, B = 32"; with one run on the chart, just "lr 10".
 * The merged marker sits at the first event's x. Result sorted by x.
 */
export function mergeEvents(events: readonly RunEventMark[], runCount: number, tolerance: number): Omit<EventMarker, 'row' | 'anchor'>[] {
  const sorted = [...events].sort((a, b) => a.label.localeCompare(b.label) || a.x - b.x);
  const groups: RunEventMark[][] = [];
  for (const event of sorted) {
    const group = groups.at(-1);
    if (group && group[0]!.label === event.label && event.x - group[0]!.x <= tolerance) group.push(event);
    else groups.push([event]);
  }
  return groups
    .map((group) => {
      const runLabels = [...new Set(group.map((e) => e.runLabel))];
      const colours = new Set(group.map((e) => e.colour));
      const who = runCount <= 1 ? '' : runLabels.length >= runCount ? ' · all runs' : ` · ${runLabels.join(', ')}`;
      return { x: group[0]!.x, text: `${group[0]!.label}${who}`, colour: colours.size === 1 ? group[0]!.colour : SHARED_MARKER_COLOUR };
    })
    .sort((a, b) => a.x - b.x);
}

export interface StackOptions {
  /** Where an x is drawn, in pixels. */
  pixelOf(x: number): number;
  /** The plot's right edge in pixels: text that would run past it goes left of its line. */
  plotRight: number;
  /** Estimated width of one character of marker text, in pixels. */
  charWidth: number;
  /** Rows available; more markers than fit start again at the top row. */
  maxRows: number;
}

// Clear space between two labels on one row, in pixels.
const LABEL_GAP = 6;

/** Puts each marker on the highest row where its text overlaps no other marker's text. */
export function stackMarkers(markers: readonly Omit<EventMarker, 'row' | 'anchor'>[], { pixelOf, plotRight, charWidth, maxRows }: StackOptions): EventMarker[] {
  const rowEnds: number[][] = [];
  const spans = markers.map((marker) => {
    const at = pixelOf(marker.x);
    const width = marker.text.length * charWidth + 2 * LABEL_GAP;
    const anchor: EventMarker['anchor'] = at + width > plotRight ? 'end' : 'start';
    return { marker, anchor, left: anchor === 'start' ? at : at - width, right: anchor === 'start' ? at + width : at };
  });
  return spans
    .map((span, index) => ({ ...span, index }))
    .sort((a, b) => a.left - b.left)
    .map(({ marker, anchor, left, right, index }) => {
      let row = rowEnds.findIndex((spansInRow) => spansInRow.every((end) => end <= left));
      if (row === -1 || row >= maxRows) row = rowEnds.length < maxRows ? rowEnds.length : index % Math.max(1, maxRows);
      (rowEnds[row] ??= []).push(right);
      return { index, stacked: { ...marker, anchor, row } };
    })
    .sort((a, b) => a.index - b.index)
    .map(({ stacked }) => stacked);
}

// Markers with the same label closer than this share of the x-range are one event (runs changing lr together).
const MERGE_SHARE = 0.01;
// Average width of a character of 11 px marker text, in pixels.
const MARKER_CHAR_PX = 6.2;
const MAX_ROWS = 6;
// Below this plot width (a phone) markers say only what changed ("lr 0.1"): the run names made labels wider than the
// plot, stacked over the curves. The line's colour still tells whose change it was.
const NAMED_MARKERS_MIN_PX = 360;

export interface MarkerLayout {
  xDomain: [number, number];
  /** The plot's left and right edges in pixels. */
  plot: [number, number];
  /** The plot's height in pixels: markers use at most its upper half. */
  plotHeight: number;
  rowHeight: number;
}

/** The markers to draw for these runs' events inside the x-range: merged across runs, stacked so no text overlaps. */
export function layoutMarkers(runs: readonly { label: string; colour: string; events: readonly { x: number; label: string }[] }[], { xDomain, plot, plotHeight, rowHeight }: MarkerLayout): EventMarker[] {
  const [from, to] = xDomain;
  const events = runs.flatMap((run) => run.events.filter((e) => e.x >= from && e.x <= to).map((e) => ({ ...e, runLabel: run.label, colour: run.colour })));
  const named = plot[1] - plot[0] >= NAMED_MARKERS_MIN_PX ? runs.length : 1;
  return stackMarkers(mergeEvents(events, named, MERGE_SHARE * (to - from)), {
    pixelOf: (x) => plot[0] + ((x - from) / (to - from)) * (plot[1] - plot[0]),
    plotRight: plot[1],
    charWidth: MARKER_CHAR_PX,
    maxRows: Math.max(1, Math.min(MAX_ROWS, Math.floor(plotHeight / (2 * rowHeight)))),
  });
}
