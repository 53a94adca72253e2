import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMetricsStore } from '../../store/metrics-store';
import { useSettingsStore } from '../../store/settings-store';
import { useUiStore } from '../../store/ui-store';
import { sharedXDomain } from './chart-domain';
import { chartRuns } from './series-lookup';

/**
 * "Fit to shared range" zooms the loss chart to [0, the furthest x every run has reached], so B = 1 is not a sliver
 * at 0 on the epochs axis; "Show all" (only while zoomed) goes back to the whole range.
 */
export function ZoomButtons() {
  const runs = useSettingsStore(useShallow((s) => s.runs));
  const n = useSettingsStore((s) => s.experiment.n);
  const canFit = useMetricsStore((s) => sharedXDomain(chartRuns(runs, s.series, n)) !== null);
  const zoomed = useUiStore((s) => s.xDomain !== null);
  const setXDomain = useUiStore((s) => s.setXDomain);
  const fitButton = useRef<HTMLButtonElement>(null);

  const fit = () => {
    const shared = sharedXDomain(chartRuns(runs, useMetricsStore.getState().series, n));
    if (shared) setXDomain(shared);
  };
  const showAll = () => {
    setXDomain(null);
    // "Show all" disappears once pressed: keep keyboard focus in the toolbar rather than losing it to the page.
    fitButton.current?.focus();
  };
  return (
    <div className="zoom-buttons" role="group" aria-label="Loss chart zoom">
      <button ref={fitButton} type="button" disabled={!canFit} onClick={fit} title="Zoom to the stretch every run has reached (or drag across the chart)">
        Fit to shared range
      </button>
      {zoomed ? (
        <button type="button" onClick={showAll} title="Show every run’s whole range (or double-click the chart)">
          Show all
        </button>
      ) : null}
    </div>
  );
}
