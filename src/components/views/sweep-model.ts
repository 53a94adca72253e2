import { fitMemory, largestFittingBatch, regimeSpans, type MemoryFit, type Regime, type SweepPoint } from '../../engine/throughput';
import { BACKEND_NAMES } from '../../runtime/backend-offers';
import type { BackendName, BackendSweep } from '../../runtime/protocol';
import type { SweepResult } from '../../store/sweep-store';
import type { PlotBand, PlotLine, PlotMark } from '../charts/metric-plot';
import type { NoiseChartModel } from './noise-model';
import { logScale, type AxisScale } from '../charts/nice-ticks';
import { formatCount } from '../format';

/** Each backend's colour in the sweep charts. */
export const BACKEND_COLOURS: Record<BackendName, string> = { cpu: '#6b4c9a', wasm: '#CC79A7', webgl: '#0072B2', webgpu: '#009E73' };

/** The shading of each regime (the legend names them; the in-between stretch is left clear). */
export const REGIME_FILLS: Record<Regime, string | null> = { 'overhead-bound': '#fbe3c4', transition: null, saturated: '#d3e6f5' };
const MIB = 2 ** 20;

/** A batch size the workspace's runs use, marked on the sweep's charts. */
export interface RunMark {
  id: string;
  batchSize: number;
}

/** A sweep chart: log–log, with the runs' B marked and (some) bands shaded. */
export type SweepChartModel = NoiseChartModel & { marks: PlotMark[]; bands: PlotBand[] };

/** Backends of a sweep that measured something. */
export function measured(result: SweepResult | null): BackendSweep[] {
  return result ? result.backends.filter((b) => b.points.length > 0) : [];
}

/** The backend whose regimes are shaded: the one asked for if it measured ≥ 2 sizes, else the first GPU one, else any. */
export function regimeBackendOf(result: SweepResult | null, wanted: BackendName | null): BackendSweep | null {
  const usable = measured(result).filter((b) => b.points.length >= 2);
  return usable.find((b) => b.backend === wanted) ?? usable.find((b) => b.backend === 'webgl' || b.backend === 'webgpu') ?? usable[0] ?? null;
}

function xScaleOf(results: readonly SweepResult[]): AxisScale {
  const top = Math.max(2, ...results.flatMap((r) => measured(r).flatMap((b) => b.points.map((p) => p.batchSize))));
  return logScale(1, top);
}

function lineOf(result: SweepResult, backend: BackendSweep, kept: boolean, value: (p: SweepPoint) => number | null): PlotLine {
  const points = backend.points.flatMap((p) => {
    const y = value(p);
    return y !== null && Number.isFinite(y) && y > 0 ? [{ x: p.batchSize, y }] : [];
  });
  return {
    id: `${result.id}-${backend.backend}`,
    name: kept ? `${backend.label} (kept: ${result.title})` : backend.label,
    colour: BACKEND_COLOURS[backend.backend],
    points,
    dashed: kept,
    width: kept ? 1.5 : 2.5,
  };
}

function chartOf(current: SweepResult | null, kept: readonly SweepResult[], runs: readonly RunMark[], yTitle: string, value: (p: SweepPoint) => number | null): SweepChartModel {
  // A kept sweep that is still the current one is drawn once, solid.
  const all = [...kept.filter((k) => k.id !== current?.id), ...(current ? [current] : [])];
  const lines = all.flatMap((result) => measured(result).map((backend) => lineOf(result, backend, result !== current, value)));
  const values = lines.flatMap((l) => l.points.map((p) => p.y));
  const x = xScaleOf(all);
  const currentLines = current ? lines.filter((l) => l.id.startsWith(`${current.id}-`)) : [];
  return {
    x,
    y: values.length > 0 ? logScale(Math.min(...values), Math.max(...values)) : logScale(0.1, 1),
    logX: true,
    logY: true,
    yTitle,
    lines,
    dots: currentLines.map((l) => ({ id: l.id, colour: l.colour, points: l.points })),
    // Just the number: three runs' full names collide on a narrow log axis (the legend says what the lines are).
    marks: runs.filter((r) => r.batchSize >= x.domain[0] && r.batchSize <= x.domain[1]).map((r) => ({ id: r.id, x: r.batchSize, colour: '#8a96a3', label: formatCount(r.batchSize) })),
    bands: [],
    levels: [],
    hasData: values.length > 0,
  };
}

