import type { SweepSpace } from './sweepSpace';

/** Where `prefixEnergy` writes candidates: candidate c of key at buf[at[key] + offset + c] (keys with at < 0 are skipped). */
export interface CandidateSink {
  readonly buf: Float64Array;
  readonly at: Int32Array;
  readonly offset: number;
}

/**
 * The least energy above idle of reaching every state, with no period limit:
 * a lower bound on its energy under any limit (a limit only removes stages).
 * Returned per id (c * nStates + state, c < n); Infinity when unreachable. Every finite
 * candidate G(c) - a * P[c] of every key goes to `sink` when given.
 *
 * Forward DP as in `searchMinCost` without the period constraint: for each key the
 * candidates G(c) - a * P[c] sit in a suffix-min staircase (as in `SuffixMin`); the best
 * start >= the window's bound is the first entry at or after it, and since that bound only
 * moves right as the stage end grows, a pointer per key finds it. O(n * keys * P) time,
 * O(n * keys) memory.
 */
export function prefixEnergy(sp: SweepSpace, sink?: CandidateSink): Float64Array {
  const { n, P, K, nStates, links, starts, weight, prefixes } = sp;
  const crossingOf = sp.t.crossing;
  const reach = new Float64Array(n * nStates).fill(Infinity);
  const st: Staircases = {
    sp,
    sink,
    reach,
    slotOf: new Int32Array(nStates * K).fill(-1),
    capacity: Math.min(nStates * K, 1024),
    pos: new Int32Array(0),
    val: new Float64Array(0),
    len: new Int32Array(0),
    ptr: new Int32Array(0),
    activeSk: [],
    activeR: [],
    activeNext: [],
    activeTo: [],
  };
  st.pos = new Int32Array(st.capacity * n);
  st.val = new Float64Array(st.capacity * n);
  st.len = new Int32Array(st.capacity);
  st.ptr = new Int32Array(st.capacity);
  for (let r = 0; r < P; r++) {
    reach[r] = 0;
    publish(st, 0, r);
  }
  // Per processor pair at the current cut: the sender's extra busy time and the link energy.
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
    const { activeSk, activeR, activeNext, activeTo, pos, val, len, ptr } = st;
    for (let ai = 0; ai < activeR.length; ai++) {
      const to = activeTo[ai]!;
      if (to === 0) continue;
      const r = activeR[ai]!;
      const sk = activeSk[ai]!;
      const lo = starts[(c * P + r) * K + (sk - r * K)]!;
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
        const v = r === r2 ? g + (a * 0 + 0) : g + (a * sendAt[pair]! + linkAt[pair]!);
        if (v < reach[first + r2]!) reach[first + r2] = v;
      }
    }
    for (let state = 0; state < nStates; state++) if (reach[row + state]! < Infinity) publish(st, c, state);
  }
  return reach;
}

/**
 * The staircases of `prefixEnergy`: per active key a suffix-min staircase (see `SuffixMin`) in flat
 * columns of n slots each, positions and values, strictly increasing both; the best start >= lo is
 * the first entry at or after lo. Why flat: thousands of small growing arrays cost more to allocate
 * and collect than the search.
 */
interface Staircases {
  readonly sp: SweepSpace;
  readonly sink: CandidateSink | undefined;
  readonly reach: Float64Array;
  readonly slotOf: Int32Array;
  capacity: number;
  pos: Int32Array;
  val: Float64Array;
  len: Int32Array;
  /** Per active key: the first staircase entry not left of its last window bound. */
  ptr: Int32Array;
  readonly activeSk: number[];
  readonly activeR: number[];
  /** Per active key: the state after its stage, next stage on processor 0 (add r2 for the others). */
  readonly activeNext: number[];
  /** Per active key: bit r2 set when the state after its stage has room on r2 and r -> r2 has a link. */
  readonly activeTo: number[];
}

/** Adds state (c, state)'s reach to the staircases of the stages it may start (a key becomes active on its first). */
function publish(st: Staircases, c: number, state: number): void {
  const { sp, reach, slotOf, sink } = st;
  const { n, P, K, nStates, units, links, weight, prefixes } = sp;
  const r = state % P;
  const g = reach[c * nStates + state]!;
  const room = sp.room(state);
  for (let k = 1; k <= room; k++) {
    const key = state * K + k - 1;
    let slot = slotOf[key]!;
    if (slot < 0) {
      slot = slotOf[key] = st.activeR.length;
      if (slot === st.capacity) {
        st.capacity *= 2;
        const grownPos = new Int32Array(st.capacity * n);
        const grownVal = new Float64Array(st.capacity * n);
        const grownLen = new Int32Array(st.capacity);
        const grownPtr = new Int32Array(st.capacity);
        grownPos.set(st.pos);
        grownVal.set(st.val);
        grownLen.set(st.len);
        grownPtr.set(st.ptr);
        st.pos = grownPos;
        st.val = grownVal;
        st.len = grownLen;
        st.ptr = grownPtr;
      }
      const next = sp.next(state, k, 0);
      let to = 0;
      if (next >= 0) {
        const U2 = ((next - (next % P)) / P) % sp.NU;
        for (let r2 = 0; r2 < P; r2++) {
          if (units.room[U2 * P + r2] === 0) continue;
          if (r !== r2 && links.latencyMs[r * P + r2] === Infinity) continue;
          to |= 1 << r2;
        }
      }
      st.activeSk.push(r * K + k - 1);
      st.activeR.push(r);
      st.activeNext.push(next);
      st.activeTo.push(to);
    }
    const sk = r * K + k - 1;
    const v = g - weight[sk]! * prefixes[sk]![c]!;
    if (sink) {
      const at = sink.at[key]!;
      if (at >= 0) sink.buf[at + sink.offset + c] = v;
    }
    const { val, pos, len, ptr } = st;
    const base = slot * n;
    let l = len[slot]!;
    while (l > 0 && val[base + l - 1]! >= v) l--;
    pos[base + l] = c;
    val[base + l] = v;
    len[slot] = l + 1;
    if (ptr[slot]! > l) ptr[slot] = l;
  }
}
