import { describe, expect, it } from 'vitest';
import type { EvalPoint } from '../../../src/runtime/protocol';
import type { RunHistory } from '../../../src/store/metrics-history';
import { runReadings } from '../../../src/store/run-readings';
import { status } from '../../component/fixtures';

const evalAt = (step: number, trainLoss: number): EvalPoint => ({ step, epoch: step, examples: step, seconds: step / 100, trainLoss, testLoss: trainLoss, accuracy: null });
const history = (overrides: Partial<RunHistory>): RunHistory => ({ status: status(), batchLosses: [], evals: [], events: [], noise: [], throughput: [], ...overrides });

describe('run readings', () => {
  it('gives each run its status, latest evaluation, health and where it first got into trouble', () => {
    const steady = history({ status: status({ id: 'mini' }), evals: [evalAt(0, 0.7), evalAt(10, 0.5)] });
    const diverged = history({ status: status({ id: 'single', state: 'diverged', divergedAtStep: 12 }), evals: [evalAt(0, 0.7), evalAt(12, Number.NaN)] });
    const readings = runReadings(new Map([['mini', steady], ['single', diverged]]));
    expect(readings.statuses.mini).toBe(steady.status);
    expect(readings.latest.mini).toEqual(evalAt(10, 0.5));
    expect(readings.health).toEqual({ mini: { kind: 'ok' }, single: { kind: 'diverged', atStep: 12, lr: null } });
    expect(readings.trouble).toEqual({ single: evalAt(12, Number.NaN) });
  });
});
