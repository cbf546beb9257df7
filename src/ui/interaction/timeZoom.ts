import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3';

/** Zoom and pan along x only: screen px = k × px + x. */
export interface TimeZoomTransform {
  readonly k: number;
  readonly x: number;
}

export interface TimeZoomOptions {
  /** The element that receives wheel, drag and double-click (the chart's top canvas). */
  readonly element: Element;
  /** Plot area, CSS px from the element's left edge: panning never leaves it uncovered. */
  readonly left: number;
  readonly right: number;
  readonly height: number;
  /** Deepest zoom, e.g. 50 (×50). */
  readonly maxScale: number;
  readonly onZoom: (t: TimeZoomTransform) => void;
}

export interface TimeZoom {
  update(options: Partial<Omit<TimeZoomOptions, 'onZoom' | 'element'>>): void;
  /** Zooms by `factor` (> 1 in) around the middle of the plot. */
  zoomBy(factor: number): void;
  /** Back to the whole schedule. */
  reset(): void;
  destroy(): void;
}

/**
 * x-only zoom for a time axis on top of d3-zoom. A plain wheel keeps
 * scrolling the page (the chart sits in a long page); Ctrl/⌘ + wheel and
 * trackpad pinch zoom, drag pans, double-click resets.
 */
export function createTimeZoom(options: TimeZoomOptions): TimeZoom {
  let o = options;
  const selection = select(options.element);
  const behavior: ZoomBehavior<Element, unknown> = zoom<Element, unknown>()
    .filter((event: Event) =>
      event.type === 'wheel'
        ? (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey
        : event.type !== 'dblclick' && !(event as MouseEvent).button,
    )
    // No extra ×10 for Ctrl: a mouse wheel notch zooms about 15 %, not 4×.
    .wheelDelta((event: WheelEvent) => -event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002))
    .on('zoom', (event: D3ZoomEvent<Element, unknown>) => o.onZoom({ k: event.transform.k, x: event.transform.x }));

  const configure = (): void => {
    const extent: [[number, number], [number, number]] = [
      [o.left, 0],
      [o.right, o.height],
    ];
    behavior.scaleExtent([1, o.maxScale]).extent(extent).translateExtent(extent);
  };
  configure();
  selection.call(behavior).on('dblclick.zoom', null);
  const reset = (): void => behavior.transform(selection, zoomIdentity);
  selection.on('dblclick.timezoom', reset);

  return {
    update(next) {
      o = { ...o, ...next };
      configure();
      // Re-apply the transform so it is constrained to the new extent.
      behavior.scaleBy(selection, 1);
    },
    zoomBy(factor) {
      behavior.scaleBy(selection, factor, [(o.left + o.right) / 2, o.height / 2]);
    },
    reset,
    destroy() {
      selection.on('.zoom', null).on('.timezoom', null);
    },
  };
}
