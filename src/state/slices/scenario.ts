import type { StateCreator } from 'zustand';
import { buildCostTables, type CostTables } from '../../core/cost/tables';
import type { Network } from '../../core/model/types';
import { bestTwoStagePlan, DEFAULT_SCENARIO } from '../../core/plan/defaults';
import { addCut, assignStage, moveCut, processorForNewStage, removeCut } from '../../core/plan/edit';
import { evaluatePlan, type Evaluation } from '../../core/plan/evaluate';
import type { Plan } from '../../core/plan/types';
import { platformById } from '../../core/platform/presets';
import type { Platform } from '../../core/platform/types';
import { zooNetwork } from '../../core/zoo';
import { ExplorerError } from '../../core/errors';
import { evaluateOptionsFor } from '../../core/share/shareState';
import { cachedTables, rememberTables, tablesFor } from '../costTables';
import { searchClient } from '../searchClient';
import type { HistorySlice } from './history';
import { INITIAL_GOAL, type SearchSlice } from './search';

/** The part of the scenario that undo/redo restores; everything else is derived from it. */
export interface Snapshot {
  readonly modelId: string;
  readonly network: Network;
  readonly platform: Platform;
  readonly plan: Plan;
}

/** The scenario: which network, which platform, which plan, and what the core says about it. */
export interface ScenarioSlice extends Snapshot {
  tables: CostTables;
  evaluation: Evaluation;
  /** True while the cost worker builds tables for a new network or platform. */
  loading: boolean;
  /** Last user-facing error (bad id, failed load); shown in an alert. */
  error: string | null;
  /** Opens a zoo network with a sensible starting plan; resolves once its cost tables are in. */
  selectModel: (id: string) => Promise<void>;
  /** Opens a network that is not in the zoo (an ONNX import) with a sensible starting plan. */
  openNetwork: (network: Network) => Promise<void>;
  selectPlatform: (id: string) => Promise<void>;
  /** Replaces the platform (the editor's validated edits); the plan is kept and re-evaluated. */
  setPlatform: (platform: Platform) => Promise<void>;
  setPlan: (plan: Plan) => void;
  /** Moves split `i` (between stage i and i+1) to a layer position, clamped so no stage empties. */
  moveSplit: (i: number, position: number) => void;
  /** Adds a split before layer `position`; the new stage takes the fastest unused processor. */
  addSplit: (position: number) => void;
  /** Removes split `i`: stage i+1 joins stage i. */
  removeSplit: (i: number) => void;
  /** Runs stage `i` on another processor and/or unit count. */
  assignStage: (i: number, processor: string, units: number) => void;
  dismissError: () => void;
  /** Re-evaluates the current plan (after the objective or FPS target changed). */
  reevaluate: () => void;
  /**
   * Opens a whole scenario (a shared link, a plan file, a restored session) as one undo step.
   * Resolves once its cost tables are in.
   */
  loadScenario: (next: Snapshot & Partial<Pick<SearchSlice, 'objective' | 'minFps'>>) => Promise<void>;
  /** Applies a snapshot, re-deriving the evaluation (tables from the cache, else the cost worker). */
  applySnapshot: (next: Snapshot) => Promise<void>;
}

type Store = ScenarioSlice & SearchSlice & HistorySlice;

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

/**
 * The evaluation under the objective's rule (`evaluateOptionsFor`): at "min energy at FPS >= X"
 * frames arrive at X FPS, so idle energy accrues over 1000 / X ms, exactly as the CLI and a
 * shared link compute it.
 */
function derived(tables: CostTables, plan: Plan, goal: Pick<SearchSlice, 'objective' | 'minFps'>) {
  return { tables, evaluation: evaluatePlan(tables, plan, evaluateOptionsFor(goal.objective, goal.minFps)) };
}

const initialNetwork = zooNetwork(DEFAULT_SCENARIO.model);
const initialPlatform = platformById(DEFAULT_SCENARIO.platform);
// The opening scenario is built here, synchronously, so the first paint already shows its figures (~1 ms).
const initialTables = rememberTables(buildCostTables(initialNetwork, initialPlatform));
const initialPlan = startingPlan(initialTables);

/** A new network or platform makes a running search and its baselines stale. */
const staleSearch = (): Pick<SearchSlice, 'search'> => {
  searchClient.cancel();
  return { search: { state: 'idle', progress: 0 } };
};

