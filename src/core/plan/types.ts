import { ExplorerError } from '../errors';

/** One pipeline stage: layers [from, to) on `units` units of a processor. */
export interface Stage {
  readonly from: number;
  readonly to: number;
  readonly processor: string;
  readonly units: number;
}

/** Ordered stages covering positions 0..n-1; frames flow from stage 0 to the last. */
export interface Plan {
  readonly stages: readonly Stage[];
}

/** The compact form used by the CLI, URLs and plan files. */
export interface PlanSpec {
  /** Cut c splits before the layer at topological position c; increasing, each in 1..n-1. */
  readonly cuts: readonly number[];
  /** One processor id per stage (cuts.length + 1). */
  readonly procs: readonly string[];
  /** Units per stage; omitted means each processor's full unit count. */
  readonly units?: readonly number[];
}

/**
 * Checks cuts: integers, strictly increasing, each in 1..n-1. Throws BAD_CUTS
 * naming the first offending cut. O(cuts).
 */
export function checkCuts(cuts: readonly number[], n: number): void {
  cuts.forEach((c, i) => {
    if (!Number.isInteger(c)) throw new ExplorerError('BAD_CUTS', `cut "${c}" is not an integer`);
    if (c < 1 || c > n - 1) throw new ExplorerError('BAD_CUTS', `cut ${c} is outside 1..${n - 1}`);
    if (i > 0 && c === cuts[i - 1]) throw new ExplorerError('BAD_CUTS', `cut ${c} appears twice`);
    if (i > 0 && c < cuts[i - 1]!)
      throw new ExplorerError('BAD_CUTS', `cut ${c} comes after ${cuts[i - 1]}: sort them`);
  });
}

/**
 * Builds a plan from cuts, processors and units. `unitsOf` gives a
 * processor's full unit count (the default). Throws BAD_CUTS or BAD_PLAN for
 * malformed input; problems a plan can have and still be shown (units
 * exceeded, unsupported ops...) are reported by `planProblems`, not thrown.
 * O(stages).
 * @example planFromSpec({ cuts: [40], procs: ['big', 'npu'] }, 175, (id) => 4)
 */
export function planFromSpec(spec: PlanSpec, n: number, unitsOf: (processor: string) => number): Plan {
  checkCuts(spec.cuts, n);
  const count = spec.cuts.length + 1;
  if (spec.procs.length !== count) {
    throw new ExplorerError('BAD_PLAN', `${count} stages need ${count} processors, got ${spec.procs.length}`);
  }
  if (spec.units && spec.units.length !== count) {
    throw new ExplorerError('BAD_PLAN', `${count} stages need ${count} unit counts, got ${spec.units.length}`);
  }
  const bounds = [0, ...spec.cuts, n];
  return {
    stages: spec.procs.map((processor, i) => {
      const units = spec.units ? spec.units[i]! : unitsOf(processor);
      if (!Number.isInteger(units) || units < 1) {
        throw new ExplorerError('BAD_PLAN', `stage ${i + 1} units "${units}" must be a positive integer`);
      }
      return { from: bounds[i]!, to: bounds[i + 1]!, processor, units };
    }),
  };
}

/** The compact form of a plan. O(stages). */
export function specOfPlan(plan: Plan): Required<PlanSpec> {
  return {
    cuts: plan.stages.slice(1).map((s) => s.from),
    procs: plan.stages.map((s) => s.processor),
    units: plan.stages.map((s) => s.units),
  };
}
