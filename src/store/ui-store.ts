import { create } from 'zustand';

/** What the loss chart's x-axis counts. */
export type XAxis = 'steps' | 'epochs' | 'examples' | 'seconds';

/** A dismissible message to the user; `tone` picks its styling. */
export interface Notice {
  id: string;
  text: string;
  tone: 'info' | 'warning' | 'error';
}

interface UiState {
  xAxis: XAxis;
  logY: boolean;
  notices: Notice[];
  setXAxis(xAxis: XAxis): void;
  setLogY(logY: boolean): void;
  /** Shows a notice; a notice with the same id replaces the old one. */
  notify(notice: Notice): void;
  dismiss(id: string): void;
}

/** View preferences and notices: nothing here changes what trains. */
export const useUiStore = create<UiState>()((set) => ({
  xAxis: 'steps',
  logY: true,
  notices: [],
  setXAxis: (xAxis) => set({ xAxis }),
  setLogY: (logY) => set({ logY }),
  notify: (notice) => set((s) => ({ notices: [...s.notices.filter((n) => n.id !== notice.id), notice] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
