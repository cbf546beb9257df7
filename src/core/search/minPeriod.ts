import type { CostTables } from '../cost/tables';
import type { Plan } from '../plan/types';
import { ExplorerError } from '../errors';
import { LiveStates } from './liveStates';
import { pairLinks } from './links';
import { nextHops } from './nextHops';
import { Records } from './records';
import { checkSearchSize, UnitSpace } from './unitSpace';
import { StageWindows } from './windows';
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
  /** Bottlenecks below this count as equal to it (see `searchMinPeriodFast`); the answer is then max(optimum, floor). */
  readonly floorMs?: number;
  readonly onProgress?: (fraction: number) => void;
  readonly isCancelled?: () => boolean;
}

/**
 * The exact search in passes that bound each other from above: stage ends on a
 * grid of about `gridSize` positions (a quarter of the layers when there are fewer
 * than twice as many; plus pinned cuts) with whole processors,
 * then with any unit counts, then everywhere. Each pass's plan is valid, so
 * its period prunes the next pass; the last pass is the exact search, with a
 * floor `FLOOR_GAP` below the grid's period: an answer above the floor is the
 * optimum, an answer at the floor means the optimum is lower still, and the
 * last pass runs again without a floor.
 * Measured (`npm run bench`): ResNet-152 on the HiKey 970 in about 20 ms.
 */
export function searchMinPeriodFast(
  t: CostTables,
  options: MinPeriodOptions = {},
  gridSize = 96,
): { plan: Plan; periodMs: number } | undefined {
  // A finer grid on short networks: a grid of half the positions would cost about the full search,
  // while a quarter still gives a bound close enough for the floor (ResNet-50 on CMP16: 433 -> 98 ms).
  const size = t.n > gridSize * 2 ? gridSize : Math.floor(t.n / 4);
  if (size < Math.min(4, gridSize)) return searchMinPeriod(t, options);
  const grid = new Uint8Array(t.n + 1);
  for (let i = 1; i < size; i++) grid[Math.round((i * t.n) / size)] = 1;
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
  const last = (floorMs: number) =>
    searchMinPeriod(t, {
      ...quiet,
      upperBoundMs: ub,
      floorMs,
      ...(report ? { onProgress: (f: number) => report(0.15 + 0.85 * f) } : {}),
    });
  if (ub === Infinity) return last(0);
  const floorMs = ub * (1 - FLOOR_GAP);
  const found = last(floorMs);
  // Above the floor the answer is exact; at the floor the optimum lies below it, so search again without one.
  return found && found.periodMs > floorMs ? found : last(0);
}

/** How far below the grid passes' period the last pass sets its floor (fraction). */
const FLOOR_GAP = 0.04;

/**
 * The plan with the smallest period (highest FPS), exactly: every number of
 * stages, every cut, every processor order and every unit count per stage,
 * under units, memory, op support, link existence, a stage limit and pins.
 *
 * Dynamic programming over (stage end c', units used U, next processor r'):
 *   F(c', U + k@r, r') = min over starts c of max(F(c, U, r), compute_{r,k}[c, c') + send(r -> r', c'), dma(r -> r', c'))
 * The stage's own cost only depends on the next processor through its outgoing
 * transfer, so the state needs no more history. Each state's candidate starts
 * live in one `MinMaxStaircase` (shared by every unit count k of the next
 * stage), so the min over c is a binary search; constraints become a lower
 * bound on c (`StageWindows`). What keeps it fast, none of it changing the answer:
 * - `upperBoundMs`: values above a known plan's period are dropped;
 * - `floorMs`: values below it count as equal to it, so the DP computes
 *   max(optimum, floor) and most early candidates collapse into one;
 * - a state reached at c' no better than the state with one unit fewer (same r',
 *   same stage count) is dropped: every way to finish it is open to the other;
 * - a state none of whose candidates can start a stage under the bound any more
 *   leaves the loop until it gets a new candidate.
 *
 * Complexity: O(n * |U| * sum(units) * P * log n) time in the worst case,
 * |U| = prod(units_p + 1); O(n + |U| * P) memory plus one record per state reached.
 * Returns undefined when no plan satisfies the constraints (or none beats `upperBoundMs`).
 */
