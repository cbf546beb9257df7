import type { CostTables } from '../cost/tables';
import { linkFor, stageMemoryBudgetBytes, stageMemoryBytes } from '../cost/tables';
import type { Plan } from './types';

export type ProblemCode =
  | 'COVERAGE'
  | 'EMPTY_STAGE'
  | 'UNKNOWN_PROCESSOR'
  | 'BAD_UNITS'
  | 'UNITS_EXCEEDED'
  | 'UNSUPPORTED_OP'
  | 'MEMORY_EXCEEDED'
  | 'NO_LINK';

/** Why a plan is invalid; `stage` is 0-based when the problem belongs to one stage. */
export interface PlanProblem {
  readonly code: ProblemCode;
  readonly message: string;
  readonly stage?: number;
}

/**
 * Every reason the plan cannot run as given, in stage order. An empty list
 * means valid. Plans with problems are still shown, never silently fixed.
 * O(stages + processors).
 */
export function planProblems(t: CostTables, plan: Plan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const stages = plan.stages;
  if (stages.length === 0 || stages[0]!.from !== 0 || stages[stages.length - 1]!.to !== t.n) {
    problems.push({ code: 'COVERAGE', message: `The stages must cover layers 0..${t.n - 1} in order.` });
  }
  const unitsUsed = new Map<number, number>();
  stages.forEach((s, i) => {
    const label = `Stage ${i + 1}`;
    if (i > 0 && s.from !== stages[i - 1]!.to) {
      problems.push({
        code: 'COVERAGE',
        stage: i,
        message: `${label} starts at ${s.from}, not where stage ${i} ends.`,
      });
    }
    if (s.to <= s.from) problems.push({ code: 'EMPTY_STAGE', stage: i, message: `${label} has no layers.` });
    const p = t.processorIndex.get(s.processor);
    if (p === undefined) {
      problems.push({ code: 'UNKNOWN_PROCESSOR', stage: i, message: `${label}: no processor "${s.processor}".` });
      return;
    }
    const proc = t.processors[p]!;
    if (!Number.isInteger(s.units) || s.units < 1 || s.units > proc.units) {
      problems.push({
        code: 'BAD_UNITS',
        stage: i,
        message: `${label}: ${proc.name} has ${proc.units} unit(s); ${s.units} requested.`,
      });
    }
    unitsUsed.set(p, (unitsUsed.get(p) ?? 0) + s.units);
    if (s.to > s.from) {
      const unsupported = t.unsupportedPrefix[p]![s.to]! - t.unsupportedPrefix[p]![s.from]!;
      if (unsupported > 0) {
        const first = firstUnsupported(t, p, s.from, s.to);
        problems.push({
          code: 'UNSUPPORTED_OP',
          stage: i,
          message: `${label}: ${proc.name} cannot run ${unsupported} layer(s), first "${first}".`,
        });
      }
      const used = stageMemoryBytes(t, p, s.from, s.to);
      const budget = stageMemoryBudgetBytes(proc, s.units);
      if (used > budget) {
        problems.push({
          code: 'MEMORY_EXCEEDED',
          stage: i,
          message: `${label} needs ${(used / 1e6).toFixed(1)} MB but ${s.units} of ${proc.name}'s ${proc.units} unit(s) have ${(budget / 1e6).toFixed(1)} MB.`,
        });
      }
    }
    if (i > 0) {
      const q = t.processorIndex.get(stages[i - 1]!.processor);
      if (q !== undefined && q !== p && !linkFor(t, q, p)) {
        problems.push({
          code: 'NO_LINK',
          stage: i,
          message: `No link from ${t.processors[q]!.name} to ${proc.name}.`,
        });
      }
    }
  });
  for (const [p, used] of unitsUsed) {
    const proc = t.processors[p]!;
    if (used > proc.units) {
      problems.push({
        code: 'UNITS_EXCEEDED',
        message: `${proc.name} is given ${used} units across stages but has ${proc.units}.`,
      });
    }
  }
  return problems;
}

/** Name of the first unsupported layer in [from, to): binary search on the monotone prefix, O(log n). */
function firstUnsupported(t: CostTables, p: number, from: number, to: number): string {
  const prefix = t.unsupportedPrefix[p]!;
  const base = prefix[from]!;
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (prefix[mid + 1]! > base) hi = mid;
    else lo = mid + 1;
  }
  return t.network.layers[lo]!.name;
}
