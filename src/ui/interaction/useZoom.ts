import { useEffect, useRef, useState, type RefObject } from 'react';
import { createZoom, type ViewTransform, type ZoomController } from './zoom';

/**
 * Adapts `createZoom` to React: creates the controller when the element
 * mounts, destroys it on unmount, and keeps the latest callback without
 * recreating the d3 behaviour.
 */
export function useZoom(
  ref: RefObject<HTMLElement | null>,
  scaleExtent: readonly [number, number],
  onTransform: (t: ViewTransform) => void,
): ZoomController | null {
  const [controller, setController] = useState<ZoomController | null>(null);
  const latest = useRef(onTransform);
  useEffect(() => {
    latest.current = onTransform;
  });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const c = createZoom({ element, scaleExtent, onTransform: (t) => latest.current(t) });
    setController(c);
    return () => {
      c.destroy();
      setController(null);
    };
    // The extent is fixed for the chart's lifetime.
  }, [ref]);
  return controller;
}
