import type { CostTables } from '../cost/tables';
import type { Plan } from '../plan/types';
import { DpFrame } from './dpFrame';
import { SuffixMin } from './staircase';
import type { Pins } from './types';
import { firstStartWithin } from './windows';

/** What a sum objective adds up over stages. */
export type SumObjective = 'latency' | 'energy';

export interface MinCostOptions {
  readonly objective: SumObjective;
  /** Every resource's time per frame must be <= this (ms): the FPS target as a period. */
  readonly maxPeriodMs: number;
  readonly maxStages?: number;
  readonly pins?: Pins;
  readonly onProgress?: (fraction: number) => void;
  readonly isCancelled?: () => boolean;
}

/**
 * The plan minimizing a sum over stages subject to period <= maxPeriodMs,
 * exactly, under the same constraints as `searchMinPeriod`:
 * - latency: every stage's compute plus every transfer (one frame through an idle pipeline);
 * - energy: the energy above idle, i.e. each stage's (active - idle) power share times its busy
 *   time plus link energy per byte. At a fixed frame interval the idle energy is a constant, so
 *   this is the energy per frame up to that constant.
 *
 * DP over (stage end, units used, next processor) as in `searchMinPeriod`:
 *   G(c', U + k@r, r') = min over starts c of G(c, U, r) + a * (P[c'] - P[c]) + b(r -> r', c')
 * subject to P[c'] - P[c] + send <= T, i.e. P[c] >= P[c'] + send - T: a lower bound on c, found
 * by binary search on the prefix sums. Candidates G(c) - a * P[c] sit in a `SuffixMin`.
 *
 * Complexity: O(n * |U| * sum(units) * P * log n). Returns undefined when infeasible.
 */
export function searchMinCost(t: CostTables, options: MinCostOptions): { plan: Plan; cost: number } | undefined {
  const f = new DpFrame(t, options.maxStages, options.pins, () => new SuffixMin());
  const { n, P, NU, S, units, space, links, windows, records } = f;
  // One part in 10^13 of slack: the plan meeting the limit exactly must not be lost to rounding
  // (stage windows add up busy time as evaluation does, `firstStartWithin`, but transfers are
  // computed apart).
  const T = options.maxPeriodMs * (1 + 1e-13);
  const energy = options.objective === 'energy';
  // Weight of a stage's busy time in the objective, per (r, k).
  const weight = (r: number, k: number): number => {
    if (!energy) return 1;
    const proc = t.processors[r]!;
    return ((proc.activePowerW - proc.idlePowerW) * k) / proc.units;
  };
  const addCandidate = (state: number, k: number, c: number, g: number, rec: number): void => {
    const r = state % P;
    f.stair(state, k).push(c, g - weight(r, k) * t.timePrefix[r]![k - 1]![c]!, rec);
  };
  for (let r = 0; r < P; r++) for (let k = 1; k <= units[r]!; k++) addCandidate(r, k, 0, 0, f.root);

  const scratch = new Float64Array(NU);
  const dominated = new Uint8Array(NU);
  let finalVal = Infinity;
  let finalRec = -1;

  for (let end = 1; end <= n; end++) {
    f.checkpoint(end, options);
    windows.advance(end);
    const crossing = t.crossing[end]!;
    for (let ai = 0; ai < f.active.length; ai++) {
      const key = f.active[ai]!;
      f.decode(key);
      const { r, k } = f;
      const lo = windows.lo(r, k, end);
      if (lo >= end) continue;
      const st = f.stairs[key]!;
      if (st.len === 0 || st.pos[st.len - 1]! < lo) continue;
      const prefix = t.timePrefix[r]![k - 1]!;
      const a = weight(r, k);
      const base = prefix[end]!;
      if (end === n) {
        const m = st.min(firstStartWithin(prefix, end, 0, T, lo));
        const v = m + a * base;
        if (v < finalVal) {
          finalVal = v;
          finalRec = records.add(st.rec[st.argmin]!, st.pos[st.argmin]!, n, r, k);
        }
        continue;
      }
      if (!f.prepareNext()) continue;
      const { U2, base2 } = f;
      for (let r2 = 0; r2 < P; r2++) {
        if (space.room[U2 * P + r2] === 0) continue;
        const pair = r * P + r2;
        const xms = r === r2 ? 0 : links.latencyMs[pair]! + links.msPerByte[pair]! * crossing;
        if (xms > T) continue; // no link, or a transfer slower than the period allows
        const send = r === r2 || links.overlaps[pair] === 1 ? 0 : xms;
        const m = st.min(firstStartWithin(prefix, end, send, T, lo));
        if (m === Infinity) continue;
        const b = energy ? a * send + (r === r2 ? 0 : links.mjPerByte[pair]! * crossing) : xms;
        f.offer(base2 + r2, m + a * base + b, st.rec[st.argmin]!, st.pos[st.argmin]!);
      }
    }
    if (f.hasTouched) {
      for (let s = 0; s < S; s++) {
        const slice = f.bestVal.subarray(s * NU * P, (s + 1) * NU * P);
        for (let r2 = 0; r2 < P; r2++) {
          space.markDominated(slice, P, r2, scratch, dominated);
          for (let U = 0; U < NU; U++) if (dominated[U]) slice[U * P + r2] = Infinity;
        }
      }
    }
    f.commit(end, (state2, rec, value) => {
      const r2 = state2 % P;
      const room = space.room[(((state2 - r2) / P) % NU) * P + r2]!;
      for (let k2 = 1; k2 <= room; k2++) addCandidate(state2, k2, end, value, rec);
    });
  }
  options.onProgress?.(1);
  if (finalRec < 0) return undefined;
  return { plan: records.plan(t, finalRec), cost: finalVal };
}
