import { createContext, useContext } from 'react';
import type { TrainingControls } from '../runtime/training-bridge';

/** The training controls (play, step, …), provided by the app; tests provide fakes. */
export const TrainingContext = createContext<TrainingControls | null>(null);

export function useTraining(): TrainingControls {
  const controls = useContext(TrainingContext);
  if (!controls) throw new Error('useTraining needs a TrainingContext provider');
  return controls;
}
