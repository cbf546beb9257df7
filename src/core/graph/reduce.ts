import type { GraphView } from './view';

/**
 * Edges kept for layout: the transitive reduction of the view's forward
 * edges. An edge u -> v is dropped when v is also reachable from u through
 * other nodes (a residual skip, DenseNet's dense connections); ranks of the
 * layering are unchanged, but the layout engine no longer threads hundreds
 * of long edges through the layers (DenseNet's 24-layer block has 276 of
 * them, which takes ELK tens of seconds). Dropped edges are drawn as arcs.
 * Backward edges (possible when a collapsed block is not contiguous) are
 * always kept. Returns a mask over `view.edges`.
 *
 * Why bitsets: reachability sets of all nodes in O(nodes x edges / 32) words.
 * @example layoutEdgeMask(resnetBlockView) // the skip input -> add is false
 */
export function layoutEdgeMask(view: GraphView): Uint8Array {
  const n = view.nodes.length;
  const words = Math.ceil(n / 32);
  const reach = new Uint32Array(n * words); // reach[v] = nodes reachable from v (excluding v)
  const succ: number[][] = Array.from({ length: n }, () => []);
  const keep = new Uint8Array(view.edges.length);
  view.edges.forEach((e, i) => {
    if (e.target > e.source) succ[e.source]!.push(i);
    else keep[i] = 1;
  });
  for (let u = n - 1; u >= 0; u--) {
    // Nearest successors first: a later successor can only be reached through an earlier one.
    const out = succ[u]!.sort((a, b) => view.edges[a]!.target - view.edges[b]!.target);
    const base = u * words;
    for (const i of out) {
      const v = view.edges[i]!.target;
      if (reach[base + (v >>> 5)]! & (1 << (v & 31))) continue;
      keep[i] = 1;
      reach[base + (v >>> 5)]! |= 1 << (v & 31);
      const vb = v * words;
      for (let w = 0; w < words; w++) reach[base + w]! |= reach[vb + w]!;
    }
  }
  return keep;
}
