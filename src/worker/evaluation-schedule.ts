import type { RunSlot } from './run-slot';
import { createTwinPlan } from './twin-evaluations';

/** Wall-clock spacing of a run's full-set evaluations (and WebGL resume snapshots) while it trains (ms). */
export const EVALUATION_EVERY_MS = 300;
/** A run's next evaluation waits at least this many times its last evaluation's duration. */
const EVALUATION_SPACING = 5;

/** When each run is evaluated on the whole set: on a wall-clock cadence, at the same steps as its twins. */
export interface EvaluationSchedule {
  /** After runs were added, changed, restarted or removed: who repeats whom, and what each owes. */
  regroup(): void;
  /** Evaluates a run now; any twin not yet at this step will evaluate there too. */
  evaluate(slot: RunSlot): Promise<void>;
  /**
   * After a chunk: evaluates where the run owes its twins this step, where it leads them and its cadence has come
   * round, where it finished, or where it stopped training normally (diverged).
   */
  afterChunk(slot: RunSlot, now: number): Promise<void>;
}

/** `deviceLost`: reads would return zeros (a lost WebGL context), so no evaluation is taken mid-chunk. */
export function createEvaluationSchedule(slots: () => readonly RunSlot[], deviceLost: () => boolean = () => false): EvaluationSchedule {
  const twins = createTwinPlan();
  const stepOf = (id: string) => slots().find((s) => s.id === id)?.trainer.progress.step ?? 0;
  const settle = (slot: RunSlot) => slot.setEvaluationStop(twins.nextStop(slot.id, slot.trainer.progress.step), () => payOwed(slot));

  // Inside a chunk, at a step the run owes its twins: evaluate, and the chunk goes on (it is not cut short).
  const payOwed = async (slot: RunSlot) => {
    if (deviceLost()) return;
    if (twins.owes(slot.id, slot.trainer.progress.step)) await evaluate(slot);
    else settle(slot);
  };

  const evaluate = async (slot: RunSlot): Promise<void> => {
    await slot.evaluate();
    const step = slot.trainer.progress.step;
    twins.evaluated(slot.id, step, stepOf);
    // A twin standing at this very step evaluates now: it will not stop here again.
    const level = slots().filter((s) => twins.twinsOf(slot.id).includes(s.id) && s.trainer.progress.step === step && s.evaluatedSteps.at(-1) !== step);
    for (const twin of level) await twin.evaluate();
    for (const other of slots()) settle(other);
  };

  return {
    regroup() {
      twins.regroup(slots().map((s) => ({ id: s.id, key: s.twinKey(), step: s.trainer.progress.step, evaluatedSteps: s.evaluatedSteps })));
      for (const slot of slots()) settle(slot);
    },
    evaluate,
    async afterChunk(slot, now) {
      const step = slot.trainer.progress.step;
      const owed = twins.owes(slot.id, step);
      // At large N a full-set evaluation is itself long: keep it to about a fifth of the wall time.
      const cadenceDue = slot.msSinceEval(now) >= Math.max(EVALUATION_EVERY_MS, EVALUATION_SPACING * slot.lastEvalMs);
      if (owed || (cadenceDue && twins.leads(slot.id, stepOf)) || slot.finished() || slot.trainer.progress.status !== 'ok') await evaluate(slot);
      else settle(slot);
    },
  };
}
