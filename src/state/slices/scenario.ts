import type { StateCreator } from 'zustand';
import { buildCostTables, type CostTables } from '../../core/cost/tables';
import type { Network } from '../../core/model/types';
import { bestTwoStagePlan, DEFAULT_SCENARIO } from '../../core/plan/defaults';
import { evaluatePlan, type Evaluation } from '../../core/plan/evaluate';
import { moveCut } from '../../core/plan/edit';
import type { Plan } from '../../core/plan/types';
import { platformById } from '../../core/platform/presets';
import type { Platform } from '../../core/platform/types';
import { zooNetwork } from '../../core/zoo';
import { searchClient } from '../searchClient';
import type { SearchSlice } from './search';

/** The scenario: which network, which platform, which plan, and what the core says about it. */
export interface ScenarioSlice {
  modelId: string;
  network: Network;
  platform: Platform;
  tables: CostTables;
  plan: Plan;
  evaluation: Evaluation;
  /** Last user-facing error (bad id, failed load); shown in an alert. */
  error: string | null;
  selectModel: (id: string) => void;
  selectPlatform: (id: string) => void;
  setPlan: (plan: Plan) => void;
  /** Moves split `i` (between stage i and i+1) to a layer position, clamped so no stage empties. */
  moveSplit: (i: number, position: number) => void;
}

/** A two-stage plan on the platform's two fastest processors, best cut between them. */
function startingPlan(tables: CostTables): Plan {
  const ids = tables.platform.processors.map((p) => p.id);
  if (ids.includes(DEFAULT_SCENARIO.first) && ids.includes(DEFAULT_SCENARIO.second)) {
    return bestTwoStagePlan(tables, DEFAULT_SCENARIO.first, DEFAULT_SCENARIO.second);
  }
  const bySpeed = [...tables.singleProcessorMs.keys()].sort(
    (a, b) => tables.singleProcessorMs[a]! - tables.singleProcessorMs[b]!,
  );
  const [a, b] = bySpeed.map((i) => ids[i]!);
  return b === undefined ? bestTwoStagePlan(tables, a!, a!) : bestTwoStagePlan(tables, b, a!);
}

function derive(network: Network, platform: Platform, plan?: Plan) {
  const tables = buildCostTables(network, platform);
  const chosen = plan ?? startingPlan(tables);
  return { network, platform, tables, plan: chosen, evaluation: evaluatePlan(tables, chosen) };
}

const initial = derive(zooNetwork(DEFAULT_SCENARIO.model), platformById(DEFAULT_SCENARIO.platform));

/** A new network or platform makes a running search and its baselines stale. */
const staleSearch = (): Pick<SearchSlice, 'search'> => {
  searchClient.cancel();
  return { search: { state: 'idle', progress: 0 } };
};

export const createScenarioSlice: StateCreator<ScenarioSlice & SearchSlice, [], [], ScenarioSlice> = (set, get) => ({
  modelId: DEFAULT_SCENARIO.model,
  ...initial,
  error: null,
  selectModel: (id) => {
    try {
      set({ modelId: id, ...derive(zooNetwork(id), get().platform), error: null, ...staleSearch() });
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e) });
    }
  },
  selectPlatform: (id) => {
    try {
      set({ ...derive(get().network, platformById(id)), error: null, ...staleSearch() });
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e) });
    }
  },
  setPlan: (plan) => set({ plan, evaluation: evaluatePlan(get().tables, plan) }),
  moveSplit: (i, position) => {
    const plan = moveCut(get().plan, i, position);
    if (plan !== get().plan) get().setPlan(plan);
  },
});
