import { create } from 'zustand';
import { createScenarioSlice, type ScenarioSlice } from './slices/scenario';
import { createSearchSlice, type SearchSlice } from './slices/search';
import { createViewSlice, type ViewSlice } from './slices/view';

/** The one app store, built from slices (zustand slices pattern). */
export type AppState = ScenarioSlice & SearchSlice & ViewSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createScenarioSlice(...a),
  ...createSearchSlice(...a),
  ...createViewSlice(...a),
}));
