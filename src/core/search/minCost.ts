import type { CostTables } from '../cost/tables';
import { ExplorerError } from '../errors';
import type { Plan } from '../plan/types';
import { pairLinks } from './links';
import { Records } from './records';
import { SuffixMin } from './staircase';
import type { Pins } from './types';
import { UnitSpace } from './unitSpace';
import { StageWindows } from './windows';

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
  const n = t.n;
  const P = t.processors.length;
  const units = t.processors.map((p) => p.units);
  const K = Math.max(...units);
  const space = new UnitSpace(units);
  const NU = space.size;
  const totalUnits = units.reduce((a, b) => a + b, 0);
  const maxStages = options.maxStages ?? Infinity;
  if (maxStages < 1) throw new ExplorerError('BAD_ARGUMENT', 'at most 0 stages leaves nothing to run');
  const limited = maxStages < Math.min(totalUnits, n);
  const S = limited ? maxStages : 1;
  const nStates = S * NU * P;
  // One part in 10^12 of slack: the plan meeting the limit exactly must not be lost to rounding
  // (the search compares P[c] >= P[c'] + send - T where evaluation adds P[c'] - P[c] + send).
  const T = options.maxPeriodMs * (1 + 1e-12);
  const links = pairLinks(t);
  const windows = new StageWindows(t, options.pins);
  const records = new Records();
  const root = records.add(-1, 0, 0, -1, 0);
  const energy = options.objective === 'energy';
  // Weight of a stage's busy time in the objective, per (r, k).
  const weight = (r: number, k: number): number => {
    if (!energy) return 1;
    const proc = t.processors[r]!;
    return ((proc.activePowerW - proc.idlePowerW) * k) / proc.units;
  };

  const stairs: (SuffixMin | undefined)[] = new Array(nStates * K);
  const active: number[] = [];
  const addCandidate = (state: number, k: number, c: number, g: number, rec: number): void => {
    const key = state * K + k - 1;
    let st = stairs[key];
    if (!st) {
      st = stairs[key] = new SuffixMin();
      active.push(key);
    }
    const r = state % P;
    st.push(c, g - weight(r, k) * t.timePrefix[r]![k - 1]![c]!, rec);
  };
  for (let r = 0; r < P; r++) for (let k = 1; k <= units[r]!; k++) addCandidate(r, k, 0, 0, root);

  const bestVal = new Float64Array(nStates).fill(Infinity);
  const bestPrev = new Int32Array(nStates);
  const bestFrom = new Int32Array(nStates);
  const bestStage = new Int32Array(nStates);
  const touched: number[] = [];
  const scratch = new Float64Array(NU);
  const dominated = new Uint8Array(NU);
  let finalVal = Infinity;
  let finalRec = -1;

  for (let end = 1; end <= n; end++) {
    if ((end & 63) === 0) {
      if (options.isCancelled?.()) throw new ExplorerError('CANCELLED');
      options.onProgress?.(end / n);
    }
    windows.advance(end);
    const crossing = t.crossing[end]!;
    for (let ai = 0; ai < active.length; ai++) {
      const key = active[ai]!;
      const k = (key % K) + 1;
      const state = (key - k + 1) / K;
      const r = state % P;
      const U = ((state - r) / P) % NU;
      const s = Math.floor(state / (P * NU));
      const lo = windows.lo(r, k, end);
      if (lo >= end) continue;
      const st = stairs[key]!;
      if (st.len === 0 || st.pos[st.len - 1]! < lo) continue;
      const prefix = t.timePrefix[r]![k - 1]!;
      const a = weight(r, k);
      const base = prefix[end]!;
      if (end === n) {
        const m = st.min(Math.max(lo, firstAtLeast(prefix, base - T, lo, end)));
        const v = m + a * base;
        if (v < finalVal) {
          finalVal = v;
          finalRec = records.add(st.rec[st.argmin]!, st.pos[st.argmin]!, n, r, k);
        }
        continue;
      }
      if (limited && s + 1 >= S) continue;
      const U2 = space.add(U, r, k);
      const stateBase = ((limited ? s + 1 : 0) * NU + U2) * P;
      for (let r2 = 0; r2 < P; r2++) {
        if (space.room[U2 * P + r2] === 0) continue;
        const pair = r * P + r2;
        const xms = r === r2 ? 0 : links.latencyMs[pair]! + links.msPerByte[pair]! * crossing;
        if (xms > T) continue; // no link, or a transfer slower than the period allows
        const send = r === r2 || links.overlaps[pair] === 1 ? 0 : xms;
        const from = firstAtLeast(prefix, base + send - T, lo, end);
        const m = st.min(from);
        if (m === Infinity) continue;
        const b = energy ? a * send + (r === r2 ? 0 : links.mjPerByte[pair]! * crossing) : xms;
        const v = m + a * base + b;
        const state2 = stateBase + r2;
        if (v < bestVal[state2]!) {
          if (bestVal[state2] === Infinity) touched.push(state2);
          bestVal[state2] = v;
          bestPrev[state2] = st.rec[st.argmin]!;
          bestFrom[state2] = st.pos[st.argmin]!;
          bestStage[state2] = r * K + k - 1;
        }
      }
    }
    if (touched.length > 0) {
      for (let s = 0; s < S; s++) {
        const slice = bestVal.subarray(s * NU * P, (s + 1) * NU * P);
        for (let r2 = 0; r2 < P; r2++) {
          space.markDominated(slice, P, r2, scratch, dominated);
          for (let U = 0; U < NU; U++) if (dominated[U]) slice[U * P + r2] = Infinity;
        }
      }
    }
    for (const state2 of touched) {
      if (bestVal[state2] === Infinity) continue; // dominated by a state using fewer units
      const stage = bestStage[state2]!;
      const rec = records.add(bestPrev[state2]!, bestFrom[state2]!, end, Math.floor(stage / K), (stage % K) + 1);
      const r2 = state2 % P;
      const U2 = ((state2 - r2) / P) % NU;
      const room = space.room[U2 * P + r2]!;
      for (let k2 = 1; k2 <= room; k2++) addCandidate(state2, k2, end, bestVal[state2]!, rec);
      bestVal[state2] = Infinity;
    }
    touched.length = 0;
  }
  options.onProgress?.(1);
  if (finalRec < 0) return undefined;
  return { plan: records.plan(t, finalRec), cost: finalVal };
}

/** Smallest c in [lo, end) with prefix[c] >= threshold (end if none): binary search, prefix non-decreasing. */
function firstAtLeast(prefix: Float64Array, threshold: number, lo: number, end: number): number {
  let a = lo;
  let b = end;
  while (a < b) {
    const m = (a + b) >> 1;
    if (prefix[m]! < threshold) a = m + 1;
    else b = m;
  }
  return a;
}
