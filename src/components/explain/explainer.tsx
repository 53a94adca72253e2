import { lazy, Suspense, useState } from 'react';

// The bodies bring temml (≈ 50 kB gzip) for their formulas: loaded when an explanation is first opened, not with the page.
const bodies = {
  noise: lazy(() => import('./explainer-bodies').then((m) => ({ default: m.NoiseExplainerBody }))),
  variance: lazy(() => import('./explainer-bodies').then((m) => ({ default: m.VarianceExplainerBody }))),
  cloud: lazy(() => import('./explainer-bodies').then((m) => ({ default: m.CloudExplainerBody }))),
  landscape: lazy(() => import('./explainer-bodies').then((m) => ({ default: m.LandscapeExplainerBody }))),
  loader: lazy(() => import('./explainer-bodies').then((m) => ({ default: m.LoaderExplainerBody }))),
  throughput: lazy(() => import('./explainer-bodies').then((m) => ({ default: m.ThroughputExplainerBody }))),
  sweep: lazy(() => import('./explainer-bodies').then((m) => ({ default: m.SweepExplainerBody }))),
};

/** A view's "what this shows", collapsed until asked for. */
export function Explainer({ summary, body }: { summary: string; body: keyof typeof bodies }) {
  const [opened, setOpened] = useState(false);
  const Body = bodies[body];
  return (
    <details className="explainer" onToggle={(e) => setOpened((was) => was || e.currentTarget.open)}>
      <summary>{summary}</summary>
      {opened ? (
        <Suspense fallback={<p>Loading…</p>}>
          <Body />
        </Suspense>
      ) : null}
    </details>
  );
}
