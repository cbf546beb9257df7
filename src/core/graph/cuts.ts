import type { Plan } from '../plan/types';
import type { GraphEdge, GraphNode, GraphView } from './view';

/** A cut crossing a visible edge: `cut` indexes the plan's cuts (cut i lies between stage i and i + 1). */
export interface EdgeCrossing {
  readonly edge: number;
  readonly cut: number;
}

/** Cut positions of a plan, in order: cut i sits before layer `stages[i + 1].from`. O(stages). */
export function planCuts(plan: Plan): number[] {
  return plan.stages.slice(1).map((s) => s.from);
}

/**
 * Whether cut position c crosses an edge: some tensor on it is produced
 * before c and read at or after c (producer < c <= last reader). O(tensors on the edge).
 * @example edgeCrosses({ producers: [3], lastReads: [9], ... }, 5) === true
 */
export function edgeCrosses(edge: GraphEdge, c: number): boolean {
  for (let i = 0; i < edge.producers.length; i++) {
    if (edge.producers[i]! < c && c <= edge.lastReads[i]!) return true;
  }
  return false;
}

/**
 * Every (edge, cut) pair where the cut crosses the edge: where the graph draws
 * its cut markers. O(edges x cuts x tensors per edge).
 */
export function crossings(view: GraphView, cuts: readonly number[]): EdgeCrossing[] {
  const out: EdgeCrossing[] = [];
  view.edges.forEach((edge, e) => {
    cuts.forEach((c, k) => {
      if (edgeCrosses(edge, c)) out.push({ edge: e, cut: k });
    });
  });
  return out;
}

/**
 * The cut position a click on an edge asks for: just after the edge's last
 * producer, so the cut crosses the edge, clamped to the valid cuts 1..n-1.
 * For an edge out of a collapsed block that is the block's end. O(tensors on the edge).
 * @example edgeCutPosition(view, edgeFromLayer12, 175) === 13
 */
export function edgeCutPosition(edge: GraphEdge, layers: number): number {
  const last = Math.max(...edge.producers);
  return Math.min(layers - 1, Math.max(1, last + 1));
}

/** Indices of the cuts falling strictly inside a node's range (a collapsed block split between stages). O(cuts). */
export function cutsInside(node: GraphNode, cuts: readonly number[]): number[] {
  const out: number[] = [];
  cuts.forEach((c, k) => {
    if (node.from < c && c < node.to) out.push(k);
  });
  return out;
}

/** A share of a node's layers in one stage, for drawing a split block in bands. */
export interface StageShare {
  readonly stage: number;
  /** Fraction of the node's position range, 0..1. */
  readonly share: number;
}

/**
 * The stages covering a node's position range, with their shares; the input
 * belongs to the first stage and the output to the last. O(stages).
 */
export function nodeStages(node: GraphNode, plan: Plan): StageShare[] {
  const stages = plan.stages;
  if (stages.length === 0) return [];
  if (node.kind === 'input') return [{ stage: 0, share: 1 }];
  if (node.kind === 'output') return [{ stage: stages.length - 1, share: 1 }];
  const span = node.to - node.from;
  const out: StageShare[] = [];
  stages.forEach((s, i) => {
    const overlap = Math.min(s.to, node.to) - Math.max(s.from, node.from);
    if (overlap > 0) out.push({ stage: i, share: overlap / span });
  });
  return out;
}
