import { describe, expect, it, vi } from 'vitest';
import type { RunSlot } from '../../../src/worker/run-slot';
import { createScheduler, type SchedulerOptions } from '../../../src/worker/scheduler';

/** A stand-in run whose chunks take `chunkMs` (or never finish, when `stuck`). */
function fakeSlot(id: string, log: string[], options: { stuck?: () => boolean } = {}): RunSlot {
  return {
    id,
    chunkSize: () => 1,
    runChunk: async () => {
      log.push(id);
      if (options.stuck?.()) await new Promise(() => undefined);
      return [];
    },
    trainer: { peekBatch: () => ({ indices: new Int32Array([0]) }) },
  } as unknown as RunSlot;
}

function schedulerWith(slots: RunSlot[], overrides: Partial<SchedulerOptions> = {}) {
  return createScheduler({
    inWorker: true,
    runnable: () => slots,
    speed: () => 'fast',
    onBatch: () => undefined,
    afterChunk: async () => undefined,
    beforeRest: async () => undefined,
    onIdle: async () => undefined,
    onError: async () => undefined,
    ...overrides,
  });
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('scheduler', () => {
  it('gives the runs turns round-robin while playing, and stops on pause', async () => {
    const log: string[] = [];
    const scheduler = schedulerWith([fakeSlot('a', log), fakeSlot('b', log), fakeSlot('c', log)]);
    scheduler.play();
    await until(() => log.length >= 9);
    scheduler.pause();
    await new Promise((r) => setTimeout(r, 20));
    const stopped = log.length;
    expect(log.slice(0, 6)).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    await new Promise((r) => setTimeout(r, 30));
    expect(log.length).toBe(stopped);
  });

  it('runs config changes between chunks, never during one', async () => {
    const events: string[] = [];
    const slot = {
      ...fakeSlot('a', []),
      runChunk: async () => {
        events.push('chunk start');
        await new Promise((r) => setTimeout(r, 10));
        events.push('chunk end');
        return [];
      },
    } as unknown as RunSlot;
    const scheduler = schedulerWith([slot]);
    scheduler.play();
    await until(() => events.length >= 1);
    await scheduler.exclusive(async () => void events.push('apply'));
    scheduler.pause();
    const applyAt = events.indexOf('apply');
    expect(events[applyAt - 1]).toBe('chunk end');
  });

  it('abandons a chunk that never finishes: recovery runs next, queued work after it, the old chunk stays silent', async () => {
    let stuck = true;
    const afterChunk = vi.fn(async () => undefined);
    const scheduler = schedulerWith([fakeSlot('a', [], { stuck: () => stuck })], { afterChunk });
    scheduler.play();
    await new Promise((r) => setTimeout(r, 10));
    const order: string[] = [];
    const queued = scheduler.exclusive(async () => void order.push('queued apply'));
    stuck = false;
    await scheduler.abandon(async () => void order.push('recovery'));
    await queued;
    expect(order).toEqual(['recovery', 'queued apply']);
    expect(scheduler.playing).toBe(false);
    expect(afterChunk).not.toHaveBeenCalled();
  });

  it('runs a task stuck on the lost device again after the recovery, and its caller gets that answer, not the stuck one’s', async () => {
    const scheduler = schedulerWith([]);
    let attempts = 0;
    let releaseStuck: (value: string) => void = () => undefined;
    const answer = scheduler.exclusive(async () => {
      attempts++;
      if (attempts === 1) return new Promise<string>((resolve) => (releaseStuck = resolve));
      return 'after recovery';
    });
    await new Promise((r) => setTimeout(r, 5));
    const order: string[] = [];
    const queued = scheduler.exclusive(async () => void order.push('queued play'));
    await scheduler.abandon(async () => void order.push('recovery'));
    // The stuck attempt finishing late (a readback on the lost context resolving after all) changes nothing.
    releaseStuck('stale');
    await expect(answer).resolves.toBe('after recovery');
    await queued;
    expect(attempts).toBe(2);
    expect(order).toEqual(['recovery', 'queued play']);
  });

  it('stops by itself when no run is left to train, and reports idle', async () => {
    const onIdle = vi.fn(async () => undefined);
    const scheduler = schedulerWith([], { onIdle });
    scheduler.play();
    await until(() => onIdle.mock.calls.length > 0);
    expect(scheduler.playing).toBe(false);
  });

  it('at Steady, hands over a round only after every run’s block, before the rest; at Full speed never', async () => {
    const log: string[] = [];
    const beforeRest = vi.fn(async () => void log.push('rest'));
    const steady = schedulerWith([fakeSlot('a', log), fakeSlot('b', log)], { speed: () => 'steady', beforeRest });
    steady.play();
    await until(() => log.filter((e) => e === 'rest').length >= 2);
    steady.pause();
    expect(log.slice(0, 6)).toEqual(['a', 'b', 'rest', 'a', 'b', 'rest']);

    const fastLog: string[] = [];
    const fastRest = vi.fn(async () => undefined);
    const fast = schedulerWith([fakeSlot('a', fastLog)], { beforeRest: fastRest });
    fast.play();
    await until(() => fastLog.length >= 5);
    fast.pause();
    expect(fastRest).not.toHaveBeenCalled();
  });
});
