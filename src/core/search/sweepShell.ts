import { ExplorerError } from '../errors';
import type { Plan, Stage } from '../plan/types';
import { IdHeap } from './idHeap';
import type { SweepSpace } from './sweepSpace';

/**
 * What the two energy sweeps share (`EnergySweep` in JavaScript, `EnergySweepWasm` with its hot loop
 * in WebAssembly): the finals heap, the solve loop over falling limits, the tie order and the
 * plan read back from the stored predecessors. A kernel fills the per-key and per-state columns
 * below and settles one final key at a time.
 */
export abstract class SweepShell {
  /** Per key (state * K + k - 1): where its tree starts, -1 when the key has none. */
  protected abstract readonly treeAt: Int32Array;
  /** Per id = state * n + c, once exact: the start of its last stage at 2 * id, that stage (r * K + k - 1) at 2 * id + 1. */
  protected abstract readonly via: Int32Array;
  // Per key: its best last stage ending at n (a lower bound until exact).
  protected abstract readonly finalValue: Float64Array;
  protected abstract readonly finalExact: Uint8Array | Int32Array;
  protected abstract readonly finalTheta: Float64Array;
  protected abstract readonly finalFrom: Int32Array;
  /** Final keys by -value (least value first); values only grow, so stale entries are refreshed on pop. */
  protected readonly finals = new IdHeap();
  private lastLimit = Infinity;

  constructor(protected readonly sp: SweepSpace) {}

  /** States recomputed so far (work done, for benches and tests). */
  abstract get recomputed(): number;

  /** Gets the kernel ready for limit T (one part in 10^13 above the caller's). */
  protected abstract beginLimit(T: number): void;

  /** Makes final key exact under T, or leaves it unreachable (Infinity); throws CANCELLED. */
  protected abstract settleFinal(key: number, T: number): void;

  /** Puts every final key with a finite lower bound on the heap (after the kernel's set-up). */
  protected pushFinals(): void {
    const { finalValue } = this;
    for (let key = 0; key < finalValue.length; key++) {
      if (finalValue[key]! < Infinity) this.finals.push(key, -finalValue[key]!, this.tieOf(key));
    }
  }

  /**
   * The plan with the least energy above idle whose period is <= maxPeriodMs, and that energy (mJ).
   * Limits must not increase from call to call. Undefined when no plan is fast enough.
   */
  solve(maxPeriodMs: number): { plan: Plan; cost: number } | undefined {
    if (maxPeriodMs > this.lastLimit) throw new ExplorerError('BAD_ARGUMENT', 'period limits must not increase');
    this.lastLimit = maxPeriodMs;
    // One part in 10^13 of slack, as in searchMinCost: the plan meeting the limit exactly must not be lost to rounding.
    const T = maxPeriodMs * (1 + 1e-13);
    this.beginLimit(T);
    for (;;) {
      if (this.finals.size === 0) return undefined;
      const key = this.finals.popTop();
      if (this.finalExact[key] && this.finalTheta[key]! <= T) {
        this.finals.push(key, -this.finalValue[key]!, this.tieOf(key));
        return { plan: this.planOf(key), cost: this.finalValue[key]! };
      }
      this.settleFinal(key, T);
      if (this.finalValue[key]! < Infinity) this.finals.push(key, -this.finalValue[key]!, this.tieOf(key));
    }
  }

  /**
   * The finals' tie-breaker among equal energies (larger first): fewer units in all, then the
   * smaller key. Why a total order: the key a solve returns is pushed back on top, so the same
   * limit again finds it first instead of settling an equal-energy rival.
   */
  protected tieOf(key: number): number {
    const { P, K, NU, units } = this.sp;
    const k = (key % K) + 1;
    const state = (key - k + 1) / K;
    const U = ((state - (state % P)) / P) % NU;
    let used = k;
    for (let r = 0; r < P; r++) used += units.units[r]! - units.room[U * P + r]!;
    return -(used * this.treeAt.length + key);
  }

  /** Follows the stored predecessors from the final key back to position 0. O(stages). */
  private planOf(finalKey: number): Plan {
    const { n, P, K, NU, limited, units, t } = this.sp;
    const stages: Stage[] = [];
    let k = (finalKey % K) + 1;
    let state = (finalKey - k + 1) / K;
    let r = state % P;
    let to = n;
    let from = this.finalFrom[finalKey]!;
    for (;;) {
      stages.push({ from, to, processor: t.processors[r]!.id, units: k });
      if (from === 0) break;
      const id = state * n + from;
      const stage = this.via[2 * id + 1]!;
      const r1 = Math.floor(stage / K);
      const k1 = (stage % K) + 1;
      const restOf = (state - r) / P;
      const U = restOf % NU;
      const s = (restOf - U) / NU;
      state = ((limited ? s - 1 : 0) * NU + U - k1 * units.stride[r1]!) * P + r1;
      to = from;
      from = this.via[2 * id]!;
      r = r1;
      k = k1;
    }
    return { stages: stages.reverse() };
  }
}

/**
 * Per key (state * K + k - 1) of every state after position 0: which keys have a tree (a possible
 * state with room for k units of its processor), at tree index times `width`, and the stages that
 * may end at each state: entries [candStart[state], candStart[state + 1]) of `cand`, four numbers
 * each: the key it leaves from, its stage r * K + k - 1, r and the unit vector it leaves from.
 * Why shared: both kernels lay out their trees and candidate lists the same way. O(states * units).
 */
export function sweepLayout(
  sp: SweepSpace,
  width: number,
): { treeAt: Int32Array; trees: number; candStart: Int32Array; cand: Int32Array } {
  const { P, K, NU, nStates, units, limited, links } = sp;
  const treeAt = new Int32Array(nStates * K).fill(-1);
  let trees = 0;
  for (let state = 0; state < nStates; state++) {
    if (state >= P && !sp.possible(state)) continue;
    const room = sp.room(state);
    for (let k = 1; k <= room; k++) treeAt[state * K + k - 1] = trees++ * width;
  }
  const candStart = new Int32Array(nStates + 1);
  const cand: number[] = [];
  for (let state2 = 0; state2 < nStates; state2++) {
    candStart[state2] = cand.length / 4;
    const r2 = state2 % P;
    const restOf = (state2 - r2) / P;
    const U2 = restOf % NU;
    const s2 = (restOf - U2) / NU;
    if (limited && s2 === 0) continue;
    for (let r = 0; r < P; r++) {
      if (r !== r2 && links.latencyMs[r * P + r2] === Infinity) continue;
      const used = units.units[r]! - units.room[U2 * P + r]!;
      for (let k = 1; k <= used; k++) {
        const U = U2 - k * units.stride[r]!;
        const state = ((limited ? s2 - 1 : 0) * NU + U) * P + r;
        const key = state * K + k - 1;
        if (treeAt[key]! < 0) continue;
        cand.push(key, r * K + k - 1, r, U);
      }
    }
  }
  candStart[nStates] = cand.length / 4;
  return { treeAt, trees, candStart, cand: Int32Array.from(cand) };
}
