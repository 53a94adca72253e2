import type { Speed } from '../runtime/protocol';
import type { RunSlot } from './run-slot';

/** One beat of slow motion: a step of every run, then this pause (ms). */
export const SLOW_BEAT_MS = 700;
/** Pause between rounds at `steady` speed (ms). */
export const STEADY_PAUSE_MS = 60;

export interface SchedulerOptions {
  inWorker: boolean;
  runnable(): RunSlot[];
  speed(): Speed;
  /** The batch a run is about to train on (slow motion highlights it). */
  onBatch(slot: RunSlot, indices: Int32Array): void;
  afterChunk(slot: RunSlot): Promise<void>;
  /** When training stops (paused, or nothing left to run). */
  onIdle(): Promise<void>;
  /** A chunk threw; called inside the lock. */
  onError(error: unknown): Promise<void>;
}

/** Round-robin time slices across runs, one at a time, with a lock so config changes land between chunks. */
export interface Scheduler {
  readonly playing: boolean;
  play(): void;
  pause(): void;
  stepOnce(): Promise<void>;
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Gives up on a chunk that will never finish (a lost GPU context): stops, and frees the lock for recovery. */
  abandon(): void;
}

/** Lets queued messages (pause, config changes) run between chunks, without setTimeout's 4 ms clamp. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  let playing = false;
  let looping = false;
  let lock: Promise<unknown> = Promise.resolve();
  let wake: (() => void) | null = null;
  // Bumped by abandon(): work started under an older epoch finishes silently.
  let epoch = 0;

  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = lock.then(task);
    lock = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  /** One chunk of one run; false when the run is no longer in the workspace. */
  const turn = (slot: RunSlot, steps: (slot: RunSlot) => number, highlight: boolean) =>
    exclusive(async () => {
      const started = epoch;
      if (!options.runnable().includes(slot)) return;
      try {
        if (highlight) options.onBatch(slot, slot.trainer.peekBatch().indices);
        await slot.runChunk(steps(slot));
        if (started !== epoch) return;
        await options.afterChunk(slot);
      } catch (error) {
        await options.onError(error);
      }
    });

  async function loop(): Promise<void> {
    if (looping) return;
    looping = true;
    const started = epoch;
    try {
      while (playing && started === epoch) {
        const active = options.runnable();
        if (active.length === 0) break;
        const speed = options.speed();
        // Chunks long enough that each run reads back only a few times a second, short enough to stay responsive.
        const targetMs = options.inWorker ? Math.max(30, 150 / active.length) : 12;
        const steps = (slot: RunSlot) => (speed === 'fast' ? slot.chunkSize(targetMs) : 1);
        for (const slot of active) {
          if (!playing) break;
          await turn(slot, steps, speed === 'slow');
          await yieldToEvents();
        }
        if (playing && speed === 'slow') await sleep(SLOW_BEAT_MS);
        if (playing && speed === 'steady') await sleep(STEADY_PAUSE_MS);
      }
    } finally {
      if (started === epoch) {
        playing = false;
        looping = false;
        await exclusive(options.onIdle);
      }
    }
  }

  return {
    get playing() {
      return playing;
    },
    play() {
      if (playing) return;
      playing = true;
      void loop();
    },
    pause() {
      playing = false;
      wake?.();
    },
    async stepOnce() {
      if (playing) return;
      for (const slot of options.runnable()) await turn(slot, () => 1, true);
      await exclusive(options.onIdle);
    },
    exclusive,
    abandon() {
      epoch++;
      playing = false;
      looping = false;
      lock = Promise.resolve();
      wake?.();
    },
  };
}
