import type { CostTables } from '../cost/tables';
import { ExplorerError } from '../errors';
import type { Plan } from '../plan/types';
import { pairLinks } from './links';
import { Records } from './records';
import { MinMaxStaircase } from './staircase';
import type { Pins } from './types';
import { UnitSpace } from './unitSpace';
import { StageWindows } from './windows';

export interface MinPeriodOptions {
  readonly maxStages?: number;
  readonly pins?: Pins;
  /** A period some valid plan reaches; states above it are pruned. */
  readonly upperBoundMs?: number;
  readonly onProgress?: (fraction: number) => void;
  readonly isCancelled?: () => boolean;
}

/**
 * The plan with the smallest period (highest FPS), exactly: every number of
 * stages, every cut, every processor order and every unit count per stage,
 * under units, memory, op support, link existence, a stage limit and pins.
 *
 * Dynamic programming over (stage end c', units used U, next processor r'):
 *   F(c', U + k@r, r') = min over starts c of max(F(c, U, r), compute_{r,k}[c, c') + send(r -> r', c'), dma(r -> r', c'))
 * The stage's own cost only depends on the next processor through its outgoing
 * transfer, so the state needs no more history. For each (U, r, k) the
 * candidate starts live in a `MinMaxStaircase`, so the min over c is a binary
 * search; constraints become a lower bound on c (`StageWindows`).
 *
 * Complexity: O(n * |U| * sum(units) * P * log n) time, |U| = prod(units_p + 1);
 * O(records) memory. Returns undefined when no plan satisfies the constraints.
 */
export function searchMinPeriod(t: CostTables, options: MinPeriodOptions = {}): { plan: Plan; periodMs: number } | undefined {
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
  const links = pairLinks(t);
  const windows = new StageWindows(t, options.pins);
  const records = new Records();
  const root = records.add(-1, 0, 0, -1, 0);
  const ub = options.upperBoundMs ?? Infinity;

  const stairs: (MinMaxStaircase | undefined)[] = new Array(nStates * K);
  const active: number[] = [];
  const addCandidate = (state: number, k: number, c: number, a: number, rec: number): void => {
    const key = state * K + k - 1;
    let st = stairs[key];
    if (!st) {
      st = stairs[key] = new MinMaxStaircase();
      active.push(key);
    }
    st.push(c, a, rec);
  };
  for (let r = 0; r < P; r++) for (let k = 1; k <= units[r]!; k++) addCandidate(r, k, 0, 0, root);

  const bestVal = new Float64Array(nStates).fill(Infinity);
  const bestPrev = new Int32Array(nStates);
  const bestFrom = new Int32Array(nStates);
  const bestStage = new Int32Array(nStates); // r * K + k - 1
  const touched: number[] = [];
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
      const from = st.firstAtOrAfter(lo);
      if (from >= st.len) continue;
      const prefix = t.timePrefix[r]![k - 1]!;
      const base = prefix[end]!;
      if (end === n) {
        const v = st.query(from, base, prefix);
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
        if (xms === Infinity) continue;
        const dma = r === r2 || links.overlaps[pair] === 1;
        let v = st.query(from, dma ? base : base + xms, prefix);
        if (dma && xms > v) v = xms;
        if (v > ub) continue;
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
    for (const state2 of touched) {
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
  return { plan: records.plan(t, finalRec), periodMs: finalVal };
}
