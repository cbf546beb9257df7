/**
 * A pointer gesture as a small state machine: idle -> pointing -> dragging,
 * back to idle on release, with Escape cancelling (STYLE habit 2). Pure: the
 * DOM binding (d3-drag) feeds it coordinates, so tests drive it directly.
 */
export type GestureState = 'idle' | 'pointing' | 'dragging';

export interface GestureHandlers {
  /** The pointer moved past the slop: a drag begins. */
  onStart(): void;
  /** Pointer position during the drag (client pixels). */
  onMove(x: number, y: number): void;
  /** Released after dragging. */
  onEnd(x: number, y: number): void;
  /** Escape during a drag: undo what the drag did. */
  onCancel(): void;
}

export interface Gesture {
  readonly state: GestureState;
  down(x: number, y: number): void;
  move(x: number, y: number): void;
  up(x: number, y: number): void;
  escape(): void;
}

/** Pixels the pointer must travel before a press becomes a drag (a click stays a click). */
export const DRAG_SLOP_PX = 3;

export function createGesture(h: GestureHandlers): Gesture {
  let state: GestureState = 'idle';
  let x0 = 0;
  let y0 = 0;
  return {
    get state() {
      return state;
    },
    down(x, y) {
      state = 'pointing';
      x0 = x;
      y0 = y;
    },
    move(x, y) {
      if (state === 'pointing' && Math.hypot(x - x0, y - y0) >= DRAG_SLOP_PX) {
        state = 'dragging';
        h.onStart();
      }
      if (state === 'dragging') h.onMove(x, y);
    },
    up(x, y) {
      if (state === 'dragging') h.onEnd(x, y);
      state = 'idle';
    },
    escape() {
      if (state === 'dragging') h.onCancel();
      state = 'idle';
    },
  };
}
