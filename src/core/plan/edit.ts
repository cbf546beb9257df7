import type { CostTables } from '../cost/tables';
import type { Plan, Stage } from './types';

/**
 * Plan edits used by split handles, the graph and the keyboard. Each returns a
 * new plan (never mutates) and keeps every stage non-empty, so a drag can
 * never produce an empty stage; all are O(stages).
 */

/** Positions cut `i` (between stage i and i+1) may take: [min, max], inclusive. */
export function cutRange(plan: Plan, i: number): [number, number] {
  const left = plan.stages[i]!;
  const right = plan.stages[i + 1]!;
  return [left.from + 1, right.to - 1];
}

/**
 * Moves cut `i` to `position` (clamped so neither neighbouring stage empties).
 * @example moveCut(plan, 0, 40) // stage 1 now ends before layer 40
 */
export function moveCut(plan: Plan, i: number, position: number): Plan {
  if (i < 0 || i >= plan.stages.length - 1) return plan;
  const [lo, hi] = cutRange(plan, i);
  const c = Math.min(hi, Math.max(lo, Math.round(position)));
  if (c === plan.stages[i]!.to) return plan;
  const stages = plan.stages.slice();
  stages[i] = { ...stages[i]!, to: c };
  stages[i + 1] = { ...stages[i + 1]!, from: c };
  return { stages };
}

/**
 * Adds a cut at `position`, splitting the stage that holds it; the new
 * (right) stage runs on `processor` with `units` units. A position at a stage
 * boundary or outside 1..n-1 leaves the plan unchanged.
 */
export function addCut(plan: Plan, position: number, processor: string, units: number): Plan {
  const c = Math.round(position);
  const k = plan.stages.findIndex((s) => s.from < c && c < s.to);
  if (k < 0) return plan;
  const s = plan.stages[k]!;
  const left: Stage = { ...s, to: c };
  const right: Stage = { from: c, to: s.to, processor, units };
  return { stages: [...plan.stages.slice(0, k), left, right, ...plan.stages.slice(k + 1)] };
}

/** Removes cut `i`: stage i+1's layers join stage i (which keeps its processor). */
export function removeCut(plan: Plan, i: number): Plan {
  if (i < 0 || i >= plan.stages.length - 1) return plan;
  const merged: Stage = { ...plan.stages[i]!, to: plan.stages[i + 1]!.to };
  return { stages: [...plan.stages.slice(0, i), merged, ...plan.stages.slice(i + 2)] };
}

/** Index of the cut nearest to `position` (ties go to the left one), or -1 without cuts. */
export function nearestCut(plan: Plan, position: number): number {
  let best = -1;
  let bestDist = Infinity;
  for (let i = 0; i + 1 < plan.stages.length; i++) {
    const d = Math.abs(plan.stages[i]!.to - position);
    if (d < bestDist) {
      bestDist = d;
      best = i;
    }
  }
  return best;
}

/** Stage index holding layer position `pos`, or -1. O(log stages). */
export function stageOfPosition(plan: Plan, pos: number): number {
  let lo = 0;
  let hi = plan.stages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = plan.stages[mid]!;
    if (pos < s.from) hi = mid - 1;
    else if (pos >= s.to) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * The processor a newly added stage should take: the fastest processor (whole
 * network alone) that the plan does not use yet, else the fastest one. O(P + stages).
 */
export function processorForNewStage(t: CostTables, plan: Plan): { id: string; units: number } {
  const used = new Set(plan.stages.map((s) => s.processor));
  const order = [...t.processors.keys()].sort((a, b) => t.singleProcessorMs[a]! - t.singleProcessorMs[b]!);
  const p = order.find((i) => !used.has(t.processors[i]!.id)) ?? order[0] ?? 0;
  const proc = t.processors[p]!;
  return { id: proc.id, units: proc.units };
}

/** Stage `i` moved to another processor and/or unit count (its layers unchanged). O(stages). */
export function assignStage(plan: Plan, i: number, processor: string, units: number): Plan {
  const s = plan.stages[i];
  if (!s || (s.processor === processor && s.units === units)) return plan;
  const stages = plan.stages.slice();
  stages[i] = { ...s, processor, units };
  return { stages };
}
