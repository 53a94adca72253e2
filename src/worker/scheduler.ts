import type { Speed } from '../runtime/protocol';
import type { RunSlot } from './run-slot';
import { MIN_TIMED_STEPS } from './step-clock';

/** One beat of slow motion: a step of every run, then this pause (ms). */
export const SLOW_BEAT_MS = 700;
/** Wall time of one run's chunk at full speed in a worker (ms). */
export const FAST_BLOCK_MS = 100;
/**
 * `steady` trains each run in short blocks (at least STEADY_MIN_STEPS steps, the first quarter an untimed lead-in,
 * and about STEADY_BLOCK_MS of work: long enough to time honestly) and rests after each round so a run advances
 * about STEADY_STEPS_PER_SECOND.
 */
export const STEADY_MIN_STEPS = 2 * MIN_TIMED_STEPS + 1;
export const STEADY_BLOCK_MS = 5;
export const STEADY_STEPS_PER_SECOND = 30;

export interface SchedulerOptions {
  inWorker: boolean;
  runnable(): RunSlot[];
  speed(): Speed;
  /** The batch a run is about to train on (slow motion highlights it). */
  onBatch(slot: RunSlot, indices: Int32Array): void;
  afterChunk(slot: RunSlot): Promise<void>;
  /** At Steady, after every run's block of a round and before the rest (under the lock). */
  beforeRest(): Promise<void>;
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
  /**
   * Gives up on a task that will never finish (a lost GPU context): stops training, runs `recovery` next, then the
   * abandoned task again (its caller gets that answer), then whatever was already queued. The abandoned attempt
   * finishes silently.
   */
  abandon(recovery: () => Promise<void>): Promise<void>;
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
  let wake: (() => void) | null = null;
  // Bumped by abandon(): work started under an older epoch finishes silently.
  let epoch = 0;
  // The lock: one queue of tasks, run one at a time by a pump; abandon() starts a fresh pump past a stuck task.
  const queue: (() => Promise<void>)[] = [];
  let pumping = false;
  // The task the pump is waiting on: abandon() runs it again after the recovery (if `rerun`), so its caller still gets an answer.
  let running: { job: () => Promise<void>; rerun: boolean } | null = null;
  const reruns = new WeakSet<() => Promise<void>>();

  const pump = async () => {
    if (pumping) return;
    pumping = true;
    const started = epoch;
    while (queue.length > 0 && started === epoch) {
      const job = queue.shift()!;
      running = { job, rerun: reruns.has(job) };
      await job();
    }
    if (started === epoch) {
      pumping = false;
      running = null;
    }
  };

  const enqueue = <T>(task: () => Promise<T>, first: boolean, rerun = true): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      // An attempt abandoned on a lost device settles nothing: the attempt run after the recovery answers instead.
      const job = () => {
        const attempt = epoch;
        return task().then(
          (value) => {
            if (attempt === epoch) resolve(value);
          },
          (error: unknown) => {
            if (attempt === epoch) reject(error);
          },
        );
      };
      if (rerun) reruns.add(job);
      if (first) queue.unshift(job);
      else queue.push(job);
      void pump();
    });

  const exclusive = <T>(task: () => Promise<T>): Promise<T> => enqueue(task, false);

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
  // A chunk is not run again after a recovery: its run was replaced, and the loop that waited for it has stopped.
  const turn = (slot: RunSlot, steps: (slot: RunSlot) => number, highlight: boolean, afterRest = false) =>
    enqueue(async () => {
      const started = epoch;
      if (!options.runnable().includes(slot)) return;
      try {
        if (highlight) options.onBatch(slot, slot.trainer.peekBatch().indices);
        // Single steps (slow motion, Step +1) are too short to time honestly.
        await slot.runChunk(steps(slot), !highlight, afterRest);
        if (started !== epoch) return;
        await options.afterChunk(slot);
      } catch (error) {
        if (started === epoch) await options.onError(error);
      }
    }, false, false);

  async function loop(): Promise<void> {
    if (looping) return;
    looping = true;
    const started = epoch;
    try {
      while (playing && started === epoch) {
        // Under the lock: a restart in progress must finish before the loop decides nothing is left to run.
        const active = await exclusive(async () => options.runnable());
        if (active.length === 0) break;
        const speed = options.speed();
        // Chunks long enough that each run reads back only a few times a second, short enough to stay responsive;
        // the same length however many runs share the device, so a run's blocks (and its timing) do not change.
        const targetMs = options.inWorker ? FAST_BLOCK_MS : 12;
        let largestChunk = 0;
        const steps = (slot: RunSlot) => {
          // On the page's own thread (no workers) a frame budget beats a timeable block.
          const count = speed === 'fast' ? slot.chunkSize(targetMs, options.inWorker ? MIN_TIMED_STEPS : 1) : speed === 'steady' ? slot.chunkSize(STEADY_BLOCK_MS, STEADY_MIN_STEPS) : 1;
          largestChunk = Math.max(largestChunk, count);
          return count;
        };
        const roundStarted = performance.now();
        for (const slot of active) {
          if (!playing) break;
          await turn(slot, steps, speed === 'slow', speed === 'steady');
          await yieldToEvents();
        }
        if (playing && speed === 'slow') await sleep(SLOW_BEAT_MS);
        if (playing && speed === 'steady') {
          await exclusive(options.beforeRest);
          const roundMs = (1000 * largestChunk) / STEADY_STEPS_PER_SECOND;
          await sleep(Math.max(10, roundMs - (performance.now() - roundStarted)));
        }
      }
    } finally {
      if (started === epoch) {
        // Still "playing" here means nothing was left to run (all finished or diverged).
        playing = false;
        looping = false;
        await exclusive(options.onIdle);
        // Play pressed again while this loop was winding down.
        if (playing && started === epoch) void loop();
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
    abandon(recovery) {
      epoch++;
      playing = false;
      looping = false;
      pumping = false;
      wake?.();
      // The stuck task (a restart, a chunk…) runs again once the recovery is done, on the recovered device.
      if (running?.rerun) queue.unshift(running.job);
      running = null;
      return enqueue(recovery, true);
    },
  };
}
