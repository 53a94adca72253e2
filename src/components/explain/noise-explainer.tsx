import { lazy, Suspense, useState } from 'react';

// The formulas bring temml (≈ 50 kB gzip): loaded when the explanation is first opened, not with the page.
const NoiseExplainerBody = lazy(() => import('./noise-explainer-body'));

/** "What these charts show", collapsed until asked for. */
export function NoiseExplainer() {
  const [opened, setOpened] = useState(false);
  return (
    <details className="explainer" onToggle={(e) => setOpened((was) => was || e.currentTarget.open)}>
      <summary>What these charts show</summary>
      {opened ? (
        <Suspense fallback={<p>Loading…</p>}>
          <NoiseExplainerBody />
        </Suspense>
      ) : null}
    </details>
  );
}
