import { useEffect, useRef, useState } from 'react';

export interface Size {
  width: number;
  height: number;
}

/**
 * The content size of an element, kept current by a ResizeObserver; `initial` until the first measurement (and where
 * nothing is measured, as in jsdom), so the chart always has a size to draw at.
 */
export function useElementSize<E extends HTMLElement>(initial: Size) {
  const ref = useRef<E>(null);
  const [size, setSize] = useState<Size>(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.round(entry.contentRect.width);
      const height = Math.round(entry.contentRect.height);
      // A hidden chart measures 0 × 0: keep the last real size rather than drawing nothing.
      if (width > 0 && height > 0) setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, size };
}
