import type { ReactNode } from 'react';
import { useUiStore, type WorkspaceView } from '../../store/ui-store';
import { ViewBoundary } from '../layout/view-boundary';
import { ViewTabs, type ViewTab } from '../layout/view-tabs';
import { CloudView } from './cloud-view';
import { DataLoaderView } from './data-loader-view';
import { DataView } from './data-view';
import { LandscapeView } from './landscape-view';
import { NoiseView } from './noise-view';
import { ThroughputView } from './throughput-view';
import { VarianceView } from './variance-view';

const TABS: readonly (ViewTab<WorkspaceView> & { name: string; render(): ReactNode })[] = [
  { key: 'noise', label: 'Gradient noise', name: 'gradient-noise view', render: () => <NoiseView /> },
  { key: 'variance', label: 'Variance', name: 'variance view', render: () => <VarianceView /> },
  { key: 'cloud', label: 'Cloud', name: 'gradient cloud', render: () => <CloudView /> },
  { key: 'landscape', label: 'Landscape', name: 'loss landscape', render: () => <LandscapeView /> },
  { key: 'throughput', label: 'Throughput', name: 'throughput view', render: () => <ThroughputView /> },
  { key: 'data', label: 'Data', name: 'data view', render: () => <DataView /> },
  { key: 'loader', label: 'DataLoader', name: 'DataLoader view', render: () => <DataLoaderView /> },
];

/** The views under the loss chart, one at a time behind tabs; gradient noise first. */
export function WorkspaceViews() {
  const view = useUiStore((s) => s.view);
  const setView = useUiStore((s) => s.setView);
  const tab = TABS.find((t) => t.key === view) ?? TABS[0]!;
  return (
    <ViewTabs tabs={TABS} selected={tab.key} onSelect={setView} label="Views">
      <ViewBoundary key={tab.key} name={tab.name}>
        {tab.render()}
      </ViewBoundary>
    </ViewTabs>
  );
}