/** Regime bands of one backend's measured curve (none for the in-between stretch). */
export function regimeBands(backend: BackendSweep | null): PlotBand[] {
  if (!backend) return [];
  return regimeSpans(backend.points).flatMap((span, i) => {
    const fill = REGIME_FILLS[span.regime];
    return fill && span.to > span.from ? [{ id: `regime-${i}`, from: span.from, to: span.to, fill, label: '' }] : [];
  });
}

/** ms per step against B, log–log, one line per backend, the runs' B marked, the regimes of one backend shaded. */
export function stepTimeChart(current: SweepResult | null, kept: readonly SweepResult[], runs: readonly RunMark[], regimeBackend: BackendSweep | null): SweepChartModel {
  return { ...chartOf(current, kept, runs, 'ms per step', (p) => p.msPerStep), bands: regimeBands(regimeBackend) };
}

/** Examples per second against B, log–log, as stepTimeChart. */
export function examplesRateChart(current: SweepResult | null, kept: readonly SweepResult[], runs: readonly RunMark[], regimeBackend: BackendSweep | null): SweepChartModel {
  return { ...chartOf(current, kept, runs, 'examples per second', (p) => p.examplesPerSecond), bands: regimeBands(regimeBackend) };
}

/** The memory fit of one backend's measurements, and the largest B it says fits the budget. */
export interface MemoryReading {
  backend: BackendSweep;
  fit: MemoryFit;
  largestFitting: number;
  /** Whether the peak grew enough over the sizes timed to say what an example adds (a cancelled sweep may not). */
  measurable: boolean;
  /** The smallest and largest B timed. */
  range: [number, number];
}

// Below this growth over the sizes timed (as a share of the fixed bytes), the slope is rounding, not a measurement.
const MEASURABLE_GROWTH = 0.1;

export function memoryReading(backend: BackendSweep | null, budgetBytes: number): MemoryReading | null {
  const fit = backend ? fitMemory(backend.points) : null;
  if (!backend || !fit) return null;
  const sizes = backend.points.filter((p) => p.peakBytes !== null).map((p) => p.batchSize);
  const range: [number, number] = [Math.min(...sizes), Math.max(...sizes)];
  const measurable = fit.bytesPerExample * (range[1] - range[0]) >= MEASURABLE_GROWTH * Math.max(fit.fixedBytes, 1);
  return { backend, fit, largestFitting: largestFittingBatch(fit, budgetBytes), measurable, range };
}

/**
 * Peak MiB per step against B, one line per backend, the fitted line of one backend dashed, the budget as a level and
 * the sizes the fit says would not fit shaded.
 */
export function memoryChart(current: SweepResult | null, kept: readonly SweepResult[], runs: readonly RunMark[], reading: MemoryReading | null, budgetBytes: number): SweepChartModel {
  const chart = chartOf(current, kept, runs, 'peak MiB during a step', (p) => (p.peakBytes === null ? null : p.peakBytes / MIB));
  if (!reading?.measurable || !chart.hasData) return chart;
  const [from, to] = chart.x.domain;
  const fitted = (b: number) => (reading.fit.fixedBytes + reading.fit.bytesPerExample * b) / MIB;
  const fitLine: PlotLine = {
    id: 'memory-fit',
    name: `straight-line fit (${BACKEND_NAMES[reading.backend.backend]})`,
    colour: '#3a4450',
    points: [from, Math.sqrt(from * to), to].map((b) => ({ x: b, y: fitted(b) })).filter((p) => p.y > 0),
    dashed: true,
    width: 1.2,
  };
  const budget = budgetBytes / MIB;
  const values = [...chart.lines.flatMap((l) => l.points.map((p) => p.y)), budget, ...fitLine.points.map((p) => p.y)].filter((v) => v > 0);
  const cut = reading.largestFitting;
  const bands: PlotBand[] = cut < to ? [{ id: 'over-budget', from: Math.max(from, cut), to, fill: '#e4e4e4', label: 'over the budget (model)' }] : [];
  return {
    ...chart,
    // Headroom above the budget line keeps its label clear of the runs' labels along the top.
    y: logScale(Math.min(...values), 4 * Math.max(...values)),
    lines: [...chart.lines, fitLine],
    bands,
    levels: [{ id: 'budget', y: budget, colour: '#b00020', label: 'memory budget' }],
  };
}
