import { scaleLinear, type ScaleLinear } from 'd3';
import type { FrontFigures } from '../../../core/search/frontQuery';

/** The plot's margins, CSS px: room for the tick labels and axis titles. */
export const FRONT_MARGIN = { top: 14, right: 18, bottom: 40, left: 62 } as const;

export interface FrontScales {
  /** FPS → px from the SVG's left edge. */
  readonly x: ScaleLinear<number, number>;
  /** mJ per frame → px from the SVG's top edge. */
  readonly y: ScaleLinear<number, number>;
}

/**
 * Scales that show every front point and the user's plan with some air: nice round domains
 * padded by 5 % of their span. Why one function: drawing and hit-testing must agree.
 */
export function frontScales(
  points: readonly FrontFigures[],
  extra: FrontFigures | undefined,
  width: number,
  height: number,
): FrontScales {
  const all = extra && Number.isFinite(extra.fps) && Number.isFinite(extra.energyMj) ? [...points, extra] : points;
  const fps = all.map((p) => p.fps);
  const mj = all.map((p) => p.energyMj);
  const pad = (lo: number, hi: number): [number, number] => {
    const span = hi - lo || Math.abs(hi) || 1;
    return [Math.max(0, lo - span * 0.05), hi + span * 0.05];
  };
  const x = scaleLinear()
    .domain(pad(Math.min(...fps), Math.max(...fps)))
    .range([FRONT_MARGIN.left, width - FRONT_MARGIN.right])
    .nice();
  const y = scaleLinear()
    .domain(pad(Math.min(...mj), Math.max(...mj)))
    .range([height - FRONT_MARGIN.bottom, FRONT_MARGIN.top])
    .nice();
  return { x, y };
}

/** The index of the point drawn nearest to (px, py), or -1 when none lies within `radius` px. O(points). */
export function nearestPoint(
  points: readonly FrontFigures[],
  scales: FrontScales,
  px: number,
  py: number,
  radius: number,
): number {
  let best = -1;
  let bestD = radius * radius;
  points.forEach((p, i) => {
    const dx = scales.x(p.fps) - px;
    const dy = scales.y(p.energyMj) - py;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}
