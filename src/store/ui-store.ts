import { create } from 'zustand';

/** What the loss chart's x-axis counts. */
export type XAxis = 'steps' | 'epochs' | 'examples' | 'seconds';

/** A dismissible message to the user; `tone` picks its styling. */
export interface Notice {
  id: string;
  text: string;
  tone: 'info' | 'warning' | 'error';
}

/** A closed x-range [from, to] in the units of the current x-axis, from < to. */
export type XDomain = [number, number];

/** The views under the loss chart, one shown at a time. */
export type WorkspaceView = 'noise' | 'variance' | 'cloud' | 'landscape' | 'throughput' | 'data' | 'loader';

/** The throughput view's part: the runs' live speeds, or the batch-size sweep. */
export type ThroughputMode = 'runs' | 'sweep';

/** What the batch-gradient chart of the noise view plots. */
export type NoiseMetric = 'error' | 'cosine';

interface UiState {
  xAxis: XAxis;
  logY: boolean;
  /** The loss chart's zoom on the x-axis; null shows every run's whole range. */
  xDomain: XDomain | null;
  notices: Notice[];
  view: WorkspaceView;
  noiseMetric: NoiseMetric;
  throughputMode: ThroughputMode;
  /** The run whose gradients the variance and cloud views take apart (null: the mini-batch run). */
  analysisRunId: string | null;
  /** The cloud's batch size (null: the analysed run's own B). */
  cloudBatchSize: number | null;
  /** The cloud's axes fitted to the cloud itself, instead of to a single example's spread (which shows it shrink). */
  cloudZoomed: boolean;
  setCloudZoomed(zoomed: boolean): void;
  setView(view: WorkspaceView): void;
  setAnalysisRun(id: string): void;
  setCloudBatchSize(size: number | null): void;
  setNoiseMetric(metric: NoiseMetric): void;
  setThroughputMode(mode: ThroughputMode): void;
  /** Also drops the zoom: a range in epochs means nothing on the steps axis. */
  setXAxis(xAxis: XAxis): void;
  setLogY(logY: boolean): void;
  /** Zooms the loss chart to [from, to] (either order; an empty range is ignored); null shows the whole range. */
  setXDomain(xDomain: XDomain | null): void;
  /** Shows a notice; a notice with the same id replaces the old one. */
  notify(notice: Notice): void;
  dismiss(id: string): void;
}

/** View preferences and notices: nothing here changes what trains. */
export const useUiStore = create<UiState>()((set) => ({
  xAxis: 'steps',
  logY: true,
  xDomain: null,
  notices: [],
  view: 'noise',
  noiseMetric: 'error',
  throughputMode: 'runs',
  analysisRunId: null,
  cloudBatchSize: null,
  cloudZoomed: false,
  setCloudZoomed: (cloudZoomed) => set({ cloudZoomed }),
  setView: (view) => set({ view }),
  setAnalysisRun: (analysisRunId) => set({ analysisRunId, cloudBatchSize: null }),
  setCloudBatchSize: (cloudBatchSize) => set({ cloudBatchSize }),
  setNoiseMetric: (noiseMetric) => set({ noiseMetric }),
  setThroughputMode: (throughputMode) => set({ throughputMode }),
  setXAxis: (xAxis) => set((s) => (s.xAxis === xAxis ? {} : { xAxis, xDomain: null })),
  setLogY: (logY) => set({ logY }),
  setXDomain: (xDomain) => {
    if (xDomain === null) return set({ xDomain: null });
    const [from, to] = xDomain[0] <= xDomain[1] ? xDomain : [xDomain[1], xDomain[0]];
    if (Number.isFinite(from) && Number.isFinite(to) && to > from) set({ xDomain: [from, to] });
  },
  notify: (notice) => set((s) => ({ notices: [...s.notices.filter((n) => n.id !== notice.id), notice] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
