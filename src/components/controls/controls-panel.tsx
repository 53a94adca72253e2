import { BatchSizeControl } from './batch-size-control';
import { DataControls } from './data-controls';
import { LrControl } from './lr-control';
import { ModelControls } from './model-controls';
import { RunOptions } from './run-options';
import { ShuffleControl } from './shuffle-control';

/** The left column: what to train and how. Reads only the settings store, so metric updates never re-render it. */
export function ControlsPanel() {
  return (
    // Focusable as the target of the header's "Settings ↓" link, so the keyboard lands here too.
    <aside className="controls-panel" id="experiment-settings" aria-label="Experiment settings" tabIndex={-1}>
      <a className="jump-to-top" href="#top-bar">
        ↑ Back to Play and the chart
      </a>
      <section>
        <h2>Training</h2>
        <BatchSizeControl />
        <LrControl />
        <ShuffleControl />
      </section>
      <section>
        <h2>Data</h2>
        <DataControls />
      </section>
      <section>
        <h2>Model &amp; device</h2>
        <ModelControls />
        <RunOptions />
      </section>
    </aside>
  );
}
