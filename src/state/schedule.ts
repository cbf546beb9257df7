import { simulate, type Schedule } from '../core/schedule/simulate';
import type { AppState } from './store';

/** Frames the Gantt chart shows: enough to fill the pipeline and see a few frames in steady state. */
export const GANTT_FRAMES = 10;

// Keyed on the evaluation object: the store makes a new one whenever the plan, network or platform changes,
// so a split drag simulates once per new plan (about 0.02 ms) and every other render is a cache hit.
const scheduleCache = new WeakMap<object, Schedule>();

/** The simulated schedule of GANTT_FRAMES frames for the current evaluation, memoized. */
export const selectSchedule = (s: AppState): Schedule => {
  let hit = scheduleCache.get(s.evaluation);
  if (!hit) {
    hit = simulate(s.evaluation, { frames: GANTT_FRAMES });
    scheduleCache.set(s.evaluation, hit);
  }
  return hit;
};
