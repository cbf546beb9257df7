import { create } from 'zustand';
import { createScenarioSlice, type ScenarioSlice } from './slices/scenario';

/** The one app store, built from slices (zustand slices pattern). */
export type AppState = ScenarioSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createScenarioSlice(...a),
}));
