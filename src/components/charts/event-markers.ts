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

/** What an event changed ("lr", "shuffle"): its label's first word. */
const kindOf = (label: string) => label.split(' ')[0]!;

/** The same change made on several runs at nearly the same x (the shared lr slider): at most one event per run. */
interface SharedChange {
  x: number;
  label: string;
  runLabels: string[];
  colours: Set<string>;
}

function sharedChanges(events: readonly RunEventMark[], tolerance: number): SharedChange[] {
  const groups: SharedChange[] = [];
  for (const event of [...events].sort((a, b) => a.label.localeCompare(b.label) || a.x - b.x)) {
    const group = groups.find((g) => g.label === event.label && event.x - g.x <= tolerance && !g.runLabels.includes(event.runLabel));
    if (group) {
      group.runLabels.push(event.runLabel);
      group.colours.add(event.colour);
    } else groups.push({ x: event.x, label: event.label, runLabels: [event.runLabel], colours: new Set([event.colour]) });
  }
  return groups;
}

/** A quick burst of changes of one kind on the same runs (an lr slider nudged several times), in order. */
interface Burst {
  x: number;
  lastX: number;
  key: string;
  labels: string[];
  runLabels: string[];
  colours: Set<string>;
}

/** "lr 10", or for a burst its count and where it ended: "6 lr changes → 0.1". */
function burstText(labels: readonly string[]): string {
  if (labels.length === 1) return labels[0]!;
  const last = labels.at(-1)!;
  const kind = kindOf(last);
  return `${labels.length} ${kind} changes → ${last.slice(kind.length + 1)}`;
}

/**
 * Merges the same change made on several runs less than `tolerance` apart in x (the shared lr slider) into one
 * marker, named "lr 10 · all runs" or "lr 10 · B = 1, B = 32"; with one run on the chart, just "lr 10". Changes of one
 * kind on the same runs, each within `tolerance` of the one before, become one marker too ("6 lr changes → 0.1"):
 * one marker each would stack into rows of unreadable text. A marker sits at its first event's x. Sorted by x.
 */
export function mergeEvents(events: readonly RunEventMark[], runCount: number, tolerance: number): Omit<EventMarker, 'row' | 'anchor'>[] {
  const bursts: Burst[] = [];
  for (const change of sharedChanges(events, tolerance).sort((a, b) => a.x - b.x)) {
    const key = `${kindOf(change.label)}\n${[...change.runLabels].sort().join('\n')}`;
    const open = bursts.findLast((b) => b.key === key);
    if (open && change.x - open.lastX <= tolerance) {
      open.labels.push(change.label);
      open.lastX = change.x;
      for (const colour of change.colours) open.colours.add(colour);
    } else bursts.push({ x: change.x, lastX: change.x, key, labels: [change.label], runLabels: change.runLabels, colours: new Set(change.colours) });
  }
  return bursts.map((burst) => {
    const who = runCount <= 1 ? '' : burst.runLabels.length >= runCount ? ' · all runs' : ` · ${burst.runLabels.join(', ')}`;
    return { x: burst.x, text: `${burstText(burst.labels)}${who}`, colour: burst.colours.size === 1 ? [...burst.colours][0]! : SHARED_MARKER_COLOUR };
  });
}

export interface StackOptions {
  /** Where an x is drawn, in pixels. */
  pixelOf(x: number): number;
  /** The plot's right edge in pixels: text that would run past it goes left of its line. */
  plotRight: number;
  /** Estimated width of one character of marker text, in pixels. */
  charWidth: number;
  /** Rows available; a marker whose text finds no free row keeps its line and loses its text. */
  maxRows: number;
}

// Clear space between two labels on one row, in pixels.
const LABEL_GAP = 6;

/**
 * Puts each marker on the highest row where its text overlaps no other marker's text; where every row is taken, the
 * marker is drawn without text (zooming in spreads the markers out and brings it back), never over another's.
 */
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
      if (row === -1 && rowEnds.length < maxRows) row = rowEnds.length;
      if (row === -1) return { index, stacked: { ...marker, text: '', anchor, row: 0 } };
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
// The rows stand above the plot and take its height: at most 3, and at most a sixth of the plot.
const MAX_ROWS = 3;
// Below this plot width (a phone) markers say only what changed ("lr 0.1"): the run names made labels wider than the
// plot, stacked over the curves. The line's colour still tells whose change it was.
const NAMED_MARKERS_MIN_PX = 360;

export interface MarkerLayout {
  xDomain: [number, number];
  /** The plot's left and right edges in pixels. */
  plot: [number, number];
  /** The plot's height in pixels: the markers' rows of text take at most a sixth of it. */
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
    maxRows: Math.max(1, Math.min(MAX_ROWS, Math.floor(plotHeight / (6 * rowHeight)))),
  });
}

/** The height the markers' rows of text take above the plot, in pixels (0 without any text). */
export function markerRowsHeight(markers: readonly EventMarker[], rowHeight: number): number {
  const labelled = markers.filter((m) => m.text !== '');
  return labelled.length === 0 ? 0 : (Math.max(...labelled.map((m) => m.row)) + 1) * rowHeight;
}
