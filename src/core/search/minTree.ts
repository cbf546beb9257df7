/**
 * Range-minimum segment trees over positions 0..n, one flat Float64Array per
 * tree (leaves at [size, 2 * size), size a power of two, empty leaves Infinity).
 * Why: the energy sweep changes single candidates between period limits and
 * asks "min over starts in [lo, end)", so it needs O(log n) updates and queries;
 * a staircase or sparse table would have to be rebuilt.
 */
export class MinTrees {
  /** Leaves per tree: the smallest power of two >= positions. */
  readonly size: number;
  /** The tree node holding the last `min` answer (-1 when none); `argmin` descends from it. */
  node = -1;

  constructor(positions: number) {
    let size = 1;
    while (size < positions) size *= 2;
    this.size = size;
  }

  /** Recomputes every inner node from the leaves (after writing leaves directly). O(size). */
  build(tree: Float64Array): void {
    for (let node = this.size - 1; node >= 1; node--) {
      const a = tree[2 * node]!;
      const b = tree[2 * node + 1]!;
      tree[node] = a < b ? a : b;
    }
  }

  /** Sets leaf i to v and repairs its ancestors. O(log n). */
  set(tree: Float64Array, i: number, v: number): void {
    let node = i + this.size;
    tree[node] = v;
    while (node > 1) {
      node >>= 1;
      const a = tree[2 * node]!;
      const b = tree[2 * node + 1]!;
      const m = a < b ? a : b;
      if (tree[node] === m) break; // ancestors already hold this minimum
      tree[node] = m;
    }
  }

  /**
   * Min over leaves [lo, hi); Infinity when empty. Remembers the node that holds it, the rightmost
   * on ties (as the staircases do: of two equal starts the later one wins). O(log n).
   */
  min(tree: Float64Array, lo: number, hi: number): number {
    let best = Infinity;
    let node = -1;
    let fromRight = false;
    let l = lo + this.size;
    let r = hi + this.size;
    while (l < r) {
      if (l & 1) {
        // Left-side nodes come in increasing position: a tie moves right, unless a right-side node holds it.
        if (tree[l]! < best || (tree[l] === best && !fromRight)) {
          best = tree[l]!;
          node = l;
        }
        l++;
      }
      if (r & 1) {
        r--;
        // Right-side nodes come in decreasing position, all right of the left-side ones.
        if (tree[r]! < best || (tree[r] === best && !fromRight)) {
          best = tree[r]!;
          node = r;
          fromRight = true;
        }
      }
      l >>= 1;
      r >>= 1;
    }
    this.node = node;
    return best;
  }

  /** The rightmost leaf position holding the last `min` answer, found by descending from its node. O(log n). */
  argmin(tree: Float64Array): number {
    let node = this.node;
    const v = tree[node]!;
    while (node < this.size) node = tree[2 * node + 1] === v ? 2 * node + 1 : 2 * node;
    return node - this.size;
  }
}
