import type { EvalPoint, RunStatus } from '../../src/runtime/protocol';
import { useMetricsStore } from '../../src/store/metrics-store';
import { initialSettings, useSettingsStore } from '../../src/store/settings-store';
import { useUiStore } from '../../src/store/ui-store';
import type { TrainingControls } from '../../src/runtime/training-bridge';
import { vi } from 'vitest';

export function status(overrides: Partial<RunStatus> = {}): RunStatus {
  return {
    id: 'mini',
    state: 'running',
    batchSize: 32,
    lr: 0.1,
    step: 1204,
    epoch: 75.25,
    examplesSeen: 38528,
    computeSeconds: 2.5,
    stepsPerSecond: 481.6,
    examplesPerSecond: 15411.2,
    msPerStep: 2.0764,
    timingSource: 'live',
    divergedAtStep: null,
    readbacks: 20,
    noiseShare: 0.08,
    ...overrides,
  };
}

export function evalPoint(overrides: Partial<EvalPoint> = {}): EvalPoint {
  return { step: 1204, epoch: 75.25, examples: 38528, seconds: 2.5, trainLoss: 0.312345, testLoss: 0.4012, accuracy: 0.8671875, ...overrides };
}

/** Puts every store back to its initial state. */
export function resetStores(): void {
  useSettingsStore.setState(initialSettings());
  useMetricsStore.setState({ generation: -1, playing: false, starting: false, backend: null, statuses: {}, series: {}, noise: {}, throughput: {}, paths: {}, latest: {}, health: {}, trouble: {}, comparison: null, repeats: {}, view: null, batch: null, pinned: [] });
  useUiStore.setState({ xAxis: 'steps', logY: true, xDomain: null, notices: [], view: 'noise', noiseMetric: 'error', cloudBatchSize: null, cloudZoomed: false });
}

export function fakeTraining(): TrainingControls {
  return {
    play: vi.fn(),
    pause: vi.fn(),
    step: vi.fn(),
    reset: vi.fn(),
    resetRun: vi.fn(),
    pin: vi.fn(),
    clearPins: vi.fn(),
    exportHistory: vi.fn(() => ({})),
    loseContextForTest: vi.fn(async () => false),
    loaderState: vi.fn(async () => null),
    tensorCount: vi.fn(async () => 0),
    analyseGradients: vi.fn(async () => null),
    dispose: vi.fn(),
  };
}
