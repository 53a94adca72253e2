import * as Comlink from 'comlink';
import { createSweepHost } from './sweep-host';

/** A Web Worker that times one backend's batch-size sweep; the page starts one per backend and ends it after. */
Comlink.expose(createSweepHost());
