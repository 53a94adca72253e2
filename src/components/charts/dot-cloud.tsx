import { useXAxisScale, useYAxisScale } from 'recharts';

/** Points drawn as round dots of one run. */
export interface DotSet {
  id: string;
  colour: string;
  points: readonly { x: number; y: number }[];
}

/**
 * Many dots as one SVG path per run (a zero-length segment with round caps is a dot): hundreds of circle elements
 * redrawn four times a second cost a software-composited page its frame rate. Rendered inside a recharts chart.
 */
export function DotCloud({ sets, radius = 2, opacity = 0.35 }: { sets: readonly DotSet[]; radius?: number; opacity?: number }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale) return null;
  return (
    <g className="dot-cloud" aria-hidden="true">
      {sets.map((set) => {
        const d = set.points
          .flatMap((p) => {
            const px = xScale(p.x);
            const py = yScale(p.y);
            return px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py) ? [] : [`M${px.toFixed(1)} ${py.toFixed(1)}h0`];
          })
          .join('');
        return d ? <path key={set.id} d={d} stroke={set.colour} strokeOpacity={opacity} strokeWidth={2 * radius} strokeLinecap="round" fill="none" /> : null;
      })}
    </g>
  );
}
