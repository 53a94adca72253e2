import type { ReactNode } from 'react';
import { useElementSize, type Size } from '../use-element-size';

/** A chart's box: measures itself, carries the text alternative, and says what is missing while there is no data. */
export function PlotFrame({ className, description, empty, children }: { className: string; description: string; empty: string | null; children(size: Size): ReactNode }) {
  const { ref, size } = useElementSize<HTMLDivElement>({ width: 400, height: 260 });
  return (
    <div ref={ref} className={className} role="img" aria-label={description}>
      {empty === null ? children(size) : <p className="chart-empty">{empty}</p>}
    </div>
  );
}
