import type { StateCreator } from 'zustand';

/** Where presentation mode is remembered. */
export const PRESENTATION_KEY = 'dnn-partition-explorer/presentation/v1';

/** Classroom aids: the guided tour and presentation mode (not undoable, not shared). */
export interface ClassroomSlice {
  /** Step of the guided tour on screen, or null when it is closed. */
  tourStep: number | null;
  setTourStep: (step: number | null) => void;
  /** Larger type, thicker lines, high contrast; remembered in localStorage. */
  presentation: boolean;
  setPresentation: (on: boolean) => void;
}

function storage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (privacy mode): presentation mode is simply not remembered
  }
}

export const createClassroomSlice: StateCreator<ClassroomSlice, [], [], ClassroomSlice> = (set) => ({
  tourStep: null,
  setTourStep: (tourStep) => set({ tourStep }),
  presentation: storage()?.getItem(PRESENTATION_KEY) === 'on',
  setPresentation: (presentation) => {
    try {
      storage()?.setItem(PRESENTATION_KEY, presentation ? 'on' : 'off');
    } catch {
      // quota or privacy mode: the mode still applies for this visit
    }
    set({ presentation });
  },
});
