import * as Comlink from 'comlink';
import type { HostMessage } from '../runtime/protocol';
import { loseContextForTest } from './backend';
import { createTrainingHost } from './training-host';

/** The Web Worker entry: the training host, exposed to the page through Comlink. */
const host = createTrainingHost(true);

Comlink.expose({
  ...host,
  start: (preference: Parameters<typeof host.start>[0], listener: (message: HostMessage) => void) => host.start(preference, listener),
  loseContextForTest,
});
