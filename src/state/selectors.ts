import { evaluatePlan } from '../core/plan/evaluate';
import { layerTimesForPlan } from '../core/plan/layerTimes';
import type { AppState } from './store';

/** Module-scope selectors (stable identities, see STYLE.md habit 4). */
export const selectNetwork = (s: AppState) => s.network;
export const selectPlatform = (s: AppState) => s.platform;
export const selectPlan = (s: AppState) => s.plan;
export const selectEvaluation = (s: AppState) => s.evaluation;
export const selectTables = (s: AppState) => s.tables;
export const selectError = (s: AppState) => s.error;

// Keyed on the evaluation object: a new one is made whenever the plan, network or platform changes.
const layerTimesCache = new WeakMap<object, ReturnType<typeof layerTimesForPlan>>();
/** Per-layer times for the current plan, memoized. */
export const selectLayerTimes = (s: AppState) => {
  let hit = layerTimesCache.get(s.evaluation);
  if (!hit) {
    hit = layerTimesForPlan(s.tables, s.plan);
    layerTimesCache.set(s.evaluation, hit);
  }
  return hit;
};

const backToBackCache = new WeakMap<object, ReturnType<typeof evaluatePlan>['metrics']>();
/**
 * The current plan's metrics with frames back to back (no FPS target), as the FPS-vs-energy front
 * counts them: the store's evaluation already is that, except under "min energy at FPS >= X". Memoized.
 */
export const selectBackToBackMetrics = (s: AppState) => {
  if (s.objective !== 'energy') return s.evaluation.metrics;
  let hit = backToBackCache.get(s.evaluation);
  if (!hit) {
    hit = evaluatePlan(s.tables, s.plan).metrics;
    backToBackCache.set(s.evaluation, hit);
  }
  return hit;
};
