import { SuffixMin } from './staircase';
import type { SweepSpace } from './sweepSpace';

/**
 * The least energy above idle of reaching every state, with no period limit:
 * a lower bound on its energy under any limit (a limit only removes stages).
 * Returned per id (c * nStates + state, c < n); Infinity when unreachable.
 *
 * Forward DP as in `searchMinCost` without the period constraint: for each key the
 * candidates G(c) - a * P[c] sit in a `SuffixMin`, so the best start >= the window's
 * bound is a binary search. O(n * keys * (log n + P)).
 */
export function prefixEnergy(sp: SweepSpace): Float64Array {
  const { n, P, K, nStates, units, links, starts, weight, prefixes } = sp;
  const crossingOf = sp.t.crossing;
  const reach = new Float64Array(n * nStates).fill(Infinity);
  const stairs = new Array<SuffixMin | undefined>(nStates * K);
  const active: number[] = [];
  const publish = (c: number, state: number): void => {
    const r = state % P;
    const g = reach[c * nStates + state]!;
    const room = sp.room(state);
    for (let k = 1; k <= room; k++) {
      const key = state * K + k - 1;
      let st = stairs[key];
      if (!st) {
        st = stairs[key] = new SuffixMin();
        active.push(key);
      }
      st.push(c, g - weight[r * K + k - 1]! * prefixes[r * K + k - 1]![c]!, 0);
    }
  };
  for (let r = 0; r < P; r++) {
    reach[r] = 0;
    publish(0, r);
  }
  for (let c = 1; c < n; c++) {
    const crossing = crossingOf[c]!;
    const row = c * nStates;
    for (let ai = 0; ai < active.length; ai++) {
      const key = active[ai]!;
      const k = (key % K) + 1;
      const state = (key - k + 1) / K;
      const r = state % P;
      const sk = r * K + k - 1;
      const lo = starts[(c * P + r) * K + k - 1]!;
      if (lo >= c) continue;
      const m = stairs[key]!.min(lo);
      if (m === Infinity) continue;
      const first = sp.next(state, k, 0);
      if (first < 0) continue;
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
