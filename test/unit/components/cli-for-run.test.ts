import { describe, expect, it } from 'vitest';
import { cliRunFor } from '../../../src/components/runs/cli-for-run';
import type { RunEvent } from '../../../src/runtime/protocol';

const at = (step: number) => ({ step, epoch: step / 16, examples: step * 32, seconds: step / 100 });

describe('the CLI run behind Copy as CLI', () => {
  it('starts from the lr and shuffle the run began with and replays each change at its step', () => {
    const events: RunEvent[] = [
      { ...at(20), label: 'lr 1', change: { kind: 'lr', lr: 1, previous: 0.1 } },
      { ...at(35), label: 'shuffle off (from next epoch)', change: { kind: 'shuffle', shuffle: 'off', previous: 'on' } },
      { ...at(50), label: 'lr 0.3', change: { kind: 'lr', lr: 0.3, previous: 1 } },
    ];
    expect(cliRunFor({ batchSize: 32, lr: 0.3, shuffle: 'off', steps: 80, events })).toEqual({
      batchSize: 32,
      lr: 0.1,
      shuffle: 'on',
      steps: 80,
      lrChanges: [
        { step: 20, lr: 1 },
        { step: 50, lr: 0.3 },
      ],
      shuffleChanges: [{ step: 35, shuffle: 'off' }],
    });
  });

  it('uses the current values when nothing changed mid-run', () => {
    expect(cliRunFor({ batchSize: 'full', lr: 0.5, shuffle: 'once', steps: 10, events: [] })).toMatchObject({ lr: 0.5, shuffle: 'once', lrChanges: [], shuffleChanges: [] });
  });

  it('leaves out a change made at the run’s last step (an lr lowered after it diverged): it acted on no step', () => {
    const events: RunEvent[] = [
      { ...at(40), label: 'lr 10', change: { kind: 'lr', lr: 10, previous: 0.1 } },
      { ...at(58), label: 'lr 0.1', change: { kind: 'lr', lr: 0.1, previous: 10 } },
    ];
    expect(cliRunFor({ batchSize: 32, lr: 0.1, shuffle: 'on', steps: 58, events })).toMatchObject({ lr: 0.1, steps: 58, lrChanges: [{ step: 40, lr: 10 }] });
  });
});
