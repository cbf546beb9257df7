import { stageComputeMs, type CostTables } from '../cost/tables';
import { evaluatePlan } from './evaluate';
import type { Plan } from './types';

/**
 * The best single cut between two given processors (first runs the prefix,
 * second the suffix), each on all its units: every cut 1..n-1 is evaluated.
 * This is a scan over one cut, not the full search; it gives the app a
 * sensible starting plan. O(n) evaluations of O(1) each.
 */
export function bestTwoStagePlan(t: CostTables, first: string, second: string): Plan {
  const p = t.processorIndex.get(first);
  const q = t.processorIndex.get(second);
  if (p === undefined || q === undefined || t.n < 2) {
    return { stages: [{ from: 0, to: t.n, processor: first, units: t.processors[p ?? 0]!.units }] };
  }
  const up = t.processors[p]!.units;
  const uq = t.processors[q]!.units;
  let best: Plan | undefined;
  let bestPeriod = Infinity;
  for (let c = 1; c < t.n; c++) {
    // Cheap lower bound first: skip cuts whose compute alone is already worse.
    if (Math.max(stageComputeMs(t, p, up, 0, c), stageComputeMs(t, q, uq, c, t.n)) >= bestPeriod) continue;
    const plan: Plan = {
      stages: [
        { from: 0, to: c, processor: first, units: up },
        { from: c, to: t.n, processor: second, units: uq },
      ],
    };
    const e = evaluatePlan(t, plan);
    if (e.valid && e.metrics.periodMs < bestPeriod) {
      bestPeriod = e.metrics.periodMs;
      best = plan;
    }
  }
  return best ?? { stages: [{ from: 0, to: t.n, processor: first, units: up }] };
}

/** The scenario the app opens with. */
export const DEFAULT_SCENARIO = {
  model: 'resnet50',
  platform: 'hikey970',
  /** Stage 1 on the Mali GPU, stage 2 on the NPU; the cut is the best one between them. */
  first: 'gpu',
  second: 'npu',
} as const;
