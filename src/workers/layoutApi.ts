import ELK, { type ElkExtendedEdge, type ElkNode, type LayoutOptions } from 'elkjs/lib/elk.bundled.js';
import type { GraphLayout } from '../core/graph/geometry';

/** What to lay out: node sizes (px) and edges as index pairs; `key` names the result for the cache. */
export interface LayoutRequest {
  /** Cache key: network id plus expansion set (see `expansionKey`). */
  readonly key: string;
  readonly widths: readonly number[];
  readonly heights: readonly number[];
  /** Flat [source0, target0, source1, target1, ...] node indices. */
  readonly edges: readonly number[];
  /** Width / height of the viewport the drawing should fill (rows wrap to approach it). */
  readonly aspectRatio: number;
}

/**
 * Above this many nodes the layout trades crossing quality for speed
 * (one sweep of crossing minimisation, simple node placement): a
 * 2,000-node graph is for panning around, not for reading at once.
 */
export const FAST_LAYOUT_NODES = 600;

/** Layouts kept per API instance (least recently used dropped first). */
export const LAYOUT_CACHE_SIZE = 24;

/**
 * ELK layered options. Left to right reads like the layer strip beneath it;
 * wrapping folds a long chain into rows like lines of text so a 400-layer CNN,
 * collapsed to its blocks, fills a wide panel at a readable scale. Model order
 * keeps branches in the network's own order (inception branches stay 1x1,
 * 5x5, 3x3, pool).
 */
export function elkOptions(nodes: number, aspectRatio: number): LayoutOptions {
  const options: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.aspectRatio': String(Math.max(0.5, Math.min(4, aspectRatio))),
    'elk.layered.wrapping.strategy': 'MULTI_EDGE',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.spacing.nodeNode': '24',
    'elk.layered.spacing.nodeNodeBetweenLayers': '34',
    'elk.layered.spacing.edgeNodeBetweenLayers': '14',
    'elk.layered.wrapping.additionalEdgeSpacing': '12',
    'elk.padding': '[top=40,left=16,bottom=16,right=16]',
  };
  if (nodes > FAST_LAYOUT_NODES) {
    options['elk.layered.thoroughness'] = '1';
    options['elk.layered.nodePlacement.strategy'] = 'SIMPLE';
    options['elk.layered.crossingMinimization.greedySwitch.type'] = 'OFF';
  }
  return options;
}

/** Flattens an ELK edge's sections into one [x, y, ...] polyline. */
function routeOf(edge: ElkExtendedEdge): number[] {
  const out: number[] = [];
  for (const s of edge.sections ?? []) {
    out.push(s.startPoint.x, s.startPoint.y);
    for (const b of s.bendPoints ?? []) out.push(b.x, b.y);
    out.push(s.endPoint.x, s.endPoint.y);
  }
  return out;
}

/**
 * The layout service, plain so Node tests call it directly; `layout.worker.ts`
 * exposes it with comlink. Results are plain arrays, cached by request key.
 * ELK runs synchronously inside (its bundled build with a fake worker), so
 * in the worker the main thread never waits on it.
 */
export function createLayoutApi() {
  const elk = new ELK();
  const cache = new Map<string, GraphLayout>();
  return {
    async layout(request: LayoutRequest): Promise<GraphLayout> {
      const hit = cache.get(request.key);
      if (hit) {
        cache.delete(request.key);
        cache.set(request.key, hit); // most recently used last
        return hit;
      }
      const n = request.widths.length;
      const children: ElkNode[] = request.widths.map((w, i) => ({
        id: `n${i}`,
        width: w,
        height: request.heights[i]!,
      }));
      const edges: ElkExtendedEdge[] = [];
      for (let i = 0; i + 1 < request.edges.length; i += 2) {
        edges.push({ id: `e${i / 2}`, sources: [`n${request.edges[i]}`], targets: [`n${request.edges[i + 1]}`] });
      }
      const graph: ElkNode = { id: 'root', layoutOptions: elkOptions(n, request.aspectRatio), children, edges };
      const root: ElkNode = await elk.layout(graph);
      const byId = new Map((root.edges ?? []).map((e) => [e.id, e as ElkExtendedEdge]));
      const x = new Array<number>(n).fill(0);
      const y = new Array<number>(n).fill(0);
      for (const c of root.children ?? []) {
        const i = Number(c.id.slice(1));
        x[i] = c.x ?? 0;
        y[i] = c.y ?? 0;
      }
      const result: GraphLayout = {
        x,
        y,
        widths: request.widths.slice(),
        heights: request.heights.slice(),
        width: root.width ?? 0,
        height: root.height ?? 0,
        routes: edges.map((e) => routeOf(byId.get(e.id) ?? e)),
      };
      cache.set(request.key, result);
      if (cache.size > LAYOUT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return result;
    },
  };
}

export type LayoutApi = ReturnType<typeof createLayoutApi>;
