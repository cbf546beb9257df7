import type { GanttModel } from './model';
import type { TimeScale } from './scale';

/** A box under the pointer. */
export interface GanttHit {
  /** Row of the schedule's columns. */
  readonly row: number;
  readonly lane: number;
  readonly stage: number;
  readonly frame: number;
  readonly kind: number;
}

/** Pixels of slack around a box, so sub-pixel transfers can still be hovered. */
const SLACK_PX = 3;

/**
 * The box at CSS pixel (x, y), or null. Uses the same scale and lane layout
 * as drawing. A lane's boxes never overlap and are sorted by start, so this
 * is a binary search: O(lanes + log events per lane).
 */
export function hitTest(model: GanttModel, scale: TimeScale, x: number, y: number): GanttHit | null {
  if (!model.finite) return null;
  const [x0, x1] = scale.range;
  if (x < x0 || x > x1) return null;
  const laneIndex = model.lanes.findIndex((l) => y >= l.top && y < l.top + l.height);
  const lane = model.lanes[laneIndex];
  if (!lane) return null;
  const s = model.schedule;
  const t = scale.ms(x);
  const slack = Math.abs(scale.ms(x + SLACK_PX) - t);
  // Last box starting at or before t + slack.
  let lo = 0;
  let hi = lane.rows.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s.start[lane.rows[mid]!]! <= t + slack) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Prefer the box that truly contains t; fall back to one within the slack.
  let best = -1;
  let bestGap = Infinity;
  for (let k = Math.max(0, found - 1); k <= Math.min(lane.rows.length - 1, found + 1); k++) {
    if (k < 0) continue;
    const row = lane.rows[k]!;
    const gap = t < s.start[row]! ? s.start[row]! - t : t > s.end[row]! ? t - s.end[row]! : 0;
    if (gap <= slack && gap < bestGap) {
      best = row;
      bestGap = gap;
    }
  }
  if (best < 0) return null;
  return { row: best, lane: laneIndex, stage: s.stage[best]!, frame: s.frame[best]!, kind: s.kind[best]! };
}
