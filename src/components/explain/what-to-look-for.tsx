import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMetricsStore } from '../../store/metrics-store';
import { resolveBatchSize } from '../../experiment/config';
import { runLabels } from '../../store/run-settings';
import { useUiStore } from '../../store/ui-store';
import { useSettingsStore } from '../../store/settings-store';
import { measuredInsights } from './insights';

/** Two or three sentences about what the measurements show right now. */
export function WhatToLookFor() {
  const runs = useSettingsStore(useShallow((s) => s.runs));
  const n = useSettingsStore((s) => s.experiment.n);
  const statuses = useMetricsStore((s) => s.statuses);
  const comparison = useMetricsStore((s) => s.comparison);
  const trouble = useMetricsStore((s) => s.trouble);
  const axis = useUiStore((s) => s.xAxis);
  const noise = useMetricsStore((s) => s.noise);
  const health = useMetricsStore((s) => s.health);
  const sentences = useMemo(() => {
    const labels = runLabels(runs, n);
    const enabled = runs.filter((r) => r.enabled);
    const readings = enabled.map((r) => ({ id: r.id, batchSize: resolveBatchSize(r.batchSize, n), singleVsBatch: noise[r.id]?.singleVsBatch ?? null }));
    const enabledStatuses = enabled.map((r) => statuses[r.id]).filter((s) => s !== undefined);
    return measuredInsights({ labels, statuses: enabledStatuses, comparison, trouble, axis, noise: readings, n, health });
  }, [runs, n, statuses, comparison, trouble, axis, noise, health]);
  return (
    <section className="explain" aria-label="What to look for">
      <h2>What to look for</h2>
      {sentences.map((s) => (
        <p key={s.slice(0, 40)}>{s}</p>
      ))}
    </section>
  );
}
