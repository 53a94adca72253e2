import { useUiStore, type WorkspaceView } from '../../store/ui-store';
import { ViewBoundary } from '../layout/view-boundary';
import { ViewTabs, type ViewTab } from '../layout/view-tabs';
import { DataView } from './data-view';
import { NoiseView } from './noise-view';

const TABS: readonly ViewTab<WorkspaceView>[] = [
  { key: 'noise', label: 'Gradient noise' },
  { key: 'data', label: 'Data' },
];

/** The views under the loss chart, one at a time behind tabs; gradient noise first. */
export function WorkspaceViews() {
  const view = useUiStore((s) => s.view);
  const setView = useUiStore((s) => s.setView);
  return (
    <ViewTabs tabs={TABS} selected={view} onSelect={setView} label="Views">
      {view === 'noise' ? (
        <ViewBoundary name="gradient-noise view">
          <NoiseView />
        </ViewBoundary>
      ) : (
        <ViewBoundary name="data view">
          <DataView />
        </ViewBoundary>
      )}
    </ViewTabs>
  );
}
