import { select, zoom, zoomIdentity, type D3ZoomEvent, type Selection, type ZoomBehavior } from 'd3';

/** Screen = world x k + (x, y). */
export interface ViewTransform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

export interface ZoomOptions {
  /** The element that receives wheel and drag gestures (its size is the viewport). */
  readonly element: HTMLElement;
  /** Smallest and largest scale. */
  readonly scaleExtent: readonly [number, number];
  /** Called on every transform change (gesture, keyboard or fit), once per event. */
  readonly onTransform: (t: ViewTransform) => void;
}

export interface ZoomController {
  /** The current transform. */
  transform(): ViewTransform;
  /**
   * Fits a world rectangle into the viewport with `padding` px around it, never above `maxScale`.
   * When that would take the scale below `minScale`, shows its top-left corner at `minScale` instead.
   */
  fit(
    world: { x: number; y: number; width: number; height: number },
    padding?: number,
    maxScale?: number,
    minScale?: number,
  ): void;
  /** Multiplies the scale around the viewport centre. */
  zoomBy(factor: number): void;
  /** Moves the view by screen pixels. */
  panBy(dx: number, dy: number): void;
  update(options: Partial<Pick<ZoomOptions, 'scaleExtent' | 'onTransform'>>): void;
  destroy(): void;
}

/**
 * Pan and zoom over an element with d3-zoom, as a plain controller (the
 * React hook only adapts it): wheel and pinch zoom, drag pans, and the same
 * moves from the keyboard or buttons. The controller holds no drawing; it
 * reports transforms so the caller redraws once per frame.
 */
export function createZoom(options: ZoomOptions): ZoomController {
  let onTransform = options.onTransform;
  let current: ViewTransform = { x: 0, y: 0, k: 1 };
  const selection: Selection<HTMLElement, unknown, null, undefined> = select(options.element);
  const behavior: ZoomBehavior<HTMLElement, unknown> = zoom<HTMLElement, unknown>()
    .scaleExtent([options.scaleExtent[0], options.scaleExtent[1]])
    // Clicks on buttons inside the view stay clicks, not pans.
    .filter((event: Event) => !(event.target as Element).closest?.('button') && !(event as MouseEvent).button)
    .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
      current = { x: event.transform.x, y: event.transform.y, k: event.transform.k };
      onTransform(current);
    });
  selection.call(behavior).on('dblclick.zoom', null);

  const size = () => ({ width: options.element.clientWidth, height: options.element.clientHeight });
  return {
    transform: () => current,
    fit(world, padding = 16, maxScale = 1, minScale = 0) {
      const { width, height } = size();
      if (width <= 0 || height <= 0 || world.width <= 0 || world.height <= 0) return;
      const [lo, hi] = behavior.scaleExtent();
      const fitted = Math.min(hi, maxScale, (width - 2 * padding) / world.width, (height - 2 * padding) / world.height);
      const k = Math.max(lo, fitted, Math.min(minScale, hi));
      const x = k > fitted ? padding - world.x * k : (width - world.width * k) / 2 - world.x * k;
      const y = k > fitted ? padding - world.y * k : Math.max(padding, (height - world.height * k) / 2) - world.y * k;
      selection.call(behavior.transform, zoomIdentity.translate(x, y).scale(k));
    },
    zoomBy(factor) {
      selection.call(behavior.scaleBy, factor);
    },
    panBy(dx, dy) {
      selection.call(behavior.translateBy, dx / current.k, dy / current.k);
    },
    update(next) {
      if (next.scaleExtent) behavior.scaleExtent([next.scaleExtent[0], next.scaleExtent[1]]);
      if (next.onTransform) onTransform = next.onTransform;
    },
    destroy() {
      selection.on('.zoom', null);
    },
  };
}
