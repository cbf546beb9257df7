/**
 * Unit-usage vectors (how many units of each processor earlier stages took)
 * packed into one integer, mixed radix (units_p + 1 per processor).
 * Why: the search's state is (position, units used, next processor); a dense
 * integer index lets it use flat typed arrays instead of maps.
 */
export class UnitSpace {
  /** Number of distinct usage vectors: the product of (units_p + 1). */
  readonly size: number;
  readonly units: Int32Array;
  readonly stride: Int32Array;
  /** room[idx * P + p]: units of p still free in usage vector idx. */
  readonly room: Uint8Array;

  constructor(units: readonly number[]) {
    const P = units.length;
    this.units = Int32Array.from(units);
    this.stride = new Int32Array(P);
    let size = 1;
    for (let p = 0; p < P; p++) {
      this.stride[p] = size;
      size *= units[p]! + 1;
    }
    this.size = size;
    this.room = new Uint8Array(size * P);
    for (let idx = 0; idx < size; idx++) {
      for (let p = 0; p < P; p++) {
        const used = Math.floor(idx / this.stride[p]!) % (units[p]! + 1);
        this.room[idx * P + p] = units[p]! - used;
      }
    }
  }

  /**
   * Marks usage vectors whose value is matched or beaten by a vector using fewer units: such a
   * state can never do better, since every way to finish from it is open to the smaller one too.
   * values[idx * P + r] for one processor r; writes dominated[idx] (1 = drop). O(|U| * P).
   * Why: pruning them shrinks the search's state space without changing its answer.
   */
  markDominated(values: Float64Array, P: number, r: number, scratch: Float64Array, dominated: Uint8Array): void {
    const size = this.size;
    for (let idx = 0; idx < size; idx++) scratch[idx] = values[idx * P + r]!;
    // scratch[idx] becomes the min over all vectors <= idx (one pass per processor dimension).
    for (let p = 0; p < this.units.length; p++) {
      const stride = this.stride[p]!;
      for (let idx = 0; idx < size; idx++) {
        if (this.room[idx * this.units.length + p]! < this.units[p]! && scratch[idx - stride]! < scratch[idx]!) {
          scratch[idx] = scratch[idx - stride]!;
        }
      }
    }
    for (let idx = 0; idx < size; idx++) {
      const v = values[idx * P + r]!;
      let dom = 0;
      if (v !== Infinity) {
        for (let p = 0; p < this.units.length && !dom; p++) {
          if (this.room[idx * this.units.length + p]! < this.units[p]! && scratch[idx - this.stride[p]!]! <= v) dom = 1;
        }
      }
      dominated[idx] = dom;
    }
  }

  /** The usage vector after a stage takes k units of processor p. O(1). */
  add(idx: number, p: number, k: number): number {
    return idx + k * this.stride[p]!;
  }
}