export const createScenarioSlice: StateCreator<Store, [], [], ScenarioSlice> = (set, get) => {
  let latest = 0;
  /**
   * Gets the pair's cost tables (cache, else the cost worker), then applies
   * what `next` makes of them. Newest wins: a superseded load is dropped.
   * Synchronous when the tables are cached (undo, redo, plan edits).
   */
  const withTables = (network: Network, platform: Platform, then: (tables: CostTables) => void): Promise<void> => {
    const id = ++latest;
    const hit = cachedTables(network, platform);
    if (hit) {
      then(hit);
      if (id === latest) set({ loading: false });
      return Promise.resolve();
    }
    set({ loading: true });
    return tablesFor(network, platform).then(
      (tables) => {
        if (id !== latest) return;
        then(tables);
        set({ loading: false });
      },
      (e: unknown) => {
        if (id !== latest || (e instanceof ExplorerError && e.code === 'CANCELLED')) return;
        set({ loading: false, error: e instanceof Error ? e.message : String(e) });
      },
    );
  };
  /** Records the current snapshot for undo, then applies `next` (tables already cached). */
  const commit = (next: Snapshot) => {
    get().record();
    get().applySnapshot(next);
  };
  const failed = (e: unknown) => {
    set({ error: e instanceof Error ? e.message : String(e) });
    return Promise.resolve();
  };
  return {
    modelId: DEFAULT_SCENARIO.model,
    network: initialNetwork,
    platform: initialPlatform,
    plan: initialPlan,
    ...derived(initialTables, initialPlan, INITIAL_GOAL),
    loading: false,
    error: null,
    applySnapshot: (next) => {
      const s = get();
      const sameTables = next.network === s.network && next.platform === s.platform;
      if (sameTables) {
        set({ ...next, ...derived(s.tables, next.plan, s) });
        return Promise.resolve();
      }
      return withTables(next.network, next.platform, (tables) =>
        set({ ...next, ...derived(tables, next.plan, get()), ...staleSearch() }),
      );
    },
    selectModel: (id) => {
      let network: Network;
      try {
        network = zooNetwork(id);
      } catch (e) {
        return failed(e);
      }
      return withTables(network, get().platform, (tables) => {
        commit({ modelId: id, network, platform: get().platform, plan: startingPlan(tables) });
        set({ error: null });
      });
    },
    openNetwork: (network) =>
      withTables(network, get().platform, (tables) => {
        commit({ modelId: network.id, network, platform: get().platform, plan: startingPlan(tables) });
        set({ error: null });
      }),
    selectPlatform: (id) => {
      let platform: Platform;
      try {
        platform = platformById(id);
      } catch (e) {
        return failed(e);
      }
      return withTables(get().network, platform, (tables) => {
        commit({ modelId: get().modelId, network: get().network, platform, plan: startingPlan(tables) });
        set({ error: null });
      });
    },
    setPlatform: (platform) => withTables(get().network, platform, () => commit({ ...snapshotOf(get()), platform })),
    setPlan: (plan) => {
      get().record();
      const s = get();
      set({ plan, ...derived(s.tables, plan, s) });
    },
    moveSplit: (i, position) => {
      const plan = moveCut(get().plan, i, position);
      if (plan !== get().plan) get().setPlan(plan);
    },
    addSplit: (position) => {
      const s = get();
      const proc = processorForNewStage(s.tables, s.plan);
      const plan = addCut(s.plan, position, proc.id, proc.units);
      if (plan !== s.plan) s.setPlan(plan);
    },
    removeSplit: (i) => {
      const plan = removeCut(get().plan, i);
      if (plan !== get().plan) get().setPlan(plan);
    },
    assignStage: (i, processor, units) => {
      const plan = assignStage(get().plan, i, processor, units);
      if (plan !== get().plan) get().setPlan(plan);
    },
    dismissError: () => set({ error: null }),
    reevaluate: () => set(derived(get().tables, get().plan, get())),
    loadScenario: ({ objective, minFps, ...next }) => {
      set({ ...(objective ? { objective } : {}), ...(minFps !== undefined ? { minFps } : {}) });
      return withTables(next.network, next.platform, () => commit(next));
    },
  };
};

/** The undoable part of the state. O(1). */
export function snapshotOf(s: Snapshot): Snapshot {
  return { modelId: s.modelId, network: s.network, platform: s.platform, plan: s.plan };
}
