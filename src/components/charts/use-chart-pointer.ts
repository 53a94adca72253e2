import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { xAtPixel } from './chart-geometry';
import type { Domain } from './nice-ticks';

// A press that moves less than this many pixels is a click, not a zoom.
const MIN_DRAG_PX = 5;
// How far one arrow key moves the readout, as a share of the visible x-range.
const KEY_STEP = 0.02;

export interface ChartPointer {
  /** The x the readout shows (pointer or arrow keys); null: none. */
  hoverX: number | null;
  /** The x-range being dragged across, to shade; null when not dragging. */
  selection: Domain | null;
  handlers: {
    onPointerDown(event: PointerEvent<HTMLElement>): void;
    onPointerMove(event: PointerEvent<HTMLElement>): void;
    onPointerUp(event: PointerEvent<HTMLElement>): void;
    onPointerLeave(): void;
    onDoubleClick(): void;
    onKeyDown(event: KeyboardEvent<HTMLElement>): void;
    onBlur(): void;
  };
}

function pixelIn(event: PointerEvent<HTMLElement>): number {
  return event.clientX - event.currentTarget.getBoundingClientRect().left;
}

/**
 * Hover readout and drag-to-zoom on the chart's x-axis, from pointer positions relative to the chart element:
 * drag across the plot and release to zoom (`onZoom(range)`), double-click for the whole range (`onZoom(null)`);
 * ←/→ move the readout when the chart has focus, Esc hides it.
 */
export function useChartPointer(plot: Domain, xDomain: Domain, onZoom: (domain: Domain | null) => void): ChartPointer {
  const [hoverX, setHoverX] = useState<number | null>(null);
  const [selection, setSelection] = useState<Domain | null>(null);
  const dragFrom = useRef<number | null>(null);
  const inPlot = (pixel: number) => pixel >= plot[0] && pixel <= plot[1];
  const xOf = (pixel: number) => xAtPixel(pixel, plot, xDomain);

  return {
    hoverX,
    selection,
    handlers: {
      onPointerDown(event) {
        const pixel = pixelIn(event);
        if (event.button !== 0 || !inPlot(pixel)) return;
        dragFrom.current = pixel;
        // Keeps the drag alive when the pointer leaves the chart before release.
        event.currentTarget.setPointerCapture?.(event.pointerId);
      },
      onPointerMove(event) {
        const pixel = pixelIn(event);
        const from = dragFrom.current;
        if (from !== null && Math.abs(pixel - from) >= MIN_DRAG_PX) setSelection([xOf(from), xOf(pixel)]);
        setHoverX(inPlot(pixel) || from !== null ? xOf(pixel) : null);
      },
      onPointerUp(event) {
        const from = dragFrom.current;
        dragFrom.current = null;
        setSelection(null);
        if (from === null) return;
        const pixel = pixelIn(event);
        if (Math.abs(pixel - from) >= MIN_DRAG_PX) onZoom([Math.min(xOf(from), xOf(pixel)), Math.max(xOf(from), xOf(pixel))]);
      },
      onPointerLeave() {
        if (dragFrom.current === null) setHoverX(null);
      },
      onDoubleClick() {
        onZoom(null);
      },
      onKeyDown(event) {
        const [from, to] = xDomain;
        const step = (event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0) * KEY_STEP * (to - from);
        if (step !== 0) {
          event.preventDefault();
          setHoverX((x) => Math.min(to, Math.max(from, (x ?? (from + to) / 2) + step)));
        } else if (event.key === 'Escape') setHoverX(null);
      },
      onBlur() {
        setHoverX(null);
      },
    },
  };
}
