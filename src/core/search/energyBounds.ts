import type { SweepSpace } from './sweepSpace';

/**
 * The least energy above idle of reaching every state, with no period limit:
 * a lower bound on its energy under any limit (a limit only removes stages).
 * Returned per id (c * nStates + state, c < n); Infinity when unreachable. onCandidate sees
 * every finite candidate G(c) - a * P[c] of every key, in position order.
 *
 * Forward DP as in `searchMinCost` without the period constraint: for each key the
 * candidates G(c) - a * P[c] sit in a suffix-min staircase (as in `SuffixMin`), so the
 * best start >= the window's bound is a binary search. O(n * keys * (log n + P)) time,
 * O(n * keys) memory.
 */
export function prefixEnergy(
  sp: SweepSpace,
  onCandidate?: (key: number, c: number, value: number) => void,
): Float64Array {
  const { n, P, K, nStates, units, links, starts, weight, prefixes } = sp;
  const crossingOf = sp.t.crossing;
  const reach = new Float64Array(n * nStates).fill(Infinity);
  // Per active key a suffix-min staircase (see `SuffixMin`) in flat columns of n slots each: positions
  // and values, strictly increasing both; the best start >= lo is the first entry at or after lo.
  // Why flat: thousands of small growing arrays cost more to allocate and collect than the search.
  const slotOf = new Int32Array(nStates * K).fill(-1);
  const keyCount = nStates * K;
  let capacity = Math.min(keyCount, 1024);
  let pos = new Int32Array(capacity * n);
  let val = new Float64Array(capacity * n);
  let len = new Int32Array(capacity);
  const activeR: number[] = [];
  const activeK: number[] = [];
  const activeNext: number[] = [];
  const publish = (c: number, state: number): void => {
    const r = state % P;
    const g = reach[c * nStates + state]!;
    const room = sp.room(state);
    for (let k = 1; k <= room; k++) {
      const key = state * K + k - 1;
      let slot = slotOf[key]!;
      if (slot < 0) {
        slot = slotOf[key] = activeR.length;
        if (slot === capacity) {
          capacity *= 2;
          const grownPos = new Int32Array(capacity * n);
          const grownVal = new Float64Array(capacity * n);
          const grownLen = new Int32Array(capacity);
          grownPos.set(pos);
          grownVal.set(val);
          grownLen.set(len);
          pos = grownPos;
          val = grownVal;
          len = grownLen;
        }
        activeR.push(r);
        activeK.push(k);
        activeNext.push(sp.next(state, k, 0));
      }
      const v = g - weight[r * K + k - 1]! * prefixes[r * K + k - 1]![c]!;
      onCandidate?.(key, c, v);
      const base = slot * n;
      let l = len[slot]!;
      while (l > 0 && val[base + l - 1]! >= v) l--;
      pos[base + l] = c;
      val[base + l] = v;
      len[slot] = l + 1;
    }
  };
  for (let r = 0; r < P; r++) {
    reach[r] = 0;
    publish(0, r);
  }
  for (let c = 1; c < n; c++) {
    const crossing = crossingOf[c]!;
    const row = c * nStates;
    for (let ai = 0; ai < activeR.length; ai++) {
      const first = activeNext[ai]!;
      if (first < 0) continue;
      const r = activeR[ai]!;
      const k = activeK[ai]!;
      const sk = r * K + k - 1;
      const lo = starts[(c * P + r) * K + k - 1]!;
      if (lo >= c) continue;
      // First entry at or after lo.
      const base = ai * n;
      let a0 = 0;
      let b0 = len[ai]!;
      while (a0 < b0) {
        const mid = (a0 + b0) >> 1;
        if (pos[base + mid]! < lo) a0 = mid + 1;
        else b0 = mid;
      }
      if (a0 >= len[ai]!) continue;
      const m = val[base + a0]!;
      const U2 = (first / P) % sp.NU;
      const a = weight[sk]!;
      const g = m + a * prefixes[sk]![c]!;
      for (let r2 = 0; r2 < P; r2++) {
        if (units.room[U2 * P + r2] === 0) continue;
        const pair = r * P + r2;
        if (r !== r2 && links.latencyMs[pair] === Infinity) continue;
        const xms = r === r2 ? 0 : links.latencyMs[pair]! + links.msPerByte[pair]! * crossing;
        const send = r === r2 || links.overlaps[pair] === 1 ? 0 : xms;
        const linkMj = r === r2 ? 0 : links.mjPerByte[pair]! * crossing;
        const v = g + (a * send + linkMj);
        const id = row + first + r2;
        if (v < reach[id]!) reach[id] = v;
      }
    }
    for (let state = 0; state < nStates; state++) if (reach[row + state]! < Infinity) publish(c, state);
  }
  return reach;
}
