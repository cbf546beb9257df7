import type { Network } from '../model/types';
import { blockTree } from './blocks';

/**
 * Networks with at most this many layers open fully expanded: every layer is
 * a node, which stays legible at this size.
 */
export const EXPAND_ALL_MAX_LAYERS = 100;

/**
 * Larger networks open with blocks expanded level by level while the graph
 * keeps at most this many nodes, so DenseNet-121 opens as its dense blocks and
 * transitions, ResNet-50 as its bottlenecks, Inception v3 as its modules.
 */
export const DEFAULT_VISIBLE_NODES = 48;

/** Visible node count (layers and collapsed blocks) for an expansion set. O(n x depth). */
export function visibleCount(network: Network, expanded: ReadonlySet<string>): number {
  const seen = new Set<string>();
  let layers = 0;
  for (const layer of network.layers) {
    const closed = layer.block.find((p) => !expanded.has(p));
    if (closed === undefined) layers++;
    else seen.add(closed);
  }
  return layers + seen.size;
}

/**
 * The expansion a network opens with: everything for small networks
 * (<= EXPAND_ALL_MAX_LAYERS), otherwise whole levels of the block hierarchy,
 * outermost first, while the visible node count stays <= DEFAULT_VISIBLE_NODES.
 * Expanding a whole level at once keeps sibling blocks alike (all dense blocks
 * closed, not one open). O(n x depth^2).
 * @example defaultExpansion(densenet121) // Set { 'features' }
 */
export function defaultExpansion(network: Network): Set<string> {
  const tree = blockTree(network);
  if (network.layers.length <= EXPAND_ALL_MAX_LAYERS) return new Set(tree.keys());
  const expanded = new Set<string>();
  const maxDepth = Math.max(-1, ...[...tree.values()].map((b) => b.depth));
  for (let depth = 0; depth <= maxDepth; depth++) {
    const level = [...tree.values()].filter((b) => b.depth === depth && (b.parent === '' || expanded.has(b.parent)));
    const trial = new Set([...expanded, ...level.map((b) => b.path)]);
    if (visibleCount(network, trial) > DEFAULT_VISIBLE_NODES) break;
    level.forEach((b) => expanded.add(b.path));
  }
  return expanded;
}

/** A stable key for an expansion set (sorted paths), for layout caches. O(k log k). */
export function expansionKey(expanded: ReadonlySet<string>): string {
  return [...expanded].sort().join('|');
}
