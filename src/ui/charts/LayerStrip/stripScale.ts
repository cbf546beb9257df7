/**
 * The one scale of the layer strip: layer positions <-> CSS pixels. Drawing,
 * split handles and hit-testing all use it, so a handle sits exactly on the
 * boundary the canvas draws (STYLE habit 9).
 */
export interface StripScale {
  /** Layer count. */
  readonly n: number;
  /** Drawing width in CSS pixels. */
  readonly width: number;
  /** Pixels per layer. */
  readonly step: number;
  /** Left edge of layer (or cut) position `pos`, px. */
  x(pos: number): number;
  /** Layer under pixel `x` (0..n-1). */
  layerAt(x: number): number;
  /** Nearest cut position to pixel `x` (0..n). */
  cutAt(x: number): number;
}

/** A scale for `n` layers over `width` CSS pixels. O(1). */
export function stripScale(n: number, width: number): StripScale {
  const step = n > 0 ? width / n : width;
  return {
    n,
    width,
    step,
    x: (pos) => pos * step,
    layerAt: (x) => Math.min(n - 1, Math.max(0, Math.floor(x / step))),
    cutAt: (x) => Math.min(n, Math.max(0, Math.round(x / step))),
  };
}
