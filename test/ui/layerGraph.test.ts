import { describe, expect, it } from 'vitest';
import { crossings, cutsInside, nodeStages, planCuts } from '../../src/core/graph/cuts';
import type { GraphLayout } from '../../src/core/graph/geometry';
import { layoutEdgeMask } from '../../src/core/graph/reduce';
import { collapsedView } from '../../src/core/graph/view';
import type { Plan } from '../../src/core/plan/types';
import { DETAIL_SCALE, drawGraph, type DrawState } from '../../src/ui/charts/LayerGraph/draw';
import { buildScene, edgeAt, markerPoint, midpoint, nodeAt, visibleRect } from '../../src/ui/charts/LayerGraph/scene';
import { chain, residual } from '../fixtures/networks';

/** A canvas context that records calls instead of drawing (Node has no canvas). */
function recorder() {
  const calls: { name: string; args: unknown[] }[] = [];
  const state: Record<string, unknown> = {};
  const ctx = new Proxy(state, {
    get(target, prop: string) {
      if (prop === 'measureText') return (text: string) => ({ width: text.length * 7 });
      if (prop in target) return target[prop];
      return (...args: unknown[]) => calls.push({ name: prop, args });
    },
    set(target, prop: string, value) {
      target[prop] = value;
      calls.push({ name: `set:${prop}`, args: [value] });
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

/** Nodes in one row, 100 px apart, 80 x 40 px; routes are straight lines between node sides. */
function rowScene(net = residual()) {
  const view = collapsedView(net, new Set());
  const mask = layoutEdgeMask(view);
  const n = view.nodes.length;
  const layout: GraphLayout = {
    x: view.nodes.map((_, i) => i * 100),
    y: view.nodes.map(() => 100),
    widths: view.nodes.map(() => 80),
    heights: view.nodes.map(() => 40),
    width: n * 100,
    height: 200,
    routes: view.edges.filter((_, i) => mask[i]).map((e) => [e.source * 100 + 80, 120, e.target * 100, 120]),
  };
  return buildScene(view, mask, layout);
}

function stateFor(scene: ReturnType<typeof rowScene>, plan: Plan, k: number, width = 1000): DrawState {
  const cuts = planCuts(plan);
  const edgeCuts: number[][] = scene.view.edges.map(() => []);
  for (const c of crossings(scene.view, cuts)) edgeCuts[c.edge]!.push(c.cut);
  return {
    scene,
    transform: { x: 0, y: 0, k },
    width,
    height: 400,
    dpr: 1,
    stages: scene.view.nodes.map((node) => nodeStages(node, plan)),
    edgeCuts,
    nodeCuts: scene.view.nodes.map((node) => cutsInside(node, cuts)),
    hoveredStage: null,
    hoveredNode: -1,
    hoveredEdge: -1,
  };
}

const split = (c: number, n: number): Plan => ({
  stages: [
    { from: 0, to: c, processor: 'a', units: 1 },
    { from: c, to: n, processor: 'b', units: 1 },
  ],
});

describe('layer graph scene', () => {
  it('hit-tests nodes by box and edges within a tolerance', () => {
    const scene = rowScene();
    expect(nodeAt(scene, 140, 120)).toBe(1);
    expect(nodeAt(scene, 90, 120)).toBe(-1); // the gap between two nodes
    const e = edgeAt(scene, 90, 121, 3);
    expect(e).toBeGreaterThanOrEqual(0);
    const edge = scene.view.edges[e]!;
    expect([edge.source, edge.target]).toEqual([0, 1]);
    expect(edgeAt(scene, 90, 140, 3)).toBe(-1);
  });

  it('maps the viewport to world coordinates through the transform', () => {
    expect(visibleRect({ x: -200, y: 50, k: 2 }, 400, 300)).toEqual({ x0: 100, y0: -25, x1: 300, y1: 125 });
    const m = midpoint(Float64Array.from([0, 0, 10, 0, 10, 10]));
    expect(m).toEqual({ x: 10, y: 0, dx: 1, dy: 0 }); // halfway along 20 px: the corner
    // A routed edge's marker sits on its last segment, beside the target.
    const wrapped = Float64Array.from([0, 0, 500, 0, 500, 20, 0, 20, 0, 40, 10, 40]);
    expect(markerPoint({ points: wrapped, arc: false })).toEqual({ x: 5, y: 40, dx: 1, dy: 0 });
  });
});

describe('drawGraph', () => {
  it('draws only what the viewport shows (culling)', () => {
    const scene = rowScene(chain());
    const { ctx } = recorder();
    const all = drawGraph(ctx, stateFor(scene, split(1, 3), 1, 1000));
    expect(all.nodes).toBe(scene.view.nodes.length);
    const few = drawGraph(ctx, stateFor(scene, split(1, 3), 1, 150));
    // A 150 px wide viewport (plus the 40 px margin) meets nodes 0 and 1 only.
    expect(few.nodes).toBe(2);
    expect(few.edges).toBeLessThan(all.edges);
  });

  it('writes labels and a "cut k" tag on each crossed edge at a readable scale', () => {
    const scene = rowScene();
    const { ctx, calls } = recorder();
    // residual: stem(0) conv1(1) conv2(2) add(3) head(4); cut at 2 crosses conv1->conv2 and the skip stem->add.
    const stats = drawGraph(ctx, stateFor(scene, split(2, 5), 1));
    expect(stats.detail).toBe(true);
    const texts = calls.filter((c) => c.name === 'fillText').map((c) => c.args[0]);
    expect(texts).toContain('conv1');
    expect(texts.filter((t) => t === 'cut 1')).toHaveLength(2);
  });

  it('zoomed out, draws boxes in one batch per stage and no text', () => {
    const scene = rowScene();
    const { ctx, calls } = recorder();
    const stats = drawGraph(ctx, stateFor(scene, split(2, 5), DETAIL_SCALE / 2));
    expect(stats.detail).toBe(false);
    const rects = calls.filter((c) => c.name === 'rect');
    expect(rects).toHaveLength(scene.view.nodes.length);
    // One fill per stage: each batch of rects is closed by a single fill.
    const batchFills = calls.filter((c, i) => c.name === 'fill' && calls[i - 3]?.name === 'rect');
    expect(batchFills).toHaveLength(2);
    expect(calls.some((c) => c.name === 'fillText' && c.args[0] !== 'cut 1' && c.args[0] !== 'cut 2')).toBe(false);
  });
});
