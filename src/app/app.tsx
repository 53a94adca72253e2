import { AxisSwitch } from '../components/charts/axis-switch';
import { LossChart } from '../components/charts/loss-chart';
import { ControlsPanel } from '../components/controls/controls-panel';
import { WhatToLookFor } from '../components/explain/what-to-look-for';
import { NoticeList } from '../components/layout/notice-list';
import { TopBar } from '../components/layout/top-bar';
import { ViewBoundary } from '../components/layout/view-boundary';
import { AddRunForm } from '../components/runs/add-run-form';
import { RunList } from '../components/runs/run-list';
import { TrainingContext } from '../components/training-context';
import { WorkspaceViews } from '../components/views/workspace-views';
import type { TrainingControls } from '../runtime/training-bridge';

/** The comparison workspace: controls, the loss chart, the data view and one card per run. */
export function App({ training }: { training: TrainingControls }) {
  return (
    <TrainingContext.Provider value={training}>
      <div className="app">
        <TopBar />
        <NoticeList />
        <div className="workspace">
          <ControlsPanel />
          <main className="main-column">
            <section className="panel chart-panel" aria-label="Loss">
              <div className="panel-head">
                <h2>Loss</h2>
                <AxisSwitch />
              </div>
              <ViewBoundary name="loss chart">
                <LossChart />
              </ViewBoundary>
              <p className="legend-line">
                <span className="legend-item">━ full training loss</span>
                <span className="legend-item">╌ test loss</span>
                <span className="legend-item">▬ faint: loss on the batches it trains on (smoothed)</span>
              </p>
            </section>
            <WorkspaceViews />
          </main>
          <div className="side-column">
            <RunList />
            <WhatToLookFor />
            <AddRunForm />
          </div>
        </div>
      </div>
    </TrainingContext.Provider>
  );
}
