import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startTrainingBridge, type TrainingControls } from '../runtime/training-bridge';
import { backendFromQuery, queryWithBackend } from '../runtime/url-backend';
import { useSettingsStore } from '../store/settings-store';
import { useSweepStore } from '../store/sweep-store';
import { useUiStore } from '../store/ui-store';
import { App } from './app';
import './styles.css';

const { backend, notice } = backendFromQuery(window.location.search);
useSettingsStore.getState().setBackend(backend);
if (notice) useUiStore.getState().notify({ id: 'url-backend', text: notice, tone: 'warning' });
// The address follows a backend picked in the app, so a reload keeps it (replaced, not pushed: Back leaves the page).
useSettingsStore.subscribe((state, previous) => {
  if (state.backend === previous.backend) return;
  const { pathname, search, hash } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${queryWithBackend(search, state.backend)}${hash}`);
});

const training = startTrainingBridge();
// A handle for the end-to-end tests (forcing a WebGL context loss, counting tensors); it changes no behaviour.
(window as unknown as { batchscope?: TrainingControls }).batchscope = training;
// The batch-size sweep's results, read by the e2e tests and `npm run bench:throughput`; read-only.
(window as unknown as { batchscopeSweep?: { state: () => ReturnType<typeof useSweepStore.getState> } }).batchscopeSweep = { state: () => useSweepStore.getState() };

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App training={training} />
    </StrictMode>,
  );
}
