import { describe, expect, it } from 'vitest';
import { brokenAt } from '../../../src/components/views/noise-model';

const line = { id: 'mini-measured', name: 'B = 32 measured', colour: '#0072b2', points: [0, 1, 2, 50, 51, 90].map((x) => ({ x, y: x + 1 })) };

describe('the noise charts’ lines', () => {
  it('break where a run’s measuring was off: one line per stretch, none joining across the gap', () => {
    const pieces = brokenAt(line, [50, 90]);
    expect(pieces.map((p) => p.id)).toEqual(['mini-measured', 'mini-measured-1', 'mini-measured-2']);
    expect(pieces.map((p) => p.points.map((q) => q.x))).toEqual([[0, 1, 2], [50, 51], [90]]);
    expect(pieces.every((p) => p.colour === line.colour && p.name === line.name)).toBe(true);
  });

  it('stay whole without a gap, and drop a stretch with nothing on this line', () => {
    expect(brokenAt(line, [])).toEqual([line]);
    expect(brokenAt({ ...line, points: line.points.slice(0, 3) }, [50]).map((p) => p.id)).toEqual(['mini-measured']);
  });
});
