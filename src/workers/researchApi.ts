import { buildCostTables } from '../core/cost/tables';
import type { PlanSpec } from '../core/plan/types';
import { specOfPlan } from '../core/plan/types';
import { searchMinPeriod } from '../core/search/minPeriod';
import { searchPlan } from '../core/search/searchPlan';
import { runScenario, scenarioById, type ScenarioResult } from '../core/strategies/scenarios';
import { zooNetwork } from '../core/zoo';

/** A scenario ready to open in the explorer: its comparison and the pipeline plan to show. */
export interface ScenarioOpening {
  readonly result: ScenarioResult;
  /** The zoo id of the scenario's network. */
  readonly modelId: string;
  readonly plan: Required<PlanSpec>;
  /**
   * True when `plan` is the line's own strategy; false when the strategy is not a pipeline
   * (CAP's intra-layer partitions, LCP's branches) and the explorer shows the comparison's pipeline row instead.
   */
  readonly planIsStrategy: boolean;
}

/**
 * The research service, plain and synchronous so Node tests call it directly;
 * `research.worker.ts` exposes it with comlink, and the client runs it
 * same-thread where workers are unavailable.
 */
export function createResearchApi() {
  return {
    /** Runs scenario `id` (tens to hundreds of ms). Throws UNKNOWN_SCENARIO. */
    open(id: string): ScenarioOpening {
      const result = runScenario(id);
      const modelId = scenarioById(id).networkId;
      if (result.plan) {
        const { cuts, procs, units } = result.plan;
        return { result, modelId, plan: { cuts, procs, units }, planIsStrategy: true };
      }
      const t = buildCostTables(zooNetwork(modelId), result.platform);
      // The same pipeline as the comparison's pipeline row: CAP's is over whole quadrants (the exact
      // search with per-stage core counts on 4 x 4 units takes seconds), LCP's is the exact search.
      const whole = scenarioById(id).strategy === 'cap' ? searchMinPeriod(t, { wholeProcessors: true }) : undefined;
      const plan = whole ? whole.plan : searchPlan(t).plan;
      return { result, modelId, plan: specOfPlan(plan), planIsStrategy: false };
    },
  };
}

export type ResearchApi = ReturnType<typeof createResearchApi>;
