/**
 * One linear time scale (ms → CSS px) shared by drawing and hit-testing, so a
 * box is hit exactly where it was drawn.
 */
export interface TimeScale {
  /** Visible time span, ms. */
  readonly domain: readonly [number, number];
  /** Plot area, CSS px from the canvas' left edge. */
  readonly range: readonly [number, number];
  /** ms → px */
  x(ms: number): number;
  /** px → ms */
  ms(px: number): number;
  /** Round tick values (1, 2 or 5 × 10^k ms apart) inside the domain, about `count` of them. */
  ticks(count: number): number[];
}

/** A d3-zoom-like transform restricted to x: screen px = k × px + x. */
export interface ZoomTransformX {
  readonly k: number;
  readonly x: number;
}

export const IDENTITY_ZOOM: ZoomTransformX = { k: 1, x: 0 };

export function timeScale(domain: readonly [number, number], range: readonly [number, number]): TimeScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const k = (r1 - r0) / span;
  return {
    domain,
    range,
    x: (ms) => r0 + (ms - d0) * k,
    ms: (px) => d0 + (px - r0) / k,
    ticks: (count) => niceTicks(d0, d1, count),
  };
}

/** The base scale seen through a zoom transform: same range, narrower domain. */
export function zoomedScale(base: TimeScale, t: ZoomTransformX): TimeScale {
  if (t.k === 1 && t.x === 0) return base;
  const [r0, r1] = base.range;
  return timeScale([base.ms((r0 - t.x) / t.k), base.ms((r1 - t.x) / t.k)], base.range);
}

/** Evenly spaced round values in [d0, d1]: step 1, 2 or 5 × 10^k, about `count` of them. */
export function niceTicks(d0: number, d1: number, count: number): number[] {
  const span = d1 - d0;
  if (!(span > 0) || !Number.isFinite(span) || count < 1) return [];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  // Integer multiples avoid accumulating float error (0.1 + 0.2 …).
  for (let i = Math.ceil(d0 / step); i * step <= d1 + step * 1e-9; i++) out.push(i * step);
  return out;
}