export function searchMinPeriod(
  t: CostTables,
  options: MinPeriodOptions = {},
): { plan: Plan; periodMs: number } | undefined {
  const n = t.n;
  const P = t.processors.length;
  const units = t.processors.map((p) => p.units);
  const space = new UnitSpace(units);
  const { room, stride } = space;
  const NU = space.size;
  const limit = options.maxStages ?? Infinity;
  if (limit < 1) throw new ExplorerError('BAD_ARGUMENT', 'at most 0 stages leaves nothing to run');
  const totalUnits = units.reduce((a, b) => a + b, 0);
  // A stage limit below the natural maximum adds the stage count to the state.
  const limited = limit < Math.min(totalUnits, n);
  const S = limited ? limit : 1;
  const nStates = S * NU * P;
  checkSearchSize(nStates, NU, units);
  const links = pairLinks(t);
  const hops = nextHops(t, links);
  const windows = new StageWindows(t, options.pins);
  const records = new Records();
  const root = records.add(-1, 0, 0, -1, 0);
  const ub = options.upperBoundMs ?? Infinity;
  const minK = (r: number): number => (options.wholeProcessors ? units[r]! : 1);

  // One candidate list per state (s, U, r): the list does not depend on the unit count k the next
  // stage takes, only the query's prefix does, so every k shares it.
  const stairs: (MinMaxStaircase | undefined)[] = new Array<MinMaxStaircase | undefined>(nStates);
  const live = new LiveStates(nStates);
  /** The state's candidate list, made live again if it was dropped; undefined if no stage can follow it. */
  const activate = (state: number): MinMaxStaircase | undefined => {
    const r = state % P;
    const U = ((state - r) / P) % NU;
    const kHi = room[U * P + r]!;
    if (kHi < minK(r)) return undefined;
    const st = (stairs[state] ??= new MinMaxStaircase());
    if (!live.has(state)) live.add(state, st, r, U, Math.floor(state / (P * NU)), minK(r), kHi);
    return st;
  };
  const floor = options.floorMs ?? 0;
  for (let r = 0; r < P; r++) activate(r)?.push(0, floor, root);

  // The best value per state at the current stage end, and how it was reached.
  const bestVal = new Float64Array(nStates).fill(Infinity);
  const bestPrev = new Int32Array(nStates);
  const bestFrom = new Int32Array(nStates);
  const bestStage = new Int32Array(nStates);
  const touched = new Int32Array(nStates);
  const dominated = new Uint8Array(nStates);
  let nTouched = 0;
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
    const last = end === n;
    for (let ai = 0; ai < live.length; ai++) {
      const st = live.stair[ai]!;
      const r = live.r[ai]!;
      const U = live.U[ai]!;
      const s = live.s[ai]!;
      const canGoOn = !last && !(limited && s + 1 >= S);
      if (!last && !canGoOn) continue;
      const len = st.len;
      const lastPos = st.pos[len - 1]!;
      const hopFrom = hops.start[r]!;
      const hopTo = hops.start[r + 1]!;
      let alive = false;
      for (let k = live.kLo[ai]!, kHi = live.kHi[ai]!; k <= kHi; k++) {
        const lo = windows.lo(r, k, end);
        if (lo >= end || lastPos < lo) continue;
        const from = st.pos[0]! >= lo ? 0 : st.firstAtOrAfter(lo);
        // Cheapest possible outcome for any start: the first candidate in range bounds A from below,
        // the last one bounds the stage's compute from below. Above the bound there is nothing to gain.
        if (st.val[from]! > ub) continue;
        const prefix = t.timePrefix[r]![k - 1]!;
        const base = prefix[end]!;
        if (base - prefix[lastPos]! > ub) continue;
        alive = true;
        if (last) {
          const v = st.query(from, base, prefix);
          if (v < finalVal) {
            finalVal = v;
            finalRec = records.add(st.rec[st.argmin]!, st.pos[st.argmin]!, n, r, k);
          }
          continue;
        }
        const U2 = U + k * stride[r]!;
        const base2 = ((limited ? s + 1 : 0) * NU + U2) * P;
        const stage = r * UNIT_SLOTS + k;
        // Queries depend on the next processor only through z; DMA and same-processor hand-offs share
        // z = base, and links of equal speed share z too, so remember the last answer.
        let lastZ = NaN;
        let lastV = Infinity;
        let lastArg = -1;
        for (let h = hopFrom; h < hopTo; h++) {
          const r2 = hops.to[h]!;
          if (room[U2 * P + r2] === 0) continue;
          const xms = hops.latencyMs[h]! + hops.msPerByte[h]! * crossing;
          if (xms > ub) continue; // a transfer slower than a known plan's period
          const dma = hops.dma[h] === 1;
          const z = dma ? base : base + xms;
          if (z !== lastZ) {
            lastZ = z;
            lastV = st.query(from, z, prefix);
            lastArg = st.argmin;
          }
          const v = dma && xms > lastV ? xms : lastV;
          const state2 = base2 + r2;
          if (v > ub || v >= bestVal[state2]!) continue;
          if (bestVal[state2] === Infinity) touched[nTouched++] = state2;
          bestVal[state2] = v;
          bestPrev[state2] = st.rec[lastArg]!;
          bestFrom[state2] = st.pos[lastArg]!;
          bestStage[state2] = stage;
        }
      }
      // Every check above that failed for all k fails at every later end too (the window's start
      // and the stage's length only grow), until the state gets a new candidate.
      if (!alive && !last) live.removeAt(ai--);
    }
    // A state reached no better than a state with one unit fewer (same next processor, same
    // stage count) can never do better: every way to finish it is open to the other one.
    for (let i = 0; i < nTouched; i++) {
      const state2 = touched[i]!;
      const value = bestVal[state2]!;
      const r2 = state2 % P;
      const U2 = ((state2 - r2) / P) % NU;
      for (let p = 0; p < P; p++) {
        if (room[U2 * P + p]! < units[p]! && bestVal[state2 - stride[p]! * P]! <= value) {
          dominated[i] = 1;
          break;
        }
      }
    }
    // Every other state reached at this end becomes a candidate start for the stages after it.
    for (let i = 0; i < nTouched; i++) {
      const state2 = touched[i]!;
      const value = bestVal[state2]!;
      bestVal[state2] = Infinity;
      if (dominated[i] === 1) {
        dominated[i] = 0;
        continue;
      }
      const stage = bestStage[state2]!;
      const rec = records.add(
        bestPrev[state2]!,
        bestFrom[state2]!,
        end,
        Math.floor(stage / UNIT_SLOTS),
        stage % UNIT_SLOTS,
      );
      activate(state2)?.push(end, value, rec);
    }
    nTouched = 0;
  }
  options.onProgress?.(1);
  if (finalRec < 0) return undefined;
  return { plan: records.plan(t, finalRec), periodMs: finalVal };
}

/** Room for every unit count in a packed (processor, units) stage code: above the schema's 1,024 units. */
const UNIT_SLOTS = 2048;
