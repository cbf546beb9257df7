import type { CostTables } from '../cost/tables';
import { stageMemoryBudgetBytes, stageMemoryBytes, transferCost } from '../cost/tables';
import { evaluatePlan, type Evaluation } from '../plan/evaluate';
import type { Plan, Stage } from '../plan/types';
import type { Found, Pins } from './types';

/** Idle power of all processors together (W): what every frame pays per ms of period. O(P). */
export function idlePowerW(t: CostTables): number {
  return t.processors.reduce((sum, p) => sum + p.idlePowerW, 0);
}

/** Energy above idle of an evaluated plan (mJ per frame): what the energy searches minimize. O(P). */
export function energyAboveIdleMj(t: CostTables, e: Evaluation): number {
  return e.metrics.energyPerFrameMj - idlePowerW(t) * e.metrics.periodMs;
}

export interface SameEnergyLimits {
  /** The found plan may use at most this energy above idle (mJ per frame). */
  readonly maxAboveIdleMj: number;
  readonly maxStages?: number;
  readonly pins?: Pins;
}

/**
 * A faster plan than `plan` (whose evaluation the caller may pass) using no more energy above idle
 * than the limit, or undefined.
 *
 * Stages in a row on the same processor with the same unit count pass no tensor (shared memory),
 * and their energy is the processor's power share times their summed compute time: moving the
 * cuts between them, or splitting them once more on free units of that processor, leaves the
 * energy unchanged (up to rounding) and can only balance them. So while the bottleneck is such a
 * stage, its run is cut again into equal-as-possible parts (the least bottleneck for that many
 * parts, by bisection over a greedy cut), keeping memory, pinned cuts and the stage limit.
 * Why: on clusters of identical cores the least-energy plans under a period limit are many such
 * splits, one layer apart in period; the Pareto loop would otherwise meet them one by one.
 *
 * Complexity: O(rounds * (60 * run length + stages)), rounds <= layers.
 */
export function fasterAtSameEnergy(
  t: CostTables,
  plan: Plan,
  limits: SameEnergyLimits,
  evaluation: Evaluation = evaluatePlan(t, plan),
): Found | undefined {
  let current = plan;
  let found: Found | undefined;
  const pinned = new Set(limits.pins?.cuts ?? []);
  for (let round = 0; round < t.n && evaluation.valid; round++) {
    const bottleneck = evaluation.metrics.bottleneck;
    if (bottleneck.kind !== 'stage') break;
    const stages = current.stages;
    const i = bottleneck.index;
    const same = (s: Stage): boolean => s.processor === stages[i]!.processor && s.units === stages[i]!.units;
    let first = i;
    let last = i;
    while (first > 0 && same(stages[first - 1]!)) first--;
    while (last + 1 < stages.length && same(stages[last + 1]!)) last++;
    const r = t.processorIndex.get(stages[i]!.processor)!;
    const k = stages[i]!.units;
    const used = stages.reduce((sum, s) => (s.processor === stages[i]!.processor ? sum + s.units : sum), 0);
    const runParts = last - first + 1;
    const counts: number[] = [];
    if (t.processors[r]!.units - used >= k && (limits.maxStages ?? Infinity) > stages.length) counts.push(runParts + 1);
    if (runParts > 1) counts.push(runParts); // one stage alone cannot be balanced
    if (counts.length === 0) break;
    // The run's last stage also sends to the next stage; without DMA that keeps it busy.
    const next = stages[last + 1];
    const nextProc = next ? t.processorIndex.get(next.processor) : undefined;
    const x = nextProc === undefined ? undefined : transferCost(t, stages[last]!.to, r, nextProc);
    const sendMs = x?.link && !x.link.overlapsCompute ? x.ms : 0;
    let better: { plan: Plan; evaluation: Evaluation } | undefined;
    for (const parts of counts) {
      const cuts = balancedCuts(t, r, k, stages[first]!.from, stages[last]!.to, parts, sendMs, pinned);
      if (!cuts) continue;
      const run: Stage[] = [];
      for (let j = 0; j + 1 < cuts.length; j++) {
        run.push({ from: cuts[j]!, to: cuts[j + 1]!, processor: stages[i]!.processor, units: k });
      }
      const candidate: Plan = { stages: [...stages.slice(0, first), ...run, ...stages.slice(last + 1)] };
      const e = evaluatePlan(t, candidate);
      if (
        e.valid &&
        e.metrics.periodMs < evaluation.metrics.periodMs * (1 - 1e-12) &&
        energyAboveIdleMj(t, e) <= limits.maxAboveIdleMj
      ) {
        better = { plan: candidate, evaluation: e };
        break;
      }
    }
    if (!better) break;
    current = better.plan;
    evaluation = better.evaluation;
    found = better;
  }
  return found;
}

/**
 * Cut positions from `from` to `to` (both included) splitting layers [from, to) on k units of
 * processor r into at most `parts` stages with the least bottleneck: the last stage's time includes
 * `lastExtraMs`, every stage fits its memory share, no pinned cut falls inside a stage. Undefined
 * when even one stage per layer does not fit. O(60 * (to - from)).
 */
function balancedCuts(
  t: CostTables,
  r: number,
  k: number,
  from: number,
  to: number,
  parts: number,
  lastExtraMs: number,
  pinned: ReadonlySet<number>,
): number[] | undefined {
  const prefix = t.timePrefix[r]![k - 1]!;
  const budget = stageMemoryBudgetBytes(t.processors[r]!, k);
  // Greedy: each stage as long as the bound allows. Fewest stages for a bound, since every
  // constraint only gets easier as a stage gets shorter.
  const greedy = (bound: number): number[] | undefined => {
    const cuts = [from];
    let a = from;
    while (a < to) {
      let b = a;
      while (b < to) {
        const end = b + 1;
        const ms = prefix[end]! - prefix[a]! + (end === to ? lastExtraMs : 0);
        if (ms > bound || stageMemoryBytes(t, r, a, end) > budget) break;
        b = end;
        if (pinned.has(b)) break;
      }
      if (b === a) return undefined;
      cuts.push(b);
      a = b;
      if (cuts.length - 1 > parts) return undefined;
    }
    return cuts;
  };
  let hi = prefix[to]! - prefix[from]! + lastExtraMs;
  if (!greedy(hi)) return undefined;
  let lo = 0;
  for (let i = 0; i < 60 && lo < hi; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (greedy(mid)) hi = mid;
    else lo = mid;
  }
  return greedy(hi);
}
