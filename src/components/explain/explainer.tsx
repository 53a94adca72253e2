import { lazy, Suspense, useState, type ComponentType } from 'react';

// The bodies bring temml (≈ 50 kB gzip) for their formulas: loaded when an explanation is first opened, not with the page.
const bodies = {
  noise: lazy(() => import('./explainer-bodies').then((m) => ({ default: m.NoiseExplainerBody as ComponentType }))),
  variance: lazy(() => import('./explainer-bodies').then((m) => ({ default: m.VarianceExplainerBody as ComponentType }))),
  cloud: lazy(() => import('./explainer-bodies').then((m) => ({ default: m.CloudExplainerBody as ComponentType }))),
  landscape: lazy(() => import('./explainer-bodies').then((m) => ({ default: m.LandscapeExplainerBody as ComponentType }))),
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
