import { specOfPlan } from '../core/plan/types';
import { planFromSpec, type PlanSpec } from '../core/plan/types';
import { selectSchedule } from './schedule';
import { useStore } from './store';

/**
 * A typed window API for end-to-end tests: read the scenario and set plans
 * without scraping the DOM. Installed in every build; it exposes nothing the
 * UI cannot already do.
 */
export interface ExplorerTestApi {
  scenario(): {
    model: string;
    platform: string;
    plan: Required<PlanSpec>;
    fps: number;
    periodMs: number;
    valid: boolean;
  };
  setPlan(spec: PlanSpec): void;
  selectModel(id: string): void;
  selectPlatform(id: string): void;
  /** The Gantt's schedule: lane labels and every box (times in ms, frames and stages from 0). */
  schedule(): {
    lanes: string[];
    boxes: { lane: number; stage: number; frame: number; kind: number; start: number; end: number }[];
  };
}

export function installTestApi(target: { __explorer?: ExplorerTestApi }): void {
  target.__explorer = {
    scenario: () => {
      const s = useStore.getState();
      return {
        model: s.modelId,
        platform: s.platform.id,
        plan: specOfPlan(s.plan),
        fps: s.evaluation.metrics.fps,
        periodMs: s.evaluation.metrics.periodMs,
        valid: s.evaluation.valid,
      };
    },
    setPlan: (spec) => {
      const s = useStore.getState();
      s.setPlan(
        planFromSpec(spec, s.network.layers.length, (id) => s.platform.processors.find((p) => p.id === id)?.units ?? 1),
      );
    },
    selectModel: (id) => useStore.getState().selectModel(id),
    selectPlatform: (id) => useStore.getState().selectPlatform(id),
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
