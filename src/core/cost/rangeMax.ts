/**
 * Sparse table for range-maximum queries: O(n log n) to build, O(1) per query.
 * Why: a stage's peak activation memory is a max over its layers, and plan
 * evaluation must stay O(stages) however long the stages are.
 */
export class RangeMax {
  private readonly levels: Float64Array[];

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
