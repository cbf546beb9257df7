import type { StateCreator } from 'zustand';
import { ExplorerError } from '../../core/errors';
import { planFromSpec } from '../../core/plan/types';
import { zooNetwork } from '../../core/zoo';
import type { ScenarioOpening } from '../../workers/researchApi';
import { ResearchClient } from '../../workers/researchClient';
import type { ScenarioSlice } from './scenario';

/** The research scenario on screen: its comparison (cost model) and the paper's figure. */
export interface ResearchSlice {
  research: {
    readonly state: 'idle' | 'running' | 'open';
    /** The scenario being opened or shown. */
    readonly id?: string;
    readonly opening?: ScenarioOpening;
  };
  /**
   * Runs scenario `id` (in a worker) and, unless `load` is false, opens its network, platform and plan
   * as one undo step. `load: false` keeps the current plan (a shared link that carried its own edits).
   * Resolves once everything is in; errors go to the app's alert.
   */
  openScenario: (id: string, options?: { readonly load?: boolean }) => Promise<void>;
  /** Hides the scenario panel; the explorer keeps what it shows. */
  closeScenario: () => void;
}

const client = new ResearchClient();

export const createResearchSlice: StateCreator<ResearchSlice & ScenarioSlice, [], [], ResearchSlice> = (set, get) => ({
  research: { state: 'idle' },
  openScenario: async (id, options) => {
    set({ research: { state: 'running', id } });
    let opening: ScenarioOpening;
    try {
      opening = await client.open(id);
    } catch (e) {
      if (e instanceof ExplorerError && e.code === 'CANCELLED') return;
      set({ research: { state: 'idle' }, error: e instanceof Error ? e.message : String(e) });
      return;
    }
    if (options?.load !== false) {
      const network = zooNetwork(opening.modelId);
      const platform = opening.result.platform;
      const units = (p: string) => platform.processors.find((x) => x.id === p)?.units ?? 1;
      await get().loadScenario({
        modelId: opening.modelId,
        network,
        platform,
        plan: planFromSpec(opening.plan, network.layers.length, units),
        objective: 'fps',
      });
    }
    if (get().research.id === id) set({ research: { state: 'open', id, opening } });
  },
  closeScenario: () => {
    client.cancel();
    set({ research: { state: 'idle' } });
  },
});

/**
 * The open scenario while the explorer still shows its network and platform (edits to the plan or
 * the platform's figures keep it; picking another network or platform leaves it). O(1).
 */
export const selectShownScenario = (
  s: ResearchSlice & Pick<ScenarioSlice, 'modelId' | 'platform'>,
): ScenarioOpening | undefined => {
  const o = s.research.state === 'open' ? s.research.opening : undefined;
  return o && o.modelId === s.modelId && o.result.platform.id === s.platform.id ? o : undefined;
};
