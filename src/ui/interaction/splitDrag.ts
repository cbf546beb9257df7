import { drag, select } from 'd3';
import { createGesture, type Gesture } from './gesture';

export interface SplitDragOptions {
  /** Cut position under a client x. */
  positionAt(clientX: number): number;
  /** Whether a release at client y is far enough off the strip to remove the split. */
  isOutside(clientY: number): boolean;
  onStart(split: number): void;
  onMove(split: number, position: number): void;
  /** `removed`: released off the strip. */
  onEnd(split: number, removed: boolean): void;
  onCancel(split: number): void;
}

export interface SplitDrag {
  /** Makes `el` the handle of split `index` (re-attach when the index changes). */
  attach(el: HTMLElement, index: number): void;
  destroy(): void;
}

/**
 * Dragging split handles, built on d3-drag (mouse, touch and pen alike).
 * Framework-agnostic: a React hook only calls attach/destroy (STYLE habit 1).
 */
export function createSplitDrag(opts: SplitDragOptions): SplitDrag {
  // Element -> split index it is bound to: re-binding only when the index changes keeps a running drag intact.
  const attached = new Map<HTMLElement, number>();
  let active: Gesture | null = null;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && active) {
      active.escape();
      active = null;
    }
  };
  window.addEventListener('keydown', onKey);
  return {
    attach(el, index) {
      if (attached.get(el) === index) return;
      attached.set(el, index);
      const g = createGesture({
        onStart: () => opts.onStart(index),
        onMove: (x) => opts.onMove(index, opts.positionAt(x)),
        onEnd: (_x, y) => opts.onEnd(index, opts.isOutside(y)),
        onCancel: () => opts.onCancel(index),
      });
      const point = (e: { sourceEvent: MouseEvent | TouchEvent }): [number, number] => {
        const src = e.sourceEvent;
        const p = 'touches' in src ? (src.changedTouches[0] ?? src.touches[0]) : src;
        return p ? [p.clientX, p.clientY] : [0, 0];
      };
      select(el).call(
        drag<HTMLElement, unknown>()
          .on('start', (e: { sourceEvent: MouseEvent }) => {
            active = g;
            g.down(...point(e));
          })
          .on('drag', (e: { sourceEvent: MouseEvent }) => {
            if (active === g) g.move(...point(e));
          })
          .on('end', (e: { sourceEvent: MouseEvent }) => {
            if (active === g) g.up(...point(e));
            active = null;
          }),
      );
    },
    destroy() {
      window.removeEventListener('keydown', onKey);
      for (const el of attached.keys()) select(el).on('.drag', null);
      attached.clear();
    },
  };
}
