/** What the plan needs of a run: its identity, what makes it the experiment it is, and where it stands. */
export interface TwinRun {
  id: string;
  /** Equal for runs that take the very same steps (batch size, lr, shuffle and every change, at the same steps). */
  key: string;
  step: number;
  /** The steps it was evaluated at so far, ascending. */
  evaluatedSteps: readonly number[];
}

/**
 * Runs that are the same experiment (twins) take the very same steps, yet evaluated on a wall-clock cadence they
 * would sample their noisy full-set loss at different steps, and their lines would differ. So the twin furthest ahead
 * picks the steps, as any run does, and the others stop and evaluate at exactly those steps on their way.
 * The plan only moves evaluations: it never changes a value, so two runs grouped wrongly cost nothing but placement.
 */
export interface TwinPlan {
  /** Regroups the runs (after runs were added, changed or restarted); a run behind its twins owes their later steps. */
  regroup(runs: readonly TwinRun[]): void;
  /** The runs that are the same experiment as `id`. */
  twinsOf(id: string): readonly string[];
  /** Whether `id` picks its own evaluation steps: it has no twin, or none of its twins is further on. */
  leads(id: string, stepOf: (id: string) => number): boolean;
  /** `id` was evaluated at `step`: each twin not yet there will evaluate there too. */
  evaluated(id: string, step: number, stepOf: (id: string) => number): void;
  /** Whether `id` owes an evaluation at `step` (settles it, and any it somehow passed). */
  owes(id: string, step: number): boolean;
  /** The next step after `step` where `id` must stop to evaluate, or null. */
  nextStop(id: string, step: number): number | null;
}

function insertSorted(list: number[], value: number): void {
  let at = list.length;
  while (at > 0 && list[at - 1]! > value) at--;
  if (list[at - 1] !== value) list.splice(at, 0, value);
}

export function createTwinPlan(): TwinPlan {
  let twinsOf = new Map<string, string[]>();
  let owed = new Map<string, number[]>();
  return {
    regroup(runs) {
      const groups = new Map<string, TwinRun[]>();
      for (const run of runs) groups.set(run.key, [...(groups.get(run.key) ?? []), run]);
      twinsOf = new Map();
      owed = new Map();
      for (const group of groups.values()) {
        if (group.length < 2) continue;
        for (const run of group) {
          twinsOf.set(run.id, group.filter((other) => other !== run).map((other) => other.id));
          const later = group.filter((other) => other !== run).flatMap((other) => other.evaluatedSteps.filter((step) => step > run.step));
          owed.set(run.id, [...new Set(later)].sort((a, b) => a - b));
        }
      }
    },
    twinsOf: (id) => twinsOf.get(id) ?? [],
    leads(id, stepOf) {
      const step = stepOf(id);
      return (twinsOf.get(id) ?? []).every((twin) => stepOf(twin) <= step);
    },
    evaluated(id, step, stepOf) {
      for (const twin of twinsOf.get(id) ?? []) if (stepOf(twin) < step) insertSorted(owed.get(twin)!, step);
    },
    owes(id, step) {
      const list = owed.get(id);
      if (!list || list.length === 0 || list[0]! > step) return false;
      const due = list.includes(step);
      while (list.length > 0 && list[0]! <= step) list.shift();
      return due;
    },
    nextStop(id, step) {
      return owed.get(id)?.find((s) => s > step) ?? null;
    },
  };
}
