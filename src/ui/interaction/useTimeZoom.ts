import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { createTimeZoom, type TimeZoom, type TimeZoomOptions } from './timeZoom';

/** Thin React adapter over createTimeZoom: creates it on mount, updates its extent, destroys it on unmount. */
export function useTimeZoom(
  ref: RefObject<Element | null>,
  { left, right, height, maxScale, onZoom }: Omit<TimeZoomOptions, 'element'>,
): Pick<TimeZoom, 'zoomBy' | 'reset'> {
  const zoomRef = useRef<TimeZoom | null>(null);
  const onZoomRef = useRef(onZoom);
  useEffect(() => {
    onZoomRef.current = onZoom;
  }, [onZoom]);
  const initial = useRef({ left, right, height, maxScale });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const z = createTimeZoom({ element, ...initial.current, onZoom: (t) => onZoomRef.current(t) });
    zoomRef.current = z;
    return () => {
      z.destroy();
      zoomRef.current = null;
    };
  }, [ref]);

  useEffect(() => {
    zoomRef.current?.update({ left, right, height, maxScale });
  }, [left, right, height, maxScale]);

  return useMemo(
    () => ({
      zoomBy: (factor: number) => zoomRef.current?.zoomBy(factor),
      reset: () => zoomRef.current?.reset(),
    }),
    [],
  );
}
