import { buildCostTables } from '../core/cost/tables';
import { evaluatePlan } from '../core/plan/evaluate';
import { planFromSpec, specOfPlan, type PlanSpec } from '../core/plan/types';
import { selectSchedule } from './schedule';
import { useStore } from './store';

/**
 * A typed window API for end-to-end tests: read the scenario, set plans and
 * ask the core for an independent evaluation without scraping the DOM.
 * Installed in every build; it exposes nothing the UI cannot already do.
 */
export interface ExplorerTestApi {
  scenario(): {
    model: string;
    platform: string;
    plan: Required<PlanSpec>;
    fps: number;
    periodMs: number;
    latencyMs: number;
    energyPerFrameMj: number;
    valid: boolean;
    problems: string[];
    layers: number;
  };
  setPlan(spec: PlanSpec): void;
  selectModel(id: string): Promise<void>;
  selectPlatform(id: string): Promise<void>;
  /** Evaluates a plan on the current network and platform from freshly built cost tables (not the store's). */
  evaluate(spec: PlanSpec): { fps: number; latencyMs: number; energyPerFrameMj: number; valid: boolean };
  undoDepth(): number;
  /** The Gantt's schedule: lane labels and every box (times in ms, frames and stages from 0). */
  schedule(): {
    lanes: string[];
    boxes: { lane: number; stage: number; frame: number; kind: number; start: number; end: number }[];
  };
}

const unitsOf = (id: string) => useStore.getState().platform.processors.find((p) => p.id === id)?.units ?? 1;

export function installTestApi(target: { __explorer?: ExplorerTestApi }): void {
  target.__explorer = {
    scenario: () => {
      const s = useStore.getState();
      const m = s.evaluation.metrics;
      return {
        model: s.modelId,
        platform: s.platform.id,
        plan: specOfPlan(s.plan),
        fps: m.fps,
        periodMs: m.periodMs,
        latencyMs: m.latencyMs,
        energyPerFrameMj: m.energyPerFrameMj,
        valid: s.evaluation.valid,
        problems: s.evaluation.problems.map((p) => p.message),
        layers: s.network.layers.length,
      };
    },
    setPlan: (spec) => {
      const s = useStore.getState();
      s.setPlan(planFromSpec(spec, s.network.layers.length, unitsOf));
    },
    selectModel: (id) => useStore.getState().selectModel(id),
    selectPlatform: (id) => useStore.getState().selectPlatform(id),
    evaluate: (spec) => {
      const s = useStore.getState();
      const tables = buildCostTables(s.network, s.platform);
      const e = evaluatePlan(tables, planFromSpec(spec, s.network.layers.length, unitsOf));
      const m = e.metrics;
      return { fps: m.fps, latencyMs: m.latencyMs, energyPerFrameMj: m.energyPerFrameMj, valid: e.valid };
    },
    undoDepth: () => useStore.getState().past.length,
    schedule: () => {
      const s = selectSchedule(useStore.getState());
      return {
        lanes: s.lanes.map((l) => l.label),
        boxes: Array.from(s.start, (start, i) => ({
          lane: s.lane[i]!,
          stage: s.stage[i]!,
          frame: s.frame[i]!,
          kind: s.kind[i]!,
          start,
          end: s.end[i]!,
        })),
      };
    },
  };
}
