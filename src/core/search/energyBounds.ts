import type { SweepSpace } from './sweepSpace';

/**
 * The least energy above idle of reaching every state, with no period limit:
 * a lower bound on its energy under any limit (a limit only removes stages).
 * Returned per id (c * nStates + state, c < n); Infinity when unreachable.
 *
 * Forward DP as in `searchMinCost` without the period constraint: for each key the
 * candidates G(c) - a * P[c] sit in a suffix-min staircase (as in `SuffixMin`); the best
 * start >= the window's bound is the first entry at or after it, and since that bound only
 * moves right as the stage end grows, a pointer per key finds it. O(n * keys * P) time,
 * O(n * keys) memory.
 */
export function prefixEnergy(sp: SweepSpace): Float64Array {
  const { n, P, K, nStates, links, starts, weight, prefixes } = sp;
  const crossingOf = sp.t.crossing;
  const reach = new Float64Array(n * nStates).fill(Infinity);
  const stairs = new KeyStaircases(sp, reach);
  for (let r = 0; r < P; r++) {
    reach[r] = 0;
    stairs.publish(0, r);
  }
  // Per processor pair at the current cut: the sender's extra busy time and the link energy (0 on the diagonal).
  const sendAt = new Float64Array(P * P);
  const linkAt = new Float64Array(P * P);
  for (let c = 1; c < n; c++) {
    const crossing = crossingOf[c]!;
    for (let r = 0; r < P; r++) {
      for (let r2 = 0; r2 < P; r2++) {
        const pair = r * P + r2;
        if (r === r2 || links.latencyMs[pair] === Infinity) continue;
        const xms = links.latencyMs[pair]! + links.msPerByte[pair]! * crossing;
        sendAt[pair] = links.overlaps[pair] === 1 ? 0 : xms;
        linkAt[pair] = links.mjPerByte[pair]! * crossing;
      }
    }
    const row = c * nStates;
    const { sk: activeSk, next: activeNext, to: activeTo, pos, val, len, ptr } = stairs;
    for (let ai = 0; ai < activeSk.length; ai++) {
      const to = activeTo[ai]!;
      if (to === 0) continue;
      const sk = activeSk[ai]!;
      const r = (sk / K) | 0;
      const lo = starts[c * P * K + sk]!;
      if (lo >= c) continue;
      // First entry at or after lo.
      const base = ai * n;
      const l = len[ai]!;
      let p = ptr[ai]!;
      while (p < l && pos[base + p]! < lo) p++;
      ptr[ai] = p;
      if (p >= l) continue;
      const m = val[base + p]!;
      const a = weight[sk]!;
      const g = m + a * prefixes[sk]![c]!;
      const first = row + activeNext[ai]!;
      for (let r2 = 0; r2 < P; r2++) {
        if ((to & (1 << r2)) === 0) continue;
        const pair = r * P + r2;
        const v = g + (a * sendAt[pair]! + linkAt[pair]!);
        if (v < reach[first + r2]!) reach[first + r2] = v;
      }
    }
    for (let state = 0; state < nStates; state++) if (reach[row + state]! < Infinity) stairs.publish(c, state);
  }
  return reach;
}

/**
 * The staircases of `prefixEnergy`: per active key a suffix-min staircase (see `SuffixMin`) in flat
 * columns of n slots each, positions and values, strictly increasing both.
 * Why flat: thousands of small growing arrays cost more to allocate and collect than the search.
 */
class KeyStaircases {
  /** Per key: its slot, -1 until it is active. */
  private readonly slotOf: Int32Array;
  private capacity: number;
  pos: Int32Array;
  val: Float64Array;
  len: Int32Array;
  /** Per slot: the first staircase entry not left of its last window bound. */
  ptr: Int32Array;
  /** Per slot: its stage, r * K + k - 1. */
  readonly sk: number[] = [];
  /** Per slot: the state after its stage with the next stage on processor 0 (add r2 for the others; -1: none). */
  readonly next: number[] = [];
  /**
   * Per slot: bit r2 set when the state after its stage has room on r2 and a link leads there. (An
   * `EnergySweep` never has more than 30 processors: its memory bound rules out 2^30 unit vectors.)
   */
  readonly to: number[] = [];

  constructor(
    private readonly sp: SweepSpace,
    private readonly reach: Float64Array,
  ) {
    this.slotOf = new Int32Array(sp.nStates * sp.K).fill(-1);
    this.capacity = Math.min(sp.nStates * sp.K, 1024);
    this.pos = new Int32Array(this.capacity * sp.n);
    this.val = new Float64Array(this.capacity * sp.n);
    this.len = new Int32Array(this.capacity);
    this.ptr = new Int32Array(this.capacity);
  }

  /** Adds state (c, state)'s reach to the staircases of the stages it may start. O(room) amortized. */
  publish(c: number, state: number): void {
    const { n, P, K, nStates, weight, prefixes } = this.sp;
    const r = state % P;
    const g = this.reach[c * nStates + state]!;
    const room = this.sp.room(state);
    for (let k = 1; k <= room; k++) {
      const key = state * K + k - 1;
      let slot = this.slotOf[key]!;
      if (slot < 0) slot = this.activate(key, state, k);
      const sk = r * K + k - 1;
      const v = g - weight[sk]! * prefixes[sk]![c]!;
      const { val, pos, len, ptr } = this;
      const base = slot * n;
      let l = len[slot]!;
      while (l > 0 && val[base + l - 1]! >= v) l--;
      pos[base + l] = c;
      val[base + l] = v;
      len[slot] = l + 1;
      if (ptr[slot]! > l) ptr[slot] = l;
    }
  }

  /** Gives key (a stage of k units from state) a slot, growing the columns when full. */
  private activate(key: number, state: number, k: number): number {
    const { n, P, K, NU, units, links } = this.sp;
    const slot = (this.slotOf[key] = this.sk.length);
    if (slot === this.capacity) {
      this.capacity *= 2;
      const grow = <A extends Int32Array | Float64Array>(a: A, b: A): A => {
        b.set(a);
        return b;
      };
      this.pos = grow(this.pos, new Int32Array(this.capacity * n));
      this.val = grow(this.val, new Float64Array(this.capacity * n));
      this.len = grow(this.len, new Int32Array(this.capacity));
      this.ptr = grow(this.ptr, new Int32Array(this.capacity));
    }
    const r = state % P;
    const next = this.sp.next(state, k, 0);
    let to = 0;
    if (next >= 0) {
      const U2 = ((next - (next % P)) / P) % NU;
      for (let r2 = 0; r2 < P; r2++) {
        if (units.room[U2 * P + r2] === 0) continue;
        if (r !== r2 && links.latencyMs[r * P + r2] === Infinity) continue;
        to |= 1 << r2;
      }
    }
    this.sk.push(r * K + k - 1);
    this.next.push(next);
    this.to.push(to);
    return slot;
  }
}
