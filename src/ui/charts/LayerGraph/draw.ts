import type { StageShare } from '../../../core/graph/cuts';
import { stageColor } from '../../theme';
import type { ViewTransform } from '../../interaction/zoom';
import { edgeVisible, markerPoint, nodeVisible, visibleRect, type Scene } from './scene';

/**
 * Below this scale text would be under 6 px: nodes are drawn as plain boxes
 * and edges without arrowheads (level of detail for large graphs).
 */
export const DETAIL_SCALE = 0.5;
/** Screen px drawn beyond the viewport so a small pan shows no empty border. */
export const CULL_MARGIN_PX = 40;

/** Everything one frame depends on. Arrays are per node or per edge of the scene. */
export interface DrawState {
  readonly scene: Scene;
  readonly transform: ViewTransform;
  /** Viewport size in CSS px, and the device pixel ratio of the canvas. */
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
  readonly stages: readonly (readonly StageShare[])[];
  /** Per edge: indices of the cuts crossing it (empty when none). */
  readonly edgeCuts: readonly (readonly number[])[];
  /** Per node: indices of the cuts falling inside it. */
  readonly nodeCuts: readonly (readonly number[])[];
  readonly hoveredStage: number | null;
  readonly hoveredNode: number;
  readonly hoveredEdge: number;
}

/** What a frame drew (for tests and the benchmark). */
export interface DrawStats {
  readonly nodes: number;
  readonly edges: number;
  readonly detail: boolean;
}

const INK = '#1f2937';
const MUTED = '#5b6474';
const EDGE = '#9aa3b2';
const ARC = '#c3c9d3';
const CUT = '#111827';
const ACCENT = '#2563eb';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

const tints = new Map<string, string>();
/** A stage colour mixed with white (fill of a node), cached. */
function tint(hex: string): string {
  let t = tints.get(hex);
  if (!t) {
    const v = parseInt(hex.slice(1), 16);
    const mix = (c: number) => Math.round(c + (255 - c) * 0.78);
    t = `rgb(${mix(v >> 16)}, ${mix((v >> 8) & 255)}, ${mix(v & 255)})`;
    tints.set(hex, t);
  }
  return t;
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

const TITLE_FONT = `600 12px ${FONT}`;
const DETAIL_FONT = `11px ${FONT}`;

const fitted = new WeakMap<Scene, (string | undefined)[]>();
/** Text cut with an ellipsis to fit `max` px; cached per scene, node and line (fonts never change). */
function fit(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  node: number,
  line: 0 | 1,
  text: string,
  max: number,
): string {
  let cache = fitted.get(scene);
  if (!cache) fitted.set(scene, (cache = []));
  const hit = cache[2 * node + line];
  if (hit !== undefined) return hit;
  let out = text;
  if (ctx.measureText(text).width > max) {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ctx.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
      else hi = mid - 1;
    }
    out = `${text.slice(0, lo)}…`;
  }
  cache[2 * node + line] = out;
  return out;
}

function arrowhead(ctx: CanvasRenderingContext2D, p: Float64Array, size: number): void {
  const n = p.length;
  if (n < 4) return;
  const x = p[n - 2]!;
  const y = p[n - 1]!;
  const dx = x - p[n - 4]!;
  const dy = y - p[n - 3]!;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  ctx.moveTo(x, y);
  ctx.lineTo(x - size * ux - size * 0.55 * uy, y - size * uy + size * 0.55 * ux);
  ctx.lineTo(x - size * ux + size * 0.55 * uy, y - size * uy - size * 0.55 * ux);
  ctx.closePath();
}

function polyline(ctx: CanvasRenderingContext2D, p: Float64Array): void {
  ctx.moveTo(p[0]!, p[1]!);
  for (let i = 2; i + 1 < p.length; i += 2) ctx.lineTo(p[i]!, p[i + 1]!);
}

/** A "cut k" tag in screen space (constant size at any zoom), centred above (sx, sy). */
function cutTag(ctx: CanvasRenderingContext2D, sx: number, sy: number, cut: number): void {
  const text = `cut ${cut + 1}`;
  ctx.font = `600 11px ${FONT}`;
  const w = ctx.measureText(text).width + 10;
  ctx.fillStyle = CUT;
  roundRect(ctx, sx - w / 2, sy - 9, w, 18, 9);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, sx - w / 2 + 5, sy);
}

