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
  /** Only let a stage take all of its processor's units. */
  readonly wholeProcessors?: boolean;
  /** allowedEnds[c] = 1 where a stage may end (n always may); a coarse grid gives a fast upper bound. */
  readonly allowedEnds?: Uint8Array;
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
/**
 * The exact search in passes that bound each other from above: stage ends on a
 * grid of about `gridSize` positions (plus pinned cuts) with whole processors,
 * then with any unit counts, then everywhere. Each pass's plan is valid, so
 * its period prunes the next pass; the last pass is the exact search.
 */
export function searchMinPeriodFast(
  t: CostTables,
  options: MinPeriodOptions = {},
  gridSize = 96,
): { plan: Plan; periodMs: number } | undefined {
  if (t.n <= gridSize * 2) return searchMinPeriod(t, options);
  const grid = new Uint8Array(t.n + 1);
  for (let i = 1; i < gridSize; i++) grid[Math.round((i * t.n) / gridSize)] = 1;
  for (const c of options.pins?.cuts ?? []) grid[c] = 1;
  const report = options.onProgress;
  const quiet = { ...options };
  delete (quiet as { onProgress?: unknown }).onProgress;
  let ub = options.upperBoundMs ?? Infinity;
  if (t.processors.some((p) => p.units > 1)) {
    const wholeOnGrid = searchMinPeriod(t, { ...quiet, allowedEnds: grid, wholeProcessors: true, upperBoundMs: ub });
    if (wholeOnGrid) ub = Math.min(ub, wholeOnGrid.periodMs);
  }
  report?.(0.05);
  const onGrid = searchMinPeriod(t, { ...quiet, allowedEnds: grid, upperBoundMs: ub });
  if (onGrid) ub = Math.min(ub, onGrid.periodMs);
  report?.(0.15);
  return searchMinPeriod(t, {
    ...quiet,
    upperBoundMs: ub,
    ...(report ? { onProgress: (f: number) => report(0.15 + 0.85 * f) } : {}),
  });
}

export function searchMinPeriod(
  t: CostTables,
  options: MinPeriodOptions = {},
): { plan: Plan; periodMs: number } | undefined {
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
  const minK = (r: number): number => (options.wholeProcessors ? units[r]! : 1);
  const addCandidate = (state: number, k: number, c: number, a: number, rec: number): void => {
    const key = state * K + k - 1;
    let st = stairs[key];
    if (!st) {
      st = stairs[key] = new MinMaxStaircase();
      active.push(key);
    }
    st.push(c, a, rec);
  };
  for (let r = 0; r < P; r++) for (let k = minK(r); k <= units[r]!; k++) addCandidate(r, k, 0, 0, root);

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
    if (end < n && options.allowedEnds && options.allowedEnds[end] !== 1) continue;
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
      // Cheapest possible outcome for any start: the first candidate in range bounds A from below,
      // the last one bounds the stage's compute from below. Above the bound there is nothing to gain.
      if (st.val[from]! > ub) continue;
      const prefix = t.timePrefix[r]![k - 1]!;
      const base = prefix[end]!;
      if (base - prefix[st.pos[st.len - 1]!]! > ub) continue;
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
      // Queries depend on the next processor only through z; DMA and same-processor hand-offs share
      // z = base, and links of equal speed share z too, so remember the last answer.
      let lastZ = NaN;
      let lastV = Infinity;
      let lastArg = -1;
      for (let r2 = 0; r2 < P; r2++) {
        if (space.room[U2 * P + r2] === 0) continue;
        const pair = r * P + r2;
        const xms = r === r2 ? 0 : links.latencyMs[pair]! + links.msPerByte[pair]! * crossing;
        if (xms > ub) continue; // no link (Infinity), or a transfer slower than a known plan's period
        const dma = r === r2 || links.overlaps[pair] === 1;
        const z = dma ? base : base + xms;
        if (z !== lastZ) {
          lastZ = z;
          lastV = st.query(from, z, prefix);
          lastArg = st.argmin;
        }
        const v = dma && xms > lastV ? xms : lastV;
        if (v > ub) continue;
        const state2 = stateBase + r2;
        if (v < bestVal[state2]!) {
          if (bestVal[state2] === Infinity) touched.push(state2);
          bestVal[state2] = v;
          bestPrev[state2] = st.rec[lastArg]!;
          bestFrom[state2] = st.pos[lastArg]!;
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
      for (let k2 = minK(r2); k2 <= room; k2++) addCandidate(state2, k2, end, bestVal[state2]!, rec);
      bestVal[state2] = Infinity;
    }
    touched.length = 0;
  }
  options.onProgress?.(1);
  if (finalRec < 0) return undefined;
  return { plan: records.plan(t, finalRec), periodMs: finalVal };
}
