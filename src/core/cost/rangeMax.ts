/**
 * Sparse table for range-maximum queries: O(n log n) to build, O(1) per query.
 * Why: a stage's peak activation memory is a max over its layers, and plan
 * evaluation must stay O(stages) however long the stages are.
 */
export class RangeMax {
  private readonly levels: Float64Array[];

  /** Rebuilds a table from `levels()` of another (e.g. one built in a worker), without recomputing. O(1). */
  static fromLevels(levels: Float64Array[]): RangeMax {
    const r = Object.create(RangeMax.prototype) as { levels: Float64Array[] };
    r.levels = levels;
    return r as unknown as RangeMax;
  }

  /** The table's rows, for transfer to another thread. */
  rows(): readonly Float64Array[] {
    return this.levels;
  }

  constructor(values: ArrayLike<number>) {
    const n = values.length;
    const first = Float64Array.from(values);
    this.levels = [first];
    for (let width = 2; width <= n; width *= 2) {
      const prev = this.levels[this.levels.length - 1]!;
      const half = width / 2;
      const next = new Float64Array(n - width + 1);
      for (let i = 0; i < next.length; i++) next[i] = Math.max(prev[i]!, prev[i + half]!);
      this.levels.push(next);
    }
  }

  /** Max over [from, to); -Infinity when the range is empty. */
  query(from: number, to: number): number {
    if (to <= from) return -Infinity;
    const level = 31 - Math.clz32(to - from);
    const row = this.levels[level]!;
    return Math.max(row[from]!, row[to - (1 << level)]!);
  }
}
