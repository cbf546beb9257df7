import { ExplorerError } from '../errors';

/**
 * Limits past which a search refuses to start instead of running for minutes or exhausting memory:
 * states (stage counts x usage vectors x processors, about 64 bytes each), and usage vectors times
 * the total unit count (the unit-count choices tried at every stage end). Two 300-core processors
 * beside two single units exceed the second; 300 + 4 + 1 + 1 units stay under it (about 12 s on
 * MobileNet v2); every preset is far below both.
 */
export const MAX_SEARCH_STATES = 2 ** 21;
export const MAX_UNIT_CHOICES = 2 ** 24;

/** Throws SEARCH_TOO_LARGE when a search over these units would pass `MAX_SEARCH_STATES` or `MAX_UNIT_CHOICES`. */
export function checkSearchSize(states: number, vectors: number, units: readonly number[]): void {
  const choices = vectors * units.reduce((a, b) => a + b, 0);
  if (states <= MAX_SEARCH_STATES && choices <= MAX_UNIT_CHOICES) return;
  throw new ExplorerError(
    'SEARCH_TOO_LARGE',
    `units ${units.join(', ')} give ${states.toExponential(1)} states and ${choices.toExponential(1)} unit choices; ` +
      `the limits are ${MAX_SEARCH_STATES.toExponential(1)} and ${MAX_UNIT_CHOICES.toExponential(1)}`,
  );
}

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
  /** room[idx * P + p]: units of p still free in usage vector idx (up to the schema's 1,024 units). */
  readonly room: Uint16Array;

  /** Throws SEARCH_TOO_LARGE when the vectors times the processors exceed `MAX_UNIT_STATES`. */
  constructor(units: readonly number[]) {
    const P = units.length;
    this.units = Int32Array.from(units);
    this.stride = new Int32Array(P);
    let size = 1;
    for (let p = 0; p < P; p++) {
      this.stride[p] = size;
      size *= units[p]! + 1;
    }
    checkSearchSize(size * P, size, units);
    this.size = size;
    this.room = new Uint16Array(size * P);
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
