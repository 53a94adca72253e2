import { create } from 'zustand';
import type { SweepWidth } from '../experiment/sweep-setup';
import { SWEEP_MAX_BATCH } from '../engine/throughput';
import type { BackendOffer } from '../runtime/backend-offers';
import type { BackendName, BackendSweep } from '../runtime/protocol';

/** What the next sweep measures; the memory budget only changes the shading. */
export interface SweepOptions {
  backends: BackendName[];
  width: SweepWidth;
  largest: number;
  /** The device memory budget the chart shades against (bytes). */
  budgetBytes: number;
}

/** One finished (or cancelled) sweep: its model and dataset size, and each backend's measurements. */
export interface SweepResult {
  id: string;
  /** e.g. "hidden 16×2, moons, N = 65,536". */
  title: string;
  hidden: number[];
  n: number;
  backends: BackendSweep[];
  cancelled: boolean;
}

/** Where a running sweep is: which backend (of how many) and how many of its sizes are done. */
export interface SweepProgressState {
  backend: BackendName;
  backendIndex: number;
  backendCount: number;
  done: number;
  total: number;
}

interface SweepState {
  options: SweepOptions;
  offers: BackendOffer[] | null;
  running: boolean;
  progress: SweepProgressState | null;
  /** The sweep being measured, or the last one. */
  current: SweepResult | null;
  /** Sweeps kept for comparison, drawn under the current one. */
  kept: SweepResult[];
  /** Ends the running sweep (set while one runs). */
  cancel: (() => void) | null;
  setOptions(changes: Partial<SweepOptions>): void;
  setOffers(offers: BackendOffer[]): void;
  /** Keeps the current sweep for comparison (at most MAX_KEPT, oldest dropped). */
  keepCurrent(): void;
  clearKept(): void;
}

export const MAX_KEPT = 3;

/** 1 GiB: a modest GPU's share for one tab; the user moves it. */
export const DEFAULT_BUDGET_BYTES = 2 ** 30;

/** The batch-size sweep: its options, its progress and its results (plain numbers; nothing here trains). */
export const useSweepStore = create<SweepState>()((set) => ({
  options: { backends: ['cpu', 'webgl'], width: 'model', largest: SWEEP_MAX_BATCH, budgetBytes: DEFAULT_BUDGET_BYTES },
  offers: null,
  running: false,
  progress: null,
  current: null,
  kept: [],
  cancel: null,
  setOptions: (changes) => set((s) => ({ options: { ...s.options, ...changes } })),
  setOffers: (offers) => set({ offers }),
  keepCurrent: () =>
    set((s) => (s.current && !s.running && !s.kept.some((k) => k.id === s.current!.id) ? { kept: [...s.kept, s.current].slice(-MAX_KEPT) } : {})),
  clearKept: () => set({ kept: [] }),
}));
