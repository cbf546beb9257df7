import { stageComputeMs, type CostTables } from '../cost/tables';
import type { Plan } from './types';

/**
 * Per-layer time (ms) on the processor and units its stage assigns, and the
 * stage index of each layer (-1 where no stage covers it). For the layer strip.
 * O(n + stages).
 */
export function layerTimesForPlan(t: CostTables, plan: Plan): { ms: Float64Array; stage: Int16Array } {
  const ms = new Float64Array(t.n);
  const stage = new Int16Array(t.n).fill(-1);
  plan.stages.forEach((s, i) => {
    const p = t.processorIndex.get(s.processor);
    if (p === undefined || s.units < 1 || s.units > t.processors[p]!.units) return;
    for (let l = Math.max(0, s.from); l < Math.min(t.n, s.to); l++) {
      ms[l] = stageComputeMs(t, p, s.units, l, l + 1);
      stage[l] = i;
    }
  });
  return { ms, stage };
}
