import type { StateCreator } from 'zustand';
import { snapshotOf, type ScenarioSlice, type Snapshot } from './scenario';

/** How many steps undo keeps. */
export const HISTORY_LIMIT = 200;

/**
 * Undo and redo over scenario snapshots (network, platform, plan). Derived
 * state (cost tables, evaluation) is recomputed on restore, which is why this
 * is a small slice rather than a generic middleware: a middleware would
 * restore stale tables.
 *
 * A gesture (a drag) records one step however many plans it passes through:
 * `beginGesture` remembers where it started, `endGesture` records that start
 * once, `cancelGesture` (Escape) goes back to it.
 */
export interface HistorySlice {
  past: Snapshot[];
  future: Snapshot[];
  /** Snapshot at the start of the running gesture, or null. */
  gestureStart: Snapshot | null;
  /** Pushes the current snapshot on the undo stack (skipped inside a gesture) and clears redo. */
  record: () => void;
  undo: () => void;
  redo: () => void;
  beginGesture: () => void;
  endGesture: () => void;
  cancelGesture: () => void;
}

type Store = ScenarioSlice & HistorySlice;

export const createHistorySlice: StateCreator<Store, [], [], HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  gestureStart: null,
  record: () => {
    const s = get();
    if (s.gestureStart) return;
    set({ past: [...s.past, snapshotOf(s)].slice(-HISTORY_LIMIT), future: [] });
  },
  undo: () => {
    const s = get();
    const prev = s.past[s.past.length - 1];
    if (!prev || s.gestureStart) return;
    set({ past: s.past.slice(0, -1), future: [snapshotOf(s), ...s.future] });
    s.applySnapshot(prev);
  },
  redo: () => {
    const s = get();
    const next = s.future[0];
    if (!next || s.gestureStart) return;
    set({ past: [...s.past, snapshotOf(s)], future: s.future.slice(1) });
    s.applySnapshot(next);
  },
  beginGesture: () => set({ gestureStart: snapshotOf(get()) }),
  endGesture: () => {
    const s = get();
    const start = s.gestureStart;
    if (!start) return;
    const changed = start.plan !== s.plan || start.platform !== s.platform || start.network !== s.network;
    set({
      gestureStart: null,
      ...(changed ? { past: [...s.past, start].slice(-HISTORY_LIMIT), future: [] } : {}),
    });
  },
  cancelGesture: () => {
    const start = get().gestureStart;
    if (!start) return;
    set({ gestureStart: null });
    get().applySnapshot(start);
  },
});
