import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMetricsStore } from '../../store/metrics-store';
import { runLabel } from '../../store/run-settings';
import { useSettingsStore } from '../../store/settings-store';
import { measuredInsights } from './insights';

/** Two or three sentences about what the measurements show right now. */
export function WhatToLookFor() {
  const runs = useSettingsStore(useShallow((s) => s.runs));
  const n = useSettingsStore((s) => s.experiment.n);
  const statuses = useMetricsStore((s) => s.statuses);
  const comparison = useMetricsStore((s) => s.comparison);
  const sentences = useMemo(() => {
    const labels = Object.fromEntries(runs.map((r) => [r.id, runLabel(r.batchSize, n)]));
    const enabled = runs.filter((r) => r.enabled).map((r) => statuses[r.id]).filter((s) => s !== undefined);
    return measuredInsights({ labels, statuses: enabled, comparison });
  }, [runs, n, statuses, comparison]);
  return (
    <section className="explain" aria-label="What to look for">
      <h2>What to look for</h2>
      {sentences.map((s) => (
        <p key={s.slice(0, 40)}>{s}</p>
      ))}
    </section>
  );
}
