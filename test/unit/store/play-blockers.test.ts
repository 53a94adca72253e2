import { describe, expect, it } from 'vitest';
import { whyNothingCanTrain } from '../../../src/store/play-blockers';
import { status } from '../../component/fixtures';

const runs = [
  { id: 'single', enabled: true },
  { id: 'mini', enabled: true },
  { id: 'full', enabled: false },
];

describe('why Play would train nothing', () => {
  it('says so when every run that is switched on has diverged', () => {
    const statuses = { single: status({ id: 'single', state: 'diverged' }), mini: status({ id: 'mini', state: 'diverged' }), full: status({ id: 'full', state: 'off' }) };
    expect(whyNothingCanTrain(runs, statuses)).toMatch(/^Every run has diverged/);
  });

  it('says so when no run is switched on', () => {
    expect(whyNothingCanTrain(runs.map((r) => ({ ...r, enabled: false })), {})).toMatch(/^No run is switched on/);
  });

  it('lets Play through while one run can train, while a state is not known yet, and for finished runs (a raised stop may free them)', () => {
    expect(whyNothingCanTrain(runs, { single: status({ id: 'single', state: 'diverged' }), mini: status({ id: 'mini', state: 'paused' }) })).toBeNull();
    expect(whyNothingCanTrain(runs, { single: status({ id: 'single', state: 'diverged' }) })).toBeNull();
    expect(whyNothingCanTrain(runs, { single: status({ id: 'single', state: 'finished' }), mini: status({ id: 'mini', state: 'finished' }) })).toBeNull();
  });
});
