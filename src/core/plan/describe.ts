import type { Plan } from './types';

/**
 * A plan in one line, stage by stage: processor, ×units when more than one, and its layers
 * (inclusive), e.g. `gpu[0-41] | npu[42-174]`. Shared by the CLI tables and the app. O(stages).
 */
export function describePlan(plan: Plan): string {
  return plan.stages.map((s) => `${s.processor}${s.units > 1 ? `×${s.units}` : ''}[${s.from}-${s.to - 1}]`).join(' | ');
}
