import { useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useElementSize } from '../use-element-size';
import { drawLoaderStrip, rowPixels, STRIP, stripGeometry, type Rgb } from './draw-loader-strip';
import { batchAt, type StripRow } from './loader-model';

/** A batch of one strip row: row k (0 = the epoch under way) and its 0-based place in that epoch. */
export interface PickedBatch {
  row: number;
  batch: number;
}

export interface LoaderStripProps {
  /** The epochs shown; kept as one array while they stay the same. */
  rows: readonly StripRow[];
  /** The batch of the first row the run takes next. */
  next: number | null;
  colourOf(example: number): Rgb;
  runColour: string;
  description: string;
  picked: PickedBatch | null;
  /** Pointing at a batch (null: the pointer left); `pin` for a click or a key, which keeps it after the pointer leaves. */
  onPick(batch: PickedBatch | null, pin: boolean): void;
}

/** The epochs stacked as strips of examples in serving order, on a canvas: any N draws in one pass per row. */
export function LoaderStrip({ rows, next, colourOf, runColour, description, picked, onPick }: LoaderStripProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { ref: frame, size } = useElementSize<HTMLDivElement>({ width: 0, height: 0 });
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const { stripWidth, height } = stripGeometry(size.width, rows.length);
  const columns = Math.max(1, Math.round(stripWidth * ratio));
  // `rows` stays the same while the same epochs are shown (the next batch comes separately): their colours, a pass
  // over every example per row, are not recomputed as the outline moves four times a second.
  const pixels = useMemo(() => rows.map((row) => rowPixels(row.order, colourOf, columns)), [rows, colourOf, columns]);

  useEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d');
    if (!element || !ctx || size.width === 0) return;
    element.width = Math.round(size.width * ratio);
    element.height = Math.round(height * ratio);
    drawLoaderStrip(ctx, { rows, next, pixels, width: size.width, ratio, runColour, picked });
  }, [rows, next, pixels, size.width, height, ratio, runColour, picked]);

  const pointAt = (event: MouseEvent<HTMLCanvasElement>): PickedBatch | null => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left - STRIP.labelWidth;
    const y = event.clientY - box.top - STRIP.top;
    const row = Math.floor(y / (STRIP.rowHeight + STRIP.rowGap));
    if (row < 0 || row >= rows.length || y - row * (STRIP.rowHeight + STRIP.rowGap) > STRIP.rowHeight || x < 0 || x > stripWidth) return null;
    const batch = batchAt(rows[row]!, x / stripWidth);
    return batch === null ? null : { row, batch };
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = picked ?? { row: 0, batch: next ?? 0 };
    const row = rows[current.row];
    if (!row) return;
    const moves: Record<string, PickedBatch> = {
      ArrowLeft: { row: current.row, batch: Math.max(0, current.batch - 1) },
      ArrowRight: { row: current.row, batch: Math.min(row.batches - 1, current.batch + 1) },
      ArrowUp: { row: Math.max(0, current.row - 1), batch: current.batch },
      ArrowDown: { row: Math.min(rows.length - 1, current.row + 1), batch: current.batch },
      Home: { row: current.row, batch: 0 },
      End: { row: current.row, batch: row.batches - 1 },
    };
    if (event.key === 'Escape') onPick(null, true);
    else if (moves[event.key]) onPick(moves[event.key]!, true);
    else return;
    event.preventDefault();
  };

  return (
    <div ref={frame} className="loader-strip" tabIndex={0} role="img" aria-label={description} onKeyDown={onKeyDown}>
      <canvas
        ref={canvas}
        style={{ width: `${size.width}px`, height: `${height}px` }}
        onPointerMove={(e) => onPick(pointAt(e), false)}
        onPointerLeave={() => onPick(null, false)}
        onClick={(e) => onPick(pointAt(e), true)}
      />
    </div>
  );
}
