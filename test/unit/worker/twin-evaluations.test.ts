import { describe, expect, it } from 'vitest';
import { createTwinPlan } from '../../../src/worker/twin-evaluations';

describe('evaluating twins at the same steps', () => {
  it('lets the twin furthest on pick the steps, and has the others stop and evaluate exactly there', () => {
    const plan = createTwinPlan();
    const steps: Record<string, number> = { a: 0, b: 0, other: 0 };
    const stepOf = (id: string) => steps[id]!;
    plan.regroup([
      { id: 'a', key: 'B=1', step: 0, evaluatedSteps: [0] },
      { id: 'b', key: 'B=1', step: 0, evaluatedSteps: [0] },
      { id: 'other', key: 'B=32', step: 0, evaluatedSteps: [0] },
    ]);
    steps.a = 40;
    expect(plan.leads('a', stepOf)).toBe(true);
    expect(plan.leads('b', stepOf)).toBe(false);
    plan.evaluated('a', 40, stepOf);
    steps.a = 90;
    plan.evaluated('a', 90, stepOf);
    // b, at 0, must stop at 40 and then at 90; a run of another experiment owes nothing.
    expect(plan.nextStop('b', 0)).toBe(40);
    expect(plan.nextStop('other', 0)).toBeNull();
    steps.b = 40;
    expect(plan.owes('b', 40)).toBe(true);
    expect(plan.owes('b', 40)).toBe(false);
    expect(plan.nextStop('b', 40)).toBe(90);
  });

  it('has a twin that joins late (a repeat added, a run reset) owe every later step its twins were evaluated at', () => {
    const plan = createTwinPlan();
    plan.regroup([
      { id: 'a', key: 'k', step: 500, evaluatedSteps: [0, 120, 260, 390, 500] },
      { id: 'b', key: 'k', step: 0, evaluatedSteps: [0] },
    ]);
    expect(plan.nextStop('b', 0)).toBe(120);
    expect(plan.nextStop('a', 500)).toBeNull();
    // A step passed by (never, as chunks stop there) is dropped, not owed for ever.
    expect(plan.owes('b', 300)).toBe(false);
    expect(plan.nextStop('b', 300)).toBe(390);
  });

  it('takes nothing from a run without a twin: it leads and owes nothing', () => {
    const plan = createTwinPlan();
    plan.regroup([{ id: 'solo', key: 'x', step: 10, evaluatedSteps: [0, 10] }]);
    expect(plan.leads('solo', () => 10)).toBe(true);
    expect(plan.owes('solo', 10)).toBe(false);
    expect(plan.nextStop('solo', 10)).toBeNull();
  });
});
