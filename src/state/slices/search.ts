import type { StateCreator } from 'zustand';
import type { Baselines } from '../../core/search/baselines';
import type { Objective } from '../../core/search/types';
import { isZooNetwork, measuredOf } from '../costTables';
import { searchClient } from '../searchClient';
import { FRONT_IDLE, type FrontSlice } from './front';
import type { HistorySlice } from './history';
import type { ScenarioSlice } from './scenario';

export interface SearchStatus {
  readonly state: 'idle' | 'running' | 'done' | 'error';
  /** 0..1 while running. */
  readonly progress: number;
  readonly message?: string;
  readonly searchMs?: number;
  readonly baselines?: Baselines;
}

/** The optimizer: objective, FPS target, and the worker search's status. */
export interface SearchSlice {
  objective: Objective;
  /** FPS target for the latency and energy objectives. */
  minFps: number;
  search: SearchStatus;
  setObjective: (objective: Objective) => void;
  setMinFps: (fps: number) => void;
  optimize: () => Promise<void>;
  cancelSearch: () => void;
}

const IDLE: SearchStatus = { state: 'idle', progress: 0 };

/** The optimizer's goal when the app opens. */
export const INITIAL_GOAL = { objective: 'fps' as Objective, minFps: 30 };

export const createSearchSlice: StateCreator<
  ScenarioSlice & SearchSlice & HistorySlice & FrontSlice,
  [],
  [],
  SearchSlice
> = (set, get) => ({
  ...INITIAL_GOAL,
  search: IDLE,
  setObjective: (objective) => {
    set({ objective });
    get().reevaluate();
  },
  setMinFps: (minFps) => {
    set({ minFps });
    get().reevaluate();
  },
  optimize: async () => {
    const s = get();
    const measured = measuredOf(s.platform);
    set({ search: { state: 'running', progress: 0 } });
    // One worker runs one request: this search stops a front being computed, so release its status.
    if (s.front.state === 'running') set({ front: { ...FRONT_IDLE, message: 'Front computation stopped.' } });
    try {
      const result = await searchClient.search(
        {
          model: s.modelId,
          platform: s.platform,
          options: { objective: s.objective, ...(s.objective !== 'fps' ? { minFps: s.minFps } : {}) },
          // An imported network travels to the worker; a zoo one is rebuilt there from its id.
          ...(isZooNetwork(s.network) ? {} : { network: s.network }),
          ...(measured ? { measured } : {}),
        },
        (progress) => {
          if (get().search.state === 'running') set({ search: { state: 'running', progress } });
        },
      );
      get().setPlan(result.plan);
      set({ search: { state: 'done', progress: 1, searchMs: result.searchMs, baselines: result.baselines } });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      // A newer request (or Cancel) superseded this one: whoever superseded it owns the status.
      if (/cancelled/i.test(message)) return;
      set({ search: { state: 'error', progress: 0, message } });
    }
  },
  cancelSearch: () => {
    searchClient.cancel();
    set({ search: { ...IDLE, message: 'Search cancelled.' } });
  },
});
