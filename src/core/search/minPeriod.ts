import type { CostTables } from '../cost/tables';
import type { Plan } from '../plan/types';
import { DpFrame } from './dpFrame';
import { MinMaxStaircase } from './staircase';
import type { Pins } from './types';

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
  const f = new DpFrame(t, options.maxStages, options.pins, () => new MinMaxStaircase());
  const { n, P, units, space, links, windows, records } = f;
  const ub = options.upperBoundMs ?? Infinity;
  const minK = (r: number): number => (options.wholeProcessors ? units[r]! : 1);
  for (let r = 0; r < P; r++) for (let k = minK(r); k <= units[r]!; k++) f.stair(r, k).push(0, 0, f.root);
  let finalVal = Infinity;
  let finalRec = -1;

  for (let end = 1; end <= n; end++) {
    f.checkpoint(end, options);
    windows.advance(end);
    if (end < n && options.allowedEnds && options.allowedEnds[end] !== 1) continue;
    const crossing = t.crossing[end]!;
    for (let ai = 0; ai < f.active.length; ai++) {
      const key = f.active[ai]!;
      f.decode(key);
      const { r, k } = f;
      const lo = windows.lo(r, k, end);
      if (lo >= end) continue;
      const st = f.stairs[key]!;
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
      if (!f.prepareNext()) continue;
      const { U2, base2 } = f;
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
        f.offer(base2 + r2, v, st.rec[lastArg]!, st.pos[lastArg]!);
      }
    }
    f.commit(end, (state2, rec, value) => {
      const r2 = state2 % P;
      const room = space.room[(((state2 - r2) / P) % f.NU) * P + r2]!;
      for (let k2 = minK(r2); k2 <= room; k2++) f.stair(state2, k2).push(end, value, rec);
    });
  }
  options.onProgress?.(1);
  if (finalRec < 0) return undefined;
  return { plan: records.plan(t, finalRec), periodMs: finalVal };
}
