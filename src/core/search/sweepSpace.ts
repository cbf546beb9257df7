import type { CostTables } from '../cost/tables';
import { ExplorerError } from '../errors';
import { pairLinks, type PairLinks } from './links';
import type { Pins } from './types';
import { UnitSpace } from './unitSpace';
import { StageWindows } from './windows';

/**
 * The energy sweep's state space and the per-stage constants it reads in its
 * inner loops, shared by its bounds (`energyBounds`) and the sweep itself.
 *
 * A state (s, U, r) at position c: c layers placed in s stages using units U, the next
 * stage runs on r. state = (s * NU + U) * P + r (s is always 0 without a stage limit);
 * id = c * nStates + state. A key (state, k) = state * K + k - 1 is "the next stage takes
 * k units of r". O(n * P * K) to build.
 */
export class SweepSpace {
  readonly n: number;
  readonly P: number;
  readonly K: number;
  readonly NU: number;
  /** Stage-count slices: the stage limit when it binds, else 1. */
  readonly S: number;
  readonly limited: boolean;
  readonly nStates: number;
  readonly units: UnitSpace;
  readonly links: PairLinks;
  /** starts[(c * P + r) * K + k - 1]: smallest allowed start of a stage ending at c on k units of r. */
  readonly starts: Int32Array;
  /** weight[r * K + k - 1]: mJ per ms of a stage on k units of r (its share of active minus idle power). */
  readonly weight: Float64Array;
  /** prefixes[r * K + k - 1] = t.timePrefix[r][k - 1]: ms of layers [0, c). */
  readonly prefixes: Float64Array[];

  constructor(
    readonly t: CostTables,
    maxStages: number | undefined,
    pins: Pins | undefined,
  ) {
    const n = (this.n = t.n);
    const P = (this.P = t.processors.length);
    const counts = t.processors.map((p) => p.units);
    const K = (this.K = Math.max(...counts));
    this.units = new UnitSpace(counts);
    this.NU = this.units.size;
    const limit = maxStages ?? Infinity;
    if (limit < 1) throw new ExplorerError('BAD_ARGUMENT', 'at most 0 stages leaves nothing to run');
    this.limited =
      limit <
      Math.min(
        counts.reduce((a, b) => a + b, 0),
        n,
      );
    this.S = this.limited ? limit : 1;
    this.nStates = this.S * this.NU * P;
    this.links = pairLinks(t);
    const windows = new StageWindows(t, pins);
    this.starts = new Int32Array((n + 1) * P * K).fill(n + 1);
    for (let c = 1; c <= n; c++) {
      windows.advance(c);
      for (let r = 0; r < P; r++) {
        for (let k = 1; k <= counts[r]!; k++) this.starts[(c * P + r) * K + k - 1] = windows.lo(r, k, c);
      }
    }
    this.weight = new Float64Array(P * K);
    this.prefixes = [];
    for (let r = 0; r < P; r++) {
      const proc = t.processors[r]!;
      for (let k = 1; k <= K; k++) {
        this.weight[r * K + k - 1] = ((proc.activePowerW - proc.idlePowerW) * k) / proc.units;
        this.prefixes[r * K + k - 1] = t.timePrefix[r]![Math.min(k, counts[r]!) - 1]!;
      }
    }
  }

  /** Units of r still free in state. O(1). */
  room(state: number): number {
    const r = state % this.P;
    const U = ((state - r) / this.P) % this.NU;
    return this.units.room[U * this.P + r]!;
  }

  /**
   * Whether a state can exist after position 0: some unit used, room for its next processor,
   * and (with a stage limit) at least one stage placed.
   */
  possible(state: number): boolean {
    const r = state % this.P;
    const rest = (state - r) / this.P;
    const U = rest % this.NU;
    if (U === 0 || this.units.room[U * this.P + r] === 0) return false;
    return !this.limited || rest >= this.NU;
  }

  /** The state after a stage on k units of r from state, whose next stage runs on r2; -1 past the stage limit. O(1). */
  next(state: number, k: number, r2: number): number {
    const P = this.P;
    const r = state % P;
    const rest = (state - r) / P;
    const U = rest % this.NU;
    const s = (rest - U) / this.NU;
    if (this.limited && s + 1 >= this.S) return -1;
    return ((this.limited ? s + 1 : 0) * this.NU + U + k * this.units.stride[r]!) * P + r2;
  }
}
