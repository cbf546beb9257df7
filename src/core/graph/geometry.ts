import type { GraphView } from './view';

/** Approximate advance of one character of a node's title (px, 12 px semibold sans-serif). */
export const TITLE_CHAR_PX = 7.6;
/** Approximate advance of one character of a node's detail line (px, 11 px sans-serif). */
export const DETAIL_CHAR_PX = 6.9;
/** Node height (px): two text lines and padding. */
export const NODE_HEIGHT = 40;
/** Extra width of a block node for its expand (+) button (px). */
export const TOGGLE_PX = 24;
/** Extra width of the rounded input and output pills (px). */
const IO_PADDING_PX = 16;
const MIN_WIDTH = 76;
const MAX_WIDTH = 250;
const PADDING_PX = 26;

/** Node box sizes (px) estimated from their labels; the renderer ellipsizes what overflows. O(nodes). */
export function nodeSizes(view: GraphView): { widths: number[]; heights: number[] } {
  const widths = view.nodes.map((node) => {
    const text = Math.max(node.label.length * TITLE_CHAR_PX, node.detail.length * DETAIL_CHAR_PX);
    const extra = node.kind === 'block' ? TOGGLE_PX : node.kind === 'layer' ? 0 : IO_PADDING_PX;
    return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, text + PADDING_PX + extra)));
  });
  return { widths, heights: view.nodes.map(() => NODE_HEIGHT) };
}

/** Node boxes and layout-edge routes from the layout engine, as plain arrays (px, top-left origin). */
export interface GraphLayout {
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly widths: readonly number[];
  readonly heights: readonly number[];
  /** Bounding size of the whole drawing. */
  readonly width: number;
  readonly height: number;
  /** One flat [x0, y0, x1, y1, ...] polyline per laid-out edge, in the order given to the engine. */
  readonly routes: readonly (readonly number[])[];
}

/** Every visible edge as a polyline, plus its bounding box for culling. */
export interface EdgePath {
  /** Flat [x0, y0, x1, y1, ...] (px). */
  readonly points: Float64Array;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** True for an edge drawn as an arc because the layout left it out (a skip connection). */
  readonly arc: boolean;
}

const ARC_SAMPLES = 16;

function bounds(points: Float64Array, arc: boolean): EdgePath {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < points.length; i += 2) {
    minX = Math.min(minX, points[i]!);
    maxX = Math.max(maxX, points[i]!);
    minY = Math.min(minY, points[i + 1]!);
    maxY = Math.max(maxY, points[i + 1]!);
  }
  return { points, minX, minY, maxX, maxY, arc };
}

/**
 * A skip edge the layout left out, as a sampled cubic arc: over the top of the
 * row when source and target share one, otherwise from the source's bottom to
 * the target's top. The bow grows with the distance so nested skips nest.
 */
function arc(layout: GraphLayout, s: number, t: number): Float64Array {
  const sx = layout.x[s]! + layout.widths[s]! / 2;
  const tx = layout.x[t]! + layout.widths[t]! / 2;
  const sameRow = Math.abs(layout.y[s]! - layout.y[t]!) < layout.heights[s]!;
  const bow = Math.min(90, 16 + 0.12 * Math.abs(tx - sx));
  const p0 = sameRow ? [sx, layout.y[s]!] : [sx, layout.y[s]! + layout.heights[s]!];
  const p3 = [tx, layout.y[t]!];
  const p1 = sameRow ? [sx + 0.25 * (tx - sx), p0[1]! - bow] : [sx, p0[1]! + bow];
  const p2 = sameRow ? [tx - 0.25 * (tx - sx), p3[1]! - bow] : [tx, p3[1]! - bow];
  const out = new Float64Array(2 * (ARC_SAMPLES + 1));
  for (let i = 0; i <= ARC_SAMPLES; i++) {
    const u = i / ARC_SAMPLES;
    const a = (1 - u) ** 3;
    const b = 3 * (1 - u) ** 2 * u;
    const c = 3 * (1 - u) * u * u;
    const d = u ** 3;
    out[2 * i] = a * p0[0]! + b * p1[0]! + c * p2[0]! + d * p3[0]!;
    out[2 * i + 1] = a * p0[1]! + b * p1[1]! + c * p2[1]! + d * p3[1]!;
  }
  return out;
}

/**
 * Polylines for all of the view's edges: the engine's route for laid-out
 * edges (mask 1, in mask order), an arc for the others. O(edges + route points).
 */
export function edgePaths(view: GraphView, mask: Uint8Array, layout: GraphLayout): EdgePath[] {
  let next = 0;
  return view.edges.map((e, i) => {
    if (mask[i]) {
      const route = layout.routes[next++] ?? [];
      return bounds(Float64Array.from(route), false);
    }
    return bounds(arc(layout, e.source, e.target), true);
  });
}
