import { describe, expect, it } from 'vitest';
import { measuredInsights } from '../../../src/components/explain/insights';
import { repeatedRuns, runLabels } from '../../../src/store/run-settings';
import { initialSettings } from '../../../src/store/settings-store';
import { status } from '../../component/fixtures';

const at = (step: number, examples: number) => ({ step, epoch: step, examples, seconds: step / 100 });

describe('what to look for: instability, as measured', () => {
  it('reports which run became unstable first on the chosen axis, from the measurement', () => {
    const labels = { single: 'B = 1', full: 'B = N (64)' };
    const statuses = [status({ id: 'single', batchSize: 1, state: 'diverged' }), status({ id: 'full', batchSize: 64, state: 'diverged' })];
    const trouble = { single: at(33, 33), full: at(28, 28 * 64) };
    const bySteps = measuredInsights({ labels, statuses, comparison: null, trouble, axis: 'steps' }).join(' ');
    expect(bySteps).toContain('the first to become unstable was B = N (64) at 28 steps (diverged), then B = 1 at 33 steps (diverged)');
    // On the examples axis the order flips: B = 1 had seen far fewer examples.
    const byExamples = measuredInsights({ labels, statuses, comparison: null, trouble, axis: 'examples' }).join(' ');
    expect(byExamples).toContain('the first to become unstable was B = 1 at 33 examples seen (diverged)');
    expect(bySteps).toContain('their steps overshot. A smaller lr steadies a run, but one that blew up stays broken: reset it with “Reset this run” on its card.');
  });

  it('names a single troubled run’s onset as its first, apart from the stretch its card counts from', () => {
    const labels = { mini: 'B = 32' };
    const text = measuredInsights({ labels, statuses: [status({ id: 'mini', batchSize: 32 })], comparison: null, trouble: { mini: at(503, 503 * 32) } }).join(' ');
    expect(text).toContain('B = 32 first became unstable at 503 steps: its steps overshot. A smaller lr steadies it.');
  });

  it('advises a smaller lr while the runs are only unstable, and a reset once one is stuck or damaged', () => {
    const labels = { single: 'B = 1', mini: 'B = 32' };
    const statuses = [status({ id: 'single', batchSize: 1 }), status({ id: 'mini', batchSize: 32 })];
    const trouble = { single: at(40, 40), mini: at(30, 960) };
    const unstable = measuredInsights({ labels, statuses, comparison: null, trouble, health: {} }).join(' ');
    expect(unstable).toContain('their steps overshot. A smaller lr steadies them.');
    const stuck = measuredInsights({ labels, statuses, comparison: null, trouble, health: { mini: { kind: 'stuck', since: at(400, 400), loss: 0.693, accuracy: 0.5 } } }).join(' ');
    expect(stuck).toContain('reset it with “Reset this run” on its card');
    expect(stuck).not.toContain('steadies them');
  });
});

describe('run names', () => {
  it('are unique: a repeated batch size gets #2, and a repeat of the same experiment is found', () => {
    const settings = initialSettings();
    settings.runs.push({ ...settings.runs[2]!, id: 'run-4', colour: '#D55E00' });
    expect(runLabels(settings.runs, 512)).toEqual({ single: 'B = 1', mini: 'B = 32', full: 'B = N (512)', 'run-4': 'B = N (512) #2' });
    expect(repeatedRuns(settings)).toEqual({ 'run-4': 'full' });
    settings.runs[3] = { ...settings.runs[3]!, lrOverride: 0.5 };
    expect(repeatedRuns(settings)).toEqual({});
  });

  it('leave the plain name to the full-batch run when the mini-batch run is set to N', () => {
    const settings = initialSettings();
    settings.runs[1] = { ...settings.runs[1]!, batchSize: 'full' };
    expect(runLabels(settings.runs, 512)).toEqual({ single: 'B = 1', mini: 'B = N (512) #2', full: 'B = N (512)' });
    expect(repeatedRuns(settings)).toEqual({ mini: 'full' });
    settings.runs[1] = { ...settings.runs[1]!, batchSize: 1 };
    expect(runLabels(settings.runs, 512)).toEqual({ single: 'B = 1', mini: 'B = 1 #2', full: 'B = N (512)' });
    expect(repeatedRuns(settings)).toEqual({ mini: 'single' });
  });
});
