import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

/** Selects tfjs's CPU backend (Node has no WebGL); same numbers as the app's CPU backend. */
export async function useCpuBackend(): Promise<void> {
  // Silences tfjs's "install tfjs-node" banner: the CLI's stdout and stderr are for records and errors only.
  tf.env().set('IS_TEST', true);
  tf.env().set('PROD', true);
  if (!(await tf.setBackend('cpu'))) throw new Error('the tfjs CPU backend could not be initialised');
  await tf.ready();
}
