import { stageMemoryBudgetBytes, stageMemoryBytes } from '../cost/tables';
import type { CostTables } from '../cost/tables';
import { ExplorerError } from '../errors';
import type { Pins } from './types';

/**
 * Where a stage ending at c' may start, per (processor, units): every
 * constraint the search honours limits the start from below, and each bound
 * only moves right as c' grows.
 * - a layer the processor cannot run (or a layer pinned to another processor)
 *   may not be inside the stage: start > that layer;
 * - a pinned cut may not be inside the stage: start >= the last pinned cut < c';
 * - the stage's memory (weights + peak live activations) must fit its units'
 *   share: memory grows as the start moves left, so a two-pointer finds it.
 * Why: the search then queries "best start >= lo" and never tests constraints per pair.
 */
export class StageWindows {
  /** lastBad[r][c']: largest position < c' that processor r may not hold, or -1. */
  private readonly lastBad: Int32Array[];
  /** pinLo[c']: largest pinned cut < c', or 0. */
  private readonly pinLo: Int32Array;
  /** memLo[r * K + k - 1]: current two-pointer start for memory. */
  private readonly memLo: Int32Array;
  private readonly K: number;

  constructor(
    private readonly t: CostTables,
    pins: Pins = {},
  ) {
    const n = t.n;
    const P = t.processors.length;
    const pinnedTo = new Int32Array(n).fill(-1);
    for (const pin of pins.layers ?? []) {
      const p = t.processorIndex.get(pin.processor);
      if (p === undefined) throw new ExplorerError('UNKNOWN_PROCESSOR', `pinned processor "${pin.processor}"`);
      if (!Number.isInteger(pin.layer) || pin.layer < 0 || pin.layer >= n) {
        throw new ExplorerError('BAD_PLAN', `pinned layer ${pin.layer} is outside 0..${n - 1}`);
      }
      if (pinnedTo[pin.layer] !== -1 && pinnedTo[pin.layer] !== p) {
        throw new ExplorerError('BAD_PLAN', `layer ${pin.layer} is pinned to two processors`);
      }
      pinnedTo[pin.layer] = p;
    }
    this.lastBad = t.processors.map((_, r) => {
      const last = new Int32Array(n + 1);
      let bad = -1;
      const un = t.unsupportedPrefix[r]!;
      for (let c = 0; c <= n; c++) {
        last[c] = bad;
        if (c < n && (un[c + 1]! > un[c]! || (pinnedTo[c] !== -1 && pinnedTo[c] !== r))) bad = c;
      }
      return last;
    });
    this.pinLo = new Int32Array(n + 1);
    const pinned = new Uint8Array(n + 1);
    for (const c of pins.cuts ?? []) {
      if (!Number.isInteger(c) || c < 1 || c > n - 1) {
        throw new ExplorerError('BAD_CUTS', `pinned cut ${c} is outside 1..${n - 1}`);
      }
      pinned[c] = 1;
    }
    let last = 0;
    for (let c = 0; c <= n; c++) {
      this.pinLo[c] = last;
      if (pinned[c]) last = c;
    }
    this.K = Math.max(...t.processors.map((p) => p.units));
    this.memLo = new Int32Array(P * this.K);
  }

  /** Moves the memory two-pointers to stage end c'. Call with c' = 1, 2, ... in order. O(P * K) amortized. */
  advance(end: number): void {
    const t = this.t;
    t.processors.forEach((proc, r) => {
      for (let k = 1; k <= proc.units; k++) {
        const slot = r * this.K + k - 1;
        const budget = stageMemoryBudgetBytes(proc, k);
        let lo = this.memLo[slot]!;
        while (lo < end && stageMemoryBytes(t, r, lo, end) > budget) lo++;
        this.memLo[slot] = lo;
      }
    });
  }

  /** Smallest allowed start of a stage [start, end) on k units of r (>= end means none). O(1). */
  lo(r: number, k: number, end: number): number {
    return Math.max(this.lastBad[r]![end]! + 1, this.pinLo[end]!, this.memLo[r * this.K + k - 1]!);
  }
}

/**
 * Smallest start c in [lo, end) whose stage [c, end) fits the period limit T with `sendMs` of
 * outgoing transfer on top: (prefix[end] - prefix[c]) + sendMs <= T, added up as plan evaluation
 * adds a stage's busy time, so the searches and the evaluation agree on the plans right at a limit
 * (another order of the same sums rounds differently, by more than a relative 1e-13 when prefixes
 * are large beside T). end when none. Binary search: the busy time only falls as c grows. O(log n).
 */
export function firstStartWithin(prefix: Float64Array, end: number, sendMs: number, T: number, lo: number): number {
  const top = prefix[end]!;
  let a = lo;
  let b = end;
  while (a < b) {
    const m = (a + b) >> 1;
    if (top - prefix[m]! + sendMs > T) a = m + 1;
    else b = m;
  }
  return a;
}
