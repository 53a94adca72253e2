import { useCallback, useMemo, useState } from 'react';
import { generateDataset } from '../../engine/datasets';
import { useSettingsStore } from '../../store/settings-store';
import { useMetricsStore } from '../../store/metrics-store';
import { Segmented, type SegmentedOption } from '../controls/segmented';
import { Explainer } from '../explain/explainer';
import { formatCount } from '../format';
import { AnalysedRunSelect, useAnalysedRun } from './analysis-run-picker';
import { BatchCompositionCharts } from './batch-composition';
import { DataView, type RingedExamples } from './data-view';
import { CLASS_COLOURS, CLASS_RGB } from './draw-data';
import { STRIP, type Rgb } from './draw-loader-strip';
import { LoaderExplorer } from './loader-explorer';
import { batchComposition, batchOf, compositionEpoch, ringSample, stripRows, type StripRow } from './loader-model';
import { LoaderStrip, type PickedBatch } from './loader-strip';
import { describeStrip, loaderReading, loaderWaitText, ordinal, pickedText } from './loader-text';
import { useLoaderSnapshot } from './use-loader-snapshot';

// `line` examples are coloured by x: light (left) to dark (right).
const LOW: Rgb = [222, 235, 247];
const HIGH: Rgb = [8, 81, 156];

/** Which part of the view is shown: the workspace's runs, or the 15-item example by hand. */
type LoaderMode = 'runs' | 'explorer';

const LOADER_MODES: readonly SegmentedOption<LoaderMode>[] = [
  { value: 'runs', label: 'Your runs' },
  { value: 'explorer', label: '15 items, batch 5' },
];

/** The DataLoader made visible: a run's serving order epoch by epoch, each batch's class mix and loss, and the 15-item example. */
export function DataLoaderView() {
  const [mode, setMode] = useState<LoaderMode>('runs');
  return (
    <div className="loader-view">
      <Segmented className="loader-mode" label="Loader view" name="loader-mode" options={LOADER_MODES} value={mode} onChange={(next) => setMode(next)} />
      {mode === 'runs' ? <RunLoader /> : <LoaderExplorer />}
      <Explainer summary="Why shuffle, and why every epoch" body="loader" />
    </div>
  );
}

