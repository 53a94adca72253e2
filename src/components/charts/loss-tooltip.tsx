import { useLayoutEffect, useRef, useState } from 'react';
import { formatNumber } from '../format';
import type { TooltipRow } from './series-lookup';

export interface LossTooltipProps {
  /** The hovered x, with the axis title it is measured in. */
  x: number;
  axisTitle: string;
  rows: readonly TooltipRow[];
  /** The readout cursor's pixel column within the chart; the box sits `offset` pixels right of it, or left with `flip`. */
  cursor: number;
  offset: number;
  flip: boolean;
  /** The box never crosses the chart's edges (a phone-width chart is narrower than cursor plus box). */
  chartWidth: number;
}

// Space kept between the box and the chart's edge, in pixels.
const EDGE_PX = 2;

/** The box's left edge: beside the cursor, pulled back inside the chart where it would cross an edge. */
export function tooltipLeft(cursor: number, offset: number, flip: boolean, boxWidth: number, chartWidth: number): number {
  const wanted = flip ? cursor - offset - boxWidth : cursor + offset;
  return Math.max(EDGE_PX, Math.min(wanted, chartWidth - boxWidth - EDGE_PX));
}

/** A value as the readout lists it: "≈" marks one read off the line between two measurements. */
function shown(value: number | null, measured: boolean): string {
  return value === null || measured ? formatNumber(value) : `≈${formatNumber(value)}`;
}

/** The readout at the hovered x: every run's training and test loss, a swatch in its colour beside its name. */
export function LossTooltip({ x, axisTitle, rows, cursor, offset, flip, chartWidth }: LossTooltipProps) {
  const box = useRef<HTMLDivElement>(null);
  const [boxWidth, setBoxWidth] = useState(0);
  // Measured before the browser paints, so the box never shows at its unclamped place.
  useLayoutEffect(() => setBoxWidth(box.current?.offsetWidth ?? 0), [x, rows, axisTitle]);
  return (
    <div ref={box} className="loss-tooltip" style={{ left: tooltipLeft(cursor, offset, flip, boxWidth, chartWidth) }} data-testid="loss-tooltip">
      <p className="loss-tooltip-x">
        {formatNumber(x)} {axisTitle}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">run</th>
            <th scope="col">training</th>
            <th scope="col">test</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                {/* Colour alone never names a run: the swatch sits beside the run's label. */}
                <span className="loss-tooltip-swatch" style={{ background: row.colour }} />
                {row.label}
              </th>
              <td>{shown(row.train, row.trainMeasured)}</td>
              <td>{shown(row.test, row.testMeasured)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
