import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { GradientAnalysis } from '../../runtime/protocol';
import { useMetricsStore } from '../../store/metrics-store';
import { TrainingContext } from '../training-context';

/** While training, the analysis is taken again this often (ms). */
export const ANALYSIS_REFRESH_MS = 3000;

/**
 * A run's gradient analysis from the training host: taken when the view opens, when the run or the cloud's batch size
 * changes, on `refresh()`, and every ANALYSIS_REFRESH_MS while training. Requests never overlap; the last one wins.
 */
export function useGradientAnalysis(runId: string | null, cloudBatchSize: number) {
  const training = useContext(TrainingContext);
  const playing = useMetricsStore((s) => s.playing);
  const generation = useMetricsStore((s) => s.generation);
  const [analysis, setAnalysis] = useState<GradientAnalysis | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const inFlight = useRef(false);

  const refresh = useCallback(() => {
    if (!training || !runId) return;
    const ticket = ++latest.current;
    inFlight.current = true;
    setBusy(true);
    const settle = (apply: () => void) => {
      if (ticket !== latest.current) return;
      inFlight.current = false;
      apply();
      setBusy(false);
    };
    training.analyseGradients(runId, cloudBatchSize).then(
      (result) =>
        settle(() => {
          setAnalysis(result);
          setError(null);
        }),
      (reason: unknown) => settle(() => setError(reason instanceof Error ? reason.message : String(reason))),
    );
  }, [training, runId, cloudBatchSize]);

  // Once on opening, on a new experiment and on pausing (the parameters it stopped at); then every few seconds while training.
  useEffect(() => {
    refresh();
    if (!playing) return;
    const timer = setInterval(() => {
      if (!inFlight.current) refresh();
    }, ANALYSIS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh, generation, playing]);

  return { analysis: analysis?.runId === runId ? analysis : null, busy, error, refresh };
}
