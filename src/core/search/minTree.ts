/**
 * Range-minimum segment trees over positions 0..n, many in one flat Float64Array:
 * the tree at offset `at` takes `width` numbers, leaves at [at + size, at + 2 * size)
 * (size a power of two, empty leaves Infinity), its root at at + 1.
 * Why: the energy sweep changes single candidates between period limits and
 * asks "min over starts in [lo, end)", so it needs O(log n) updates and queries;
 * a staircase or sparse table would have to be rebuilt. One buffer for all trees:
 * thousands of small arrays cost allocation, and a typed array per tree costs a
 * pointer chase on every access.
 */
export class MinTrees {
  /** Leaves per tree: the smallest power of two >= positions. */
  readonly size: number;
  /** Numbers per tree. */
  readonly width: number;
  /** The node (relative to its tree) holding the last `min` answer (-1 when none); `argmin` descends from it. */
  node = -1;

  constructor(positions: number) {
    let size = 1;
    while (size < positions) size *= 2;
    this.size = size;
    this.width = 2 * size;
  }

  /** Recomputes every inner node of the tree at `at` from its leaves (after writing leaves directly). O(size). */
  build(buf: Float64Array, at: number): void {
    for (let node = this.size - 1; node >= 1; node--) {
      const a = buf[at + 2 * node]!;
      const b = buf[at + 2 * node + 1]!;
      buf[at + node] = a < b ? a : b;
    }
  }

  /** Sets leaf i of the tree at `at` to v and repairs its ancestors. O(log n). */
  set(buf: Float64Array, at: number, i: number, v: number): void {
    let node = i + this.size;
    buf[at + node] = v;
    while (node > 1) {
      node >>= 1;
      const a = buf[at + 2 * node]!;
      const b = buf[at + 2 * node + 1]!;
      const m = a < b ? a : b;
      if (buf[at + node] === m) break; // ancestors already hold this minimum
      buf[at + node] = m;
    }
  }

  /**
   * Min over leaves [lo, hi) of the tree at `at`; Infinity when empty. Remembers a node that holds it:
   * on ties mostly the rightmost, as the staircases do (of two equal starts the later one wins), but
   * not always: once a right-side node has held the best, ties stop moving even after a smaller
   * left-side node took over. Which of equal starts is taken never changes a value, only which of
   * equal-energy plans a search meets first (the Pareto loop then re-cuts such plans, see
   * `fasterAtSameEnergy`). O(log n).
   */
  min(buf: Float64Array, at: number, lo: number, hi: number): number {
    let best = Infinity;
    let node = -1;
    let fromRight = false;
    let l = lo + this.size;
    let r = hi + this.size;
    while (l < r) {
      if (l & 1) {
        // Left-side nodes come in increasing position: a tie moves right, unless a right-side node holds it.
        const v = buf[at + l]!;
        if (v < best || (v === best && !fromRight)) {
          best = v;
          node = l;
        }
        l++;
      }
      if (r & 1) {
        r--;
        // Right-side nodes come in decreasing position, all right of the left-side ones.
        const v = buf[at + r]!;
        if (v < best || (v === best && !fromRight)) {
          best = v;
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

  /** The rightmost leaf position holding the last `min` answer of the tree at `at`, found by descending from its node. O(log n). */
  argmin(buf: Float64Array, at: number): number {
    let node = this.node;
    const v = buf[at + node]!;
    while (node < this.size) node = buf[at + 2 * node + 1] === v ? 2 * node + 1 : 2 * node;
    return node - this.size;
  }
}
