import type { CostTables } from '../cost/tables';
import { evaluatePlan, type Evaluation } from '../plan/evaluate';
import type { Plan, Stage } from '../plan/types';
import type { Pins } from './types';

/**
 * Every plan the search may return, one by one: all stage counts, cuts,
 * processor orders and unit counts within each processor's units, honouring
 * a stage limit and pins. Exponential: the reference the exact search is
 * checked against in tests and benches, for tiny instances only.
 */
export function* allPlans(t: CostTables, maxStages = Infinity, pins: Pins = {}): Generator<Plan> {
  const P = t.processors.length;
  const free = t.processors.map((p) => p.units);
  const pinnedCuts = new Set(pins.cuts ?? []);
  const layerPins = (pins.layers ?? []).map((l) => ({ layer: l.layer, p: t.processorIndex.get(l.processor) }));
  const stages: Stage[] = [];
  function* extend(from: number): Generator<Plan> {
    if (from === t.n) {
      yield { stages: [...stages] };
      return;
    }
    if (stages.length >= maxStages) return;
    for (let to = from + 1; to <= t.n; to++) {
      // A pinned cut strictly inside the stage is not allowed.
      let crossesPin = false;
      for (let c = from + 1; c < to; c++) if (pinnedCuts.has(c)) crossesPin = true;
      if (crossesPin) break;
      for (let p = 0; p < P; p++) {
        if (layerPins.some((l) => l.layer >= from && l.layer < to && l.p !== p)) continue;
        for (let k = 1; k <= free[p]!; k++) {
          free[p]! -= k;
          stages.push({ from, to, processor: t.processors[p]!.id, units: k });
          yield* extend(to);
          stages.pop();
          free[p]! += k;
        }
      }
    }
  }
  yield* extend(0);
}

/** The valid plan minimizing `score` (ties: first found), by exhaustive enumeration. */
export function bruteForceBest(
  t: CostTables,
  score: (e: Evaluation) => number,
  options: { maxStages?: number; pins?: Pins; inputFps?: number } = {},
): { plan: Plan; evaluation: Evaluation; score: number } | undefined {
  let best: { plan: Plan; evaluation: Evaluation; score: number } | undefined;
  const evalOptions = options.inputFps !== undefined ? { inputFps: options.inputFps } : {};
  for (const plan of allPlans(t, options.maxStages, options.pins)) {
    const evaluation = evaluatePlan(t, plan, evalOptions);
    if (!evaluation.valid) continue;
    const s = score(evaluation);
    if (!best || s < best.score) best = { plan, evaluation, score: s };
  }
  return best;
}
