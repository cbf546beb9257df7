import type { StateCreator } from 'zustand';

/** Transient view state shared by every chart (not undoable, not part of a plan). */
export interface ViewSlice {
  /** Stage under the pointer in any view (graph, strip, Gantt, metrics), for cross-highlighting. */
  hoveredStage: number | null;
  setHoveredStage: (stage: number | null) => void;
}

export const createViewSlice: StateCreator<ViewSlice, [], [], ViewSlice> = (set) => ({
  hoveredStage: null,
  setHoveredStage: (hoveredStage) => set({ hoveredStage }),
});
