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
  private readonly stride: Int32Array;
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

  /** The usage vector after a stage takes k units of processor p. O(1). */
  add(idx: number, p: number, k: number): number {
    return idx + k * this.stride[p]!;
  }
}