/**
 * Draws one frame of the layer graph: edges, then nodes, then cut markers,
 * only for what intersects the viewport (plus a margin). Text and arrowheads
 * appear at scales >= DETAIL_SCALE. Cut tags are drawn in screen space so
 * they stay legible when zoomed out. O(nodes + edges) to cull, O(visible) to draw.
 */
export function drawGraph(ctx: CanvasRenderingContext2D, s: DrawState): DrawStats {
  const { scene, transform: t, dpr } = s;
  const { layout, view, paths } = scene;
  const detail = t.k >= DETAIL_SCALE;
  const rect = visibleRect(t, s.width, s.height, CULL_MARGIN_PX);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, s.width, s.height);
  ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
  const px = 1 / t.k; // one screen pixel in world units
  const dim = (stages: readonly StageShare[]) =>
    s.hoveredStage !== null && !stages.some((x) => x.stage === s.hoveredStage);

  // Edges: plain ones in two paths (routed, then the lighter skip arcs), crossed and hovered ones on top.
  let edges = 0;
  const special: number[] = [];
  for (const arcs of [false, true]) {
    ctx.beginPath();
    for (let e = 0; e < paths.length; e++) {
      if (paths[e]!.arc !== arcs || !edgeVisible(scene, e, rect)) continue;
      edges++;
      if (s.edgeCuts[e]!.length > 0 || e === s.hoveredEdge) {
        special.push(e);
        continue;
      }
      polyline(ctx, paths[e]!.points);
    }
    ctx.strokeStyle = arcs ? ARC : EDGE;
    ctx.lineWidth = (arcs ? 1 : 1.3) * px;
    ctx.lineJoin = 'round';
    ctx.stroke();
  }
  if (detail) {
    ctx.beginPath();
    for (let e = 0; e < paths.length; e++) {
      if (edgeVisible(scene, e, rect) && !special.includes(e)) arrowhead(ctx, paths[e]!.points, 6);
    }
    ctx.fillStyle = EDGE;
    ctx.fill();
  }
  for (const e of special) {
    const color = e === s.hoveredEdge ? ACCENT : CUT;
    ctx.beginPath();
    polyline(ctx, paths[e]!.points);
    ctx.strokeStyle = color;
    ctx.lineWidth = 2.4 * px;
    ctx.stroke();
    ctx.beginPath();
    arrowhead(ctx, paths[e]!.points, 7);
    ctx.fillStyle = color;
    ctx.fill();
  }

  // Nodes. Zoomed out, boxes are batched into one path per stage colour (a
  // handful of fills for 2,000 nodes); zoomed in, each node is a card with text.
  let nodes = 0;
  if (!detail) {
    const batches = new Map<number, number[]>();
    for (let i = 0; i < view.nodes.length; i++) {
      if (!nodeVisible(scene, i, rect)) continue;
      nodes++;
      const stage = s.stages[i]?.[0]?.stage ?? -1;
      let list = batches.get(stage);
      if (!list) batches.set(stage, (list = []));
      list.push(i);
    }
    for (const [stage, list] of batches) {
      ctx.beginPath();
      for (const i of list) ctx.rect(layout.x[i]!, layout.y[i]!, layout.widths[i]!, layout.heights[i]!);
      ctx.globalAlpha = s.hoveredStage !== null && stage !== s.hoveredStage ? 0.28 : 1;
      ctx.fillStyle = tint(stageColor(stage));
      ctx.fill();
      ctx.strokeStyle = stageColor(stage);
      ctx.lineWidth = px;
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }
  for (let i = 0; detail && i < view.nodes.length; i++) {
    if (!nodeVisible(scene, i, rect)) continue;
    nodes++;
    const node = view.nodes[i]!;
    const x = layout.x[i]!;
    const y = layout.y[i]!;
    const w = layout.widths[i]!;
    const h = layout.heights[i]!;
    const shares = s.stages[i] ?? [];
    ctx.globalAlpha = dim(shares) ? 0.28 : 1;
    const io = node.kind === 'input' || node.kind === 'output';
    const r = io ? h / 2 : 6;
    if (node.kind === 'block') {
      // A second card behind: a collapsed block reads as a stack of layers.
      roundRect(ctx, x + 4, y + 4, w, h, r);
      ctx.fillStyle = '#eef0f4';
      ctx.fill();
      ctx.strokeStyle = '#b8bfcc';
      ctx.lineWidth = px;
      ctx.stroke();
    }
    roundRect(ctx, x, y, w, h, r);
    if (io) {
      ctx.fillStyle = '#f3f4f6';
      ctx.fill();
    } else if (shares.length === 1) {
      ctx.fillStyle = tint(stageColor(shares[0]!.stage));
      ctx.fill();
    } else {
      // Split between stages: bands in proportion, clipped to the card.
      ctx.save();
      ctx.clip();
      let left = x;
      for (const share of shares) {
        ctx.fillStyle = tint(stageColor(share.stage));
        ctx.fillRect(left, y, w * share.share, h);
        left += w * share.share;
      }
      ctx.restore();
    }
    const hovered = i === s.hoveredNode || (s.hoveredStage !== null && !dim(shares) && !io);
    ctx.strokeStyle = hovered ? INK : io ? '#9ca3af' : stageColor(shares[0]?.stage ?? -1);
    ctx.lineWidth = (hovered ? 2.2 : 1.5) * px;
    ctx.stroke();
    const textX = x + (io ? 14 : 10);
    const room = w - (io ? 28 : 16) - (node.kind === 'block' ? 22 : 0);
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = INK;
    ctx.font = TITLE_FONT;
    ctx.fillText(fit(ctx, scene, i, 0, node.label, room), textX, y + 17);
    ctx.fillStyle = MUTED;
    ctx.font = DETAIL_FONT;
    ctx.fillText(fit(ctx, scene, i, 1, node.detail, room), textX, y + 32);
    // A cut inside a collapsed block: a dashed line where its stages meet.
    const inside = s.nodeCuts[i] ?? [];
    if (inside.length > 0) {
      let left = x;
      ctx.setLineDash([4 * px, 3 * px]);
      ctx.strokeStyle = CUT;
      ctx.lineWidth = 2 * px;
      for (const share of shares.slice(0, -1)) {
        left += w * share.share;
        ctx.beginPath();
        ctx.moveTo(left, y - 6);
        ctx.lineTo(left, y + h + 6);
        ctx.stroke();
      }
      ctx.setLineDash([]);
    }
  }
  ctx.globalAlpha = 1;

  // Cut markers: a bar across each crossed edge, then tags in screen space.
  const tags: { x: number; y: number; cut: number }[] = [];
  for (const e of special) {
    const cuts = s.edgeCuts[e]!;
    if (cuts.length === 0) continue;
    const m = markerPoint(paths[e]!);
    const half = 9 * px;
    ctx.beginPath();
    ctx.moveTo(m.x - m.dy * half, m.y + m.dx * half);
    ctx.lineTo(m.x + m.dy * half, m.y - m.dx * half);
    ctx.strokeStyle = CUT;
    ctx.lineWidth = 3 * px;
    ctx.stroke();
    // Tags sit above the bar (stacked when several cuts cross one edge), clear of the nodes' text.
    cuts.forEach((cut, j) => tags.push({ x: m.x, y: m.y - (20 + j * 20) * px, cut }));
  }
  for (let i = 0; i < view.nodes.length; i++) {
    const inside = s.nodeCuts[i] ?? [];
    if (inside.length === 0 || !nodeVisible(scene, i, rect)) continue;
    inside.forEach((cut, j) =>
      tags.push({ x: layout.x[i]! + layout.widths[i]! * 0.7, y: layout.y[i]! - 12 * px - j * 20 * px, cut }),
    );
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  for (const tag of tags) cutTag(ctx, tag.x * t.k + t.x, tag.y * t.k + t.y, tag.cut);
  return { nodes, edges, detail };
}
