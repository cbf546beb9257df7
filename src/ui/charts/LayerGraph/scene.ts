import { edgePaths, type EdgePath, type GraphLayout } from '../../../core/graph/geometry';
import { layoutEdgeMask } from '../../../core/graph/reduce';
import type { GraphView } from '../../../core/graph/view';
import type { ViewTransform } from '../../interaction/zoom';

/** A laid-out view ready to draw and hit-test, in world pixels. */
export interface Scene {
  readonly view: GraphView;
  readonly layout: GraphLayout;
  readonly paths: readonly EdgePath[];
}

/** A rectangle in world pixels. */
export interface Rect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Builds the scene; `mask` says which edges the layout engine routed (the others are arcs). O(edges). */
export function buildScene(view: GraphView, mask: Uint8Array, layout: GraphLayout): Scene {
  return { view, layout, paths: edgePaths(view, mask, layout) };
}

/** The layout's edge mask for a view (exported so the request and the scene agree). */
export const edgeMaskOf = layoutEdgeMask;

/** The world rectangle visible through a viewport of `width` x `height` px, grown by `margin` screen px. */
export function visibleRect(t: ViewTransform, width: number, height: number, margin = 0): Rect {
  return {
    x0: (-margin - t.x) / t.k,
    y0: (-margin - t.y) / t.k,
    x1: (width + margin - t.x) / t.k,
    y1: (height + margin - t.y) / t.k,
  };
}

/** Whether node i intersects a world rectangle. O(1). */
export function nodeVisible(s: Scene, i: number, r: Rect): boolean {
  const l = s.layout;
  return l.x[i]! <= r.x1 && l.x[i]! + l.widths[i]! >= r.x0 && l.y[i]! <= r.y1 && l.y[i]! + l.heights[i]! >= r.y0;
}

/** Whether edge e's bounding box intersects a world rectangle. O(1). */
export function edgeVisible(s: Scene, e: number, r: Rect): boolean {
  const p = s.paths[e]!;
  return p.minX <= r.x1 && p.maxX >= r.x0 && p.minY <= r.y1 && p.maxY >= r.y0;
}

/** The node under a world point, or -1. O(nodes): a scan of 2,000 boxes takes microseconds. */
export function nodeAt(s: Scene, x: number, y: number): number {
  const l = s.layout;
  for (let i = l.x.length - 1; i >= 0; i--) {
    if (x >= l.x[i]! && x <= l.x[i]! + l.widths[i]! && y >= l.y[i]! && y <= l.y[i]! + l.heights[i]!) return i;
  }
  return -1;
}

function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const qx = ax + u * dx - px;
  const qy = ay + u * dy - py;
  return qx * qx + qy * qy;
}

/** The edge nearest a world point within `tolerance` world px, or -1. O(edges + points near the point). */
export function edgeAt(s: Scene, x: number, y: number, tolerance: number): number {
  let best = -1;
  let bestD = tolerance * tolerance;
  s.paths.forEach((p, e) => {
    if (x < p.minX - tolerance || x > p.maxX + tolerance || y < p.minY - tolerance || y > p.maxY + tolerance) return;
    const q = p.points;
    for (let i = 0; i + 3 < q.length; i += 2) {
      const d = segmentDistance2(x, y, q[i]!, q[i + 1]!, q[i + 2]!, q[i + 3]!);
      if (d <= bestD) {
        bestD = d;
        best = e;
      }
    }
  });
  return best;
}

/** The point halfway along a polyline (by length), and the direction there (unit vector). O(points). */
export function midpoint(points: Float64Array): { x: number; y: number; dx: number; dy: number } {
  let total = 0;
  for (let i = 0; i + 3 < points.length; i += 2) {
    total += Math.hypot(points[i + 2]! - points[i]!, points[i + 3]! - points[i + 1]!);
  }
  let half = total / 2;
  for (let i = 0; i + 3 < points.length; i += 2) {
    const dx = points[i + 2]! - points[i]!;
    const dy = points[i + 3]! - points[i + 1]!;
    const len = Math.hypot(dx, dy);
    if (len > 0 && half <= len) {
      const u = half / len;
      return { x: points[i]! + u * dx, y: points[i + 1]! + u * dy, dx: dx / len, dy: dy / len };
    }
    half -= len;
  }
  return { x: points[0] ?? 0, y: points[1] ?? 0, dx: 1, dy: 0 };
}

/**
 * Where a cut marker goes: the middle of the segment entering the target,
 * which for a wrapped edge is the short piece beside its target rather than
 * the long return sweep across other nodes. Arcs (many short segments) use
 * their midpoint. O(points).
 */
export function markerPoint(path: { points: Float64Array; arc: boolean }): {
  x: number;
  y: number;
  dx: number;
  dy: number;
} {
  const p = path.points;
  if (path.arc || p.length < 4) return midpoint(p);
  return midpoint(p.subarray(p.length - 4));
}
