import type { StateCreator } from 'zustand';
import type { CostTables } from '../../core/cost/tables';
import type { Plan } from '../../core/plan/types';
import { isZooNetwork, measuredOf } from '../costTables';
import { searchClient } from '../searchClient';
import type { ScenarioSlice } from './scenario';
import type { SearchSlice } from './search';

/** One plan of the FPS-vs-energy front, with the figures the chart plots (frames back to back). */
export interface FrontPoint {
  readonly plan: Plan;
  readonly fps: number;
  /** Energy per frame, mJ, idle power counted over one period. */
  readonly energyMj: number;
  readonly latencyMs: number;
}

export interface FrontStatus {
  readonly state: 'idle' | 'running' | 'done' | 'error';
  /** 0..1 while running. */
  readonly progress: number;
  /** Fastest first. */
  readonly points?: readonly FrontPoint[];
  /** The cost tables the front was computed on: it is shown only while the scenario still has them. */
  readonly tables?: CostTables;
  readonly truncated?: boolean;
  readonly searchMs?: number;
  readonly message?: string;
}

/** The exact FPS-vs-energy Pareto front of the current scenario, computed in the search worker on request. */
export interface FrontSlice {
  front: FrontStatus;
  computeFront: () => Promise<void>;
  cancelFront: () => void;
}

export const FRONT_IDLE: FrontStatus = { state: 'idle', progress: 0 };

type Store = ScenarioSlice & SearchSlice & FrontSlice;

export const createFrontSlice: StateCreator<Store, [], [], FrontSlice> = (set, get) => {
  // Which request owns the status: one superseded by a newer front, a search or a new scenario must not touch it.
  let latest = 0;
  return {
    front: FRONT_IDLE,
    computeFront: async () => {
      const id = ++latest;
      const s = get();
      const measured = measuredOf(s.platform);
      const tables = s.tables;
      // One worker runs one request: starting the front stops a running search, so release its status.
      if (s.search.state === 'running') set({ search: { state: 'idle', progress: 0, message: 'Search stopped.' } });
      set({ front: { state: 'running', progress: 0 } });
      try {
        const response = await searchClient.pareto(
          {
            model: s.modelId,
            platform: s.platform,
            options: {},
            ...(isZooNetwork(s.network) ? {} : { network: s.network }),
            ...(measured ? { measured } : {}),
          },
          (progress) => {
            if (id === latest && get().front.state === 'running') set({ front: { state: 'running', progress } });
          },
        );
        if (id !== latest) return;
        const points = response.front.map(({ plan, evaluation: { metrics } }) => ({
          plan,
          fps: metrics.fps,
          energyMj: metrics.energyPerFrameMj,
          latencyMs: metrics.latencyMs,
        }));
        set({
          front: {
            state: 'done',
            progress: 1,
            points,
            tables,
            truncated: response.truncated,
            searchMs: response.searchMs,
          },
        });
      } catch (e) {
        if (id !== latest) return;
        const message = e instanceof Error ? e.message : String(e);
        if (/cancelled/i.test(message)) {
          if (get().front.state === 'running') set({ front: { ...FRONT_IDLE, message: 'Front computation stopped.' } });
          return;
        }
        set({ front: { state: 'error', progress: 0, message } });
      }
    },
    cancelFront: () => {
      latest++;
      searchClient.cancel();
      set({ front: { ...FRONT_IDLE, message: 'Front computation cancelled.' } });
    },
  };
};