function RunLoader() {
  const { run, labels } = useAnalysedRun();
  const { dataset: name, n, noise, testShare, seed } = useSettingsStore((s) => s.experiment);
  const dataset = useMemo(() => generateDataset({ name, n, noise, testShare, seed }), [name, n, noise, testShare, seed]);
  const snapshot = useLoaderSnapshot(run?.id ?? null);
  const backendReady = useMetricsStore((s) => s.backend !== null);
  // A snapshot from before a change of N belongs to other data.
  const state = snapshot && snapshot.loader.spec.n === dataset.train.count ? snapshot.loader : null;
  const classes = dataset.task === 'classification' ? dataset.outputDim : 0;
  const labelsY = dataset.train.y;

  const colourOf = useMemo(() => {
    if (classes > 0) return (example: number): Rgb => CLASS_RGB[labelsY[example]!] ?? CLASS_RGB[0];
    const xs = dataset.train.x;
    let low = Infinity;
    let high = -Infinity;
    for (const x of xs) {
      low = Math.min(low, x);
      high = Math.max(high, x);
    }
    const span = high - low || 1;
    return (example: number): Rgb => {
      const t = (xs[example]! - low) / span;
      return [LOW[0] + t * (HIGH[0] - LOW[0]), LOW[1] + t * (HIGH[1] - LOW[1]), LOW[2] + t * (HIGH[2] - LOW[2])];
    };
  }, [classes, labelsY, dataset]);

  // Rows are recomputed only when the epochs shown or their modes change, not at every step.
  const rowsKey = state ? `${state.epoch}|${state.spec.batchSize}|${state.spec.dropLast}|${state.spec.seed}|${state.spec.shuffle}|${JSON.stringify(state.spans)}` : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on what the rows depend on
  const baseRows = useMemo(() => (state ? stripRows(state) : []), [rowsKey]);
  const rows: StripRow[] = useMemo(() => baseRows.map((row, k) => (k === 0 && state ? { ...row, next: state.batchInEpoch } : row)), [baseRows, state]);

  const [hovered, setHovered] = useState<PickedBatch | null>(null);
  const [pinned, setPinned] = useState<{ epoch: number; batch: number } | null>(null);
  const firstEpoch = rows[0]?.epoch ?? 0;
  const pinnedRow = pinned && pinned.epoch - firstEpoch >= 0 && pinned.epoch - firstEpoch < rows.length ? { row: pinned.epoch - firstEpoch, batch: pinned.batch } : null;
  const picked = hovered ?? pinnedRow;
  const onPick = useCallback(
    (batch: PickedBatch | null, pin: boolean) => {
      if (pin) setPinned(batch ? { epoch: firstEpoch + batch.row, batch: batch.batch } : null);
      // The same batch under a moving pointer keeps its object: no redraw for every pixel moved.
      else setHovered((previous) => (previous && batch && previous.row === batch.row && previous.batch === batch.batch ? previous : batch));
    },
    [firstEpoch],
  );

  const shown = picked ?? (rows[0] && rows[0].next !== null ? { row: 0, batch: rows[0].next } : null);
  const dropLast = state?.spec.dropLast ?? false;
  // Kept while the same batch is shown, so the data view redraws its rings only when the batch changes.
  const shownRow = shown ? baseRows[shown.row] : undefined;
  const shownBatch = shown?.batch ?? -1;
  const shownIndices = useMemo(() => (shownRow ? batchOf(shownRow, shownBatch) : null), [shownRow, shownBatch]);
  const label = run ? labels[run.id]! : '';
  const ringColour = picked ? '#1d2733' : (run?.colour ?? '#1d2733');
  const ringLabel = picked && shown ? `batch ${ordinal(shown.batch)} of epoch ${ordinal(firstEpoch + shown.row)}` : 'batch it takes next';
  // A batch of the whole set rings nothing (every point is in it); a large one rings a sample.
  const ringed: RingedExamples | null = useMemo(() => {
    if (!shownIndices || shownIndices.length >= dataset.train.count) return null;
    const sample = ringSample(shownIndices);
    return { colour: ringColour, indices: sample, label: ringLabel, ...(sample.length < shownIndices.length ? { of: shownIndices.length } : {}) };
  }, [shownIndices, ringColour, ringLabel, dataset.train.count]);
  const composition = useMemo(() => (snapshot && state && classes > 0 ? batchComposition(state, snapshot.recent, labelsY, classes, compositionEpoch(state, snapshot.recent)) : null), [snapshot, state, classes, labelsY]);

  return (
    <>
      <div className="panel-head">
        <AnalysedRunSelect label="Loader of" />
        <p className="panel-note" aria-live="polite">
          {state ? loaderReading(rows[0]?.shuffle ?? state.spec.shuffle, rows[0]?.batches ?? 0) : loaderWaitText(backendReady, snapshot !== null, run ? labels[run.id]! : null)}
        </p>
      </div>
      {state && run ? (
        <>
          <LoaderStrip rows={baseRows} next={state.batchInEpoch} colourOf={colourOf} runColour={run.colour} description={describeStrip(rows, label, dropLast)} picked={picked} onPick={onPick} />
          <p className="legend-line">
            {classes > 0 ? (
              Array.from({ length: classes }, (_, c) => (
                <span key={c} className="legend-item">
                  <span className="dot" style={{ background: CLASS_COLOURS[c] }} /> class {c}
                </span>
              ))
            ) : (
              <span className="legend-item">colour: each example’s x, light (left) to dark (right)</span>
            )}
            <span className="legend-item">
              <span className="swatch-outline" style={{ borderColor: run.colour }} /> next batch
            </span>
            <span className="legend-item">
              {rows[0]?.batches === 1 ? 'one batch an epoch: the whole set' : `${formatCount(rows[0]?.batches ?? 0)} batches an epoch; ticks and white cuts mark them where a batch is ${STRIP.minBoundaryGap} px or wider`}
            </span>
            {rows[0]?.partial ? <span className="legend-item">▨ partial last batch ({rows[0].partial})</span> : null}
            {rows[0]?.dropped ? <span className="legend-item">▨ dropped: {rows[0].dropped} left out (drop last)</span> : null}
          </p>
          <p className="loader-reading" aria-live="polite">
            {pickedText(rows, shown, picked !== null, shownIndices, classes > 0 ? labelsY : null, classes)}
          </p>
          <div className="loader-panels">
            <div className="loader-composition">
              {composition ? (
                <BatchCompositionCharts composition={composition} classes={classes} runColour={run.colour} runLabel={label} />
              ) : (
                <p className="panel-note">On “line” the strip’s colours show each example’s x: with shuffle off, each batch covers one narrow stretch of the line.</p>
              )}
            </div>
            <DataView ringed={ringed} compact />
          </div>
        </>
      ) : null}
    </>
  );
}
