import { create } from 'zustand';
import { createClassroomSlice, type ClassroomSlice } from './slices/classroom';
import { createFrontSlice, type FrontSlice } from './slices/front';
import { createHistorySlice, type HistorySlice } from './slices/history';
import { createImportsSlice, type ImportsSlice } from './slices/imports';
import { createResearchSlice, type ResearchSlice } from './slices/research';
import { createScenarioSlice, type ScenarioSlice } from './slices/scenario';
import { createSearchSlice, type SearchSlice } from './slices/search';
import { createSessionSlice, type SessionSlice } from './slices/session';
import { createViewSlice, type ViewSlice } from './slices/view';

/** The one app store, built from slices (zustand slices pattern). */
export type AppState = ScenarioSlice &
  SearchSlice &
  FrontSlice &
  HistorySlice &
  ViewSlice &
  SessionSlice &
  ResearchSlice &
  ClassroomSlice &
  ImportsSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createScenarioSlice(...a),
  ...createSearchSlice(...a),
  ...createFrontSlice(...a),
  ...createHistorySlice(...a),
  ...createViewSlice(...a),
  ...createSessionSlice(...a),
  ...createImportsSlice(...a),
  ...createResearchSlice(...a),
  ...createClassroomSlice(...a),
}));
