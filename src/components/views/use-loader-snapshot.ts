import { useContext, useEffect, useState } from 'react';
import type { LoaderSnapshot } from '../../runtime/protocol';
import { useMetricsStore } from '../../store/metrics-store';
import { TrainingContext } from '../training-context';

/** While training, the loader's position is read this often (ms): as often as the cards update. */
export const LOADER_REFRESH_MS = 250;
/** While paused it is read this often too (ms): a shuffle change re-cuts an epoch that has not started yet. */
export const LOADER_PAUSED_REFRESH_MS = 1000;

/** Whether a read shows nothing new (paused, no change): keeping the old object spares the view a redraw. */
function sameSnapshot(a: LoaderSnapshot | null, b: LoaderSnapshot | null): boolean {
  if (!a || !b) return a === b;
  return a.runId === b.runId && JSON.stringify(a.loader) === JSON.stringify(b.loader) && a.recent.losses.length === b.recent.losses.length;
}

/**
 * A run's loader state from the training host: read when the view opens, after every step taken while paused
 * (Step +1), on a new experiment, and every LOADER_REFRESH_MS while training (LOADER_PAUSED_REFRESH_MS while paused).
 * Reads never overlap; stale ones are dropped.
 */
export function useLoaderSnapshot(runId: string | null): LoaderSnapshot | null {
  const training = useContext(TrainingContext);
  const playing = useMetricsStore((s) => s.playing);
  const generation = useMetricsStore((s) => s.generation);
  const step = useMetricsStore((s) => (runId ? (s.statuses[runId]?.step ?? null) : null));
  const [snapshot, setSnapshot] = useState<LoaderSnapshot | null>(null);
  // While playing the timer reads; while paused, each new step does.
  const pausedStep = playing ? null : step;

  useEffect(() => {
    if (!training || !runId) return;
    let cancelled = false;
    let inFlight = false;
    const read = () => {
      if (inFlight) return;
      inFlight = true;
      training.loaderState(runId).then(
        (next) => {
          inFlight = false;
          if (!cancelled) setSnapshot((previous) => (sameSnapshot(previous, next) ? previous : next));
        },
        () => {
          inFlight = false;
        },
      );
    };
    read();
    const timer = setInterval(read, playing ? LOADER_REFRESH_MS : LOADER_PAUSED_REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [training, runId, playing, generation, pausedStep]);

  return snapshot?.runId === runId ? snapshot : null;
}
