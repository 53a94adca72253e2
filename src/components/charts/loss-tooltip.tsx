import { formatNumber } from '../format';
import type { TooltipRow } from './series-lookup';

export interface LossTooltipProps {
  /** The hovered x, with the axis title it is measured in. */
  x: number;
  axisTitle: string;
  rows: readonly TooltipRow[];
  /** Left edge of the box in pixels within the chart; `flip` puts the box left of that point instead. */
  left: number;
  flip: boolean;
}

/** The readout at the hovered x: every run's training and test loss, a swatch in its colour beside its name. */
export function LossTooltip({ x, axisTitle, rows, left, flip }: LossTooltipProps) {
  return (
    <div className="loss-tooltip" style={flip ? { right: `calc(100% - ${left}px)` } : { left }} data-testid="loss-tooltip">
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
              <td>{formatNumber(row.train)}</td>
              <td>{formatNumber(row.test)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
