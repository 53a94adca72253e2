import { formatNumber } from '../format';
import { noiseReadout, type NoiseRun } from './noise-model';

function estimateText(estimate: number | 'settling' | 'none'): string {
  if (estimate === 'settling') return 'settling…';
  if (estimate === 'none') return '— (B = N)';
  return formatNumber(estimate);
}

/** Every run's latest noise figures (averaged like the lines), also the charts' table equivalent. */
export function NoiseTable({ runs }: { runs: readonly NoiseRun[] }) {
  return (
    <table className="noise-table">
      <caption className="sr-only">Latest gradient-noise figures per run</caption>
      <thead>
        <tr>
          <th scope="col">run</th>
          <th scope="col" className="formula-head">cos(g_B, G)</th>
          <th scope="col" className="formula-head">|g_B − G| / |G|</th>
          <th scope="col">expected</th>
          <th scope="col">B_simple</th>
          <th scope="col">2-batch estimate</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => {
          const r = noiseReadout(run);
          return (
            <tr key={run.id}>
              <th scope="row">
                <span className="swatch" style={{ background: run.colour }} aria-hidden="true" />
                {run.label}
              </th>
              <td>{formatNumber(r.cosine)}</td>
              <td>{formatNumber(r.error)}</td>
              <td>{formatNumber(r.expectedError)}</td>
              <td>{formatNumber(r.bSimple)}</td>
              <td>{run.series.latest ? estimateText(r.estimate) : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
