import type { CostTables } from '../cost/tables';
import { evaluatePlan, type Evaluation } from '../plan/evaluate';
import { specOfPlan, type Plan } from '../plan/types';
import { searchMinPeriodFast } from '../search/minPeriod';
import {
  codecTable,
  DEFAULT_ACCURACY_LOSS_PCT,
  DEFAULT_RATIOS,
  evaluateCompressedPlan,
  type CodecOptions,
  type CompressedEvaluation,
} from './quiltnet';
import { EXACT_MAX_PROCESSORS, searchCompressedExact } from './quiltnetExact';

export interface CompressedSearchResult {
  readonly plan: Plan;
  readonly evaluation: CompressedEvaluation;
  /** The exact max-FPS plan without autoencoders (the QuiltNet baseline), evaluated. */
  readonly uncompressed: { readonly plan: Plan; readonly evaluation: Evaluation };
  /** Distinct candidate cut/processor plans tried, and ratio assignments evaluated. */
  readonly candidates: number;
  readonly assignments: number;
  /** True when the plan is provably the max-FPS optimum (one-unit processors, fps objective, no stage limit). */
  readonly optimal: boolean;
}

/** Most ratio assignments enumerated per candidate plan; beyond it cuts are chosen one at a time. */
export const MAX_ASSIGNMENTS = 4096;

/**
 * Chooses cuts, processors and a compression ratio per cut for the highest FPS (ties: less energy)
 * within the accuracy budget; `objective: 'energy'` instead takes the least energy per frame among
 * assignments at least as fast as the uncompressed optimum.
 *
 * What is exact and what is not: for each candidate plan, every assignment of ratios to its cuts is
 * enumerated (exact; above MAX_ASSIGNMENTS, cut by cut instead). The candidate plans are the exact
 * max-FPS plans of the existing search with every cut's bytes divided by r, for r = 1 and each
 * allowed ratio, i.e. where cuts would go if compression were free and uniform. Then, for max FPS,
 * `searchCompressedExact` searches every plan of whole processors (one stage each) jointly over
 * cuts, order and ratios, bounded by the best so far. When every processor has one unit that covers
 * every plan and the result is optimal (`optimal: true`); otherwise plans splitting a processor's
 * units are covered only through the candidates. Never worse than the uncompressed optimum.
 *
 * Complexity: (1 + ratios) exact searches + candidates x (1 + ratios)^cuts evaluations of O(stages)
 * + one bounded exact pass (see searchCompressedExact).
 * @example searchCompressedPlan(buildCostTables(zooNetwork('resnet50'), platformById('accel4')))?.evaluation.ratios
 */
export function searchCompressedPlan(
  t: CostTables,
  options: CodecOptions & { readonly objective?: 'fps' | 'energy'; readonly maxStages?: number } = {},
): CompressedSearchResult | undefined {
  const ratios = options.ratios ?? DEFAULT_RATIOS;
  const loss = options.accuracyLossPct ?? DEFAULT_ACCURACY_LOSS_PCT;
  const budget = options.maxAccuracyLossPct ?? 1;
  const codec = codecTable(t);
  const searchOpts = options.maxStages !== undefined ? { maxStages: options.maxStages } : {};
  const plain = searchMinPeriodFast(t, searchOpts);
  if (!plain) return undefined;
  const uncompressed = { plan: plain.plan, evaluation: evaluatePlan(t, plain.plan) };
  const seen = new Set<string>();
  const candidates: Plan[] = [];
  const addCandidate = (plan: Plan) => {
    const key = JSON.stringify(specOfPlan(plan));
    if (!seen.has(key)) {
      seen.add(key);
      candidates.push(plan);
    }
  };
  addCandidate(plain.plan);
  for (const r of ratios) {
    const scaled = { ...t, crossing: t.crossing.map((x) => x / r) };
    const found = searchMinPeriodFast(scaled, searchOpts);
    if (found) addCandidate(found.plan);
  }
  const choices = [1, ...ratios];
  const minFps = uncompressed.evaluation.metrics.fps * (1 - 1e-9);
  const better = (a: CompressedEvaluation, b: CompressedEvaluation | undefined): boolean => {
    if (!a.valid || a.accuracyLossPct > budget + 1e-12) return false;
    if (!b) return true;
    if (options.objective === 'energy') {
      if (a.metrics.fps < minFps) return false;
      return a.metrics.energyPerFrameMj < b.metrics.energyPerFrameMj - 1e-12;
    }
    if (a.metrics.fps > b.metrics.fps * (1 + 1e-12)) return true;
    return a.metrics.fps >= b.metrics.fps * (1 - 1e-12) && a.metrics.energyPerFrameMj < b.metrics.energyPerFrameMj;
  };
  let best: { plan: Plan; evaluation: CompressedEvaluation } | undefined;
  let assignments = 0;
  for (const plan of candidates) {
    const cuts = plan.stages.length - 1;
    const consider = (assignment: number[]) => {
      assignments++;
      const e = evaluateCompressedPlan(t, plan, assignment, codec, loss);
      if (better(e, best?.evaluation)) best = { plan, evaluation: e };
      return e;
    };
    if (Math.pow(choices.length, cuts) <= MAX_ASSIGNMENTS) {
      const a = new Array<number>(cuts).fill(1);
      const walk = (i: number): void => {
        if (i === cuts) {
          consider([...a]);
          return;
        }
        for (const r of choices) {
          a[i] = r;
          walk(i + 1);
        }
      };
      walk(0);
    } else {
      // Cut by cut: keep the best ratio of each cut given the others (one coordinate-descent sweep).
      const a = new Array<number>(cuts).fill(1);
      for (let i = 0; i < cuts; i++) {
        let bestR = 1;
        let bestE: CompressedEvaluation | undefined;
        for (const r of choices) {
          a[i] = r;
          const e = consider([...a]);
          if (better(e, bestE)) {
            bestE = e;
            bestR = r;
          }
        }
        a[i] = bestR;
      }
    }
  }
  // Exact pass for whole-processor stages, bounded by the best plan so far: on platforms whose
  // processors all have one unit (QuiltNet's chips) it covers every plan, so the result is optimal.
  const oneUnit = t.processors.every((p) => p.units === 1);
  if (options.objective !== 'energy' && t.processors.length <= EXACT_MAX_PROCESSORS) {
    const exact = searchCompressedExact(t, {
      ratios,
      accuracyLossPct: loss,
      maxAccuracyLossPct: budget,
      ...(best ? { upperBoundMs: best.evaluation.metrics.periodMs } : {}),
    });
    const limitOk = !exact || options.maxStages === undefined || exact.plan.stages.length <= options.maxStages;
    if (exact && limitOk) {
      const e = evaluateCompressedPlan(t, exact.plan, exact.ratios, codec, loss);
      if (better(e, best?.evaluation)) best = { plan: exact.plan, evaluation: e };
    }
  }
  if (!best) return undefined;
  return {
    ...best,
    uncompressed,
    candidates: candidates.length,
    assignments,
    optimal: oneUnit && options.objective !== 'energy' && options.maxStages === undefined,
  };
}
