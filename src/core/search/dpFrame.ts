import type { CostTables } from '../cost/tables';
import { ExplorerError } from '../errors';
import { pairLinks, type PairLinks } from './links';
import { Records } from './records';
import type { MinMaxStaircase } from './staircase';
import type { Pins } from './types';
import { checkSearchSize, UnitSpace } from './unitSpace';
import { StageWindows } from './windows';

/**
 * The bookkeeping both exact searches share: the state space (stages so far,
 * units used, next processor), one candidate list per (state, unit count),
 * the best value per state at the current stage end, and the records that
 * rebuild a plan. The searches differ only in what a stage costs and how
 * costs combine (max for FPS, sum for latency and energy).
 *
 * Layout: state = (s * |U| + U) * P + r; key = state * K + k - 1.
 */
export class DpFrame<St extends MinMaxStaircase> {
  readonly n: number;
  readonly P: number;
  readonly K: number;
  readonly units: number[];
  readonly space: UnitSpace;
  readonly NU: number;
  /** Whether a stage limit below the natural maximum is in force (adds the stage-count dimension). */
  readonly limited: boolean;
  readonly S: number;
  readonly links: PairLinks;
  readonly windows: StageWindows;
  readonly records = new Records();
  readonly root: number;
  readonly stairs: (St | undefined)[];
  /** Keys that have a candidate list, in creation order. */
  readonly active: number[] = [];
  readonly bestVal: Float64Array;
  private readonly bestPrev: Int32Array;
  private readonly bestFrom: Int32Array;
  private readonly bestStage: Int32Array;
  private readonly touched: number[] = [];

  // The key last decoded by `decode`.
  k = 0;
  state = 0;
  r = 0;
  U = 0;
  s = 0;

  constructor(
    readonly t: CostTables,
    maxStages: number | undefined,
    pins: Pins | undefined,
    private readonly make: () => St,
  ) {
    this.n = t.n;
    this.P = t.processors.length;
    this.units = t.processors.map((p) => p.units);
    this.K = Math.max(...this.units);
    this.space = new UnitSpace(this.units);
    this.NU = this.space.size;
    const limit = maxStages ?? Infinity;
    if (limit < 1) throw new ExplorerError('BAD_ARGUMENT', 'at most 0 stages leaves nothing to run');
    const totalUnits = this.units.reduce((a, b) => a + b, 0);
    this.limited = limit < Math.min(totalUnits, this.n);
    this.S = this.limited ? limit : 1;
    const nStates = this.S * this.NU * this.P;
    checkSearchSize(nStates, this.NU, this.units);
    this.links = pairLinks(t);
    this.windows = new StageWindows(t, pins);
    this.root = this.records.add(-1, 0, 0, -1, 0);
    this.stairs = new Array<St | undefined>(nStates * this.K);
    this.bestVal = new Float64Array(nStates).fill(Infinity);
    this.bestPrev = new Int32Array(nStates);
    this.bestFrom = new Int32Array(nStates);
    this.bestStage = new Int32Array(nStates);
  }

  /** The candidate list of (state, k), created on first use. */
  stair(state: number, k: number): St {
    const key = state * this.K + k - 1;
    let st = this.stairs[key];
    if (!st) {
      st = this.stairs[key] = this.make();
      this.active.push(key);
    }
    return st;
  }

  /** Sets k, state, r, U and s from a key. O(1). */
  decode(key: number): void {
    this.k = (key % this.K) + 1;
    this.state = (key - this.k + 1) / this.K;
    this.r = this.state % this.P;
    this.U = ((this.state - this.r) / this.P) % this.NU;
    this.s = Math.floor(this.state / (this.P * this.NU));
  }

  /** Set by `prepareNext`: the first state after the decoded stage is base2 + r2, its units U2. */
  base2 = 0;
  U2 = 0;

  /**
   * Prepares the states after the decoded stage, (s + 1, U + k@r, r2) = base2 + r2. False when the
   * stage limit allows no further stage. O(1), no allocation (it runs for every key at every end).
   */
  prepareNext(): boolean {
    if (this.limited && this.s + 1 >= this.S) return false;
    this.U2 = this.space.add(this.U, this.r, this.k);
    this.base2 = ((this.limited ? this.s + 1 : 0) * this.NU + this.U2) * this.P;
    return true;
  }

  /** Keeps v for state2 if it beats this end's best: the stage [from, end) on the decoded (r, k) after record prev. */
  offer(state2: number, v: number, prev: number, from: number): void {
    if (v < this.bestVal[state2]!) {
      if (this.bestVal[state2] === Infinity) this.touched.push(state2);
      this.bestVal[state2] = v;
      this.bestPrev[state2] = prev;
      this.bestFrom[state2] = from;
      this.bestStage[state2] = this.r * this.K + this.k - 1;
    }
  }

  /**
   * Ends stage end `end`: every state that got a value (and was not dropped by setting its value
   * to Infinity) gets a record, then `insert(state2, rec, value)` adds its candidates. Resets the
   * per-end bests.
   */
  commit(end: number, insert: (state2: number, rec: number, value: number) => void): void {
    for (const state2 of this.touched) {
      const value = this.bestVal[state2]!;
      this.bestVal[state2] = Infinity;
      if (value === Infinity) continue;
      const stage = this.bestStage[state2]!;
      const rec = this.records.add(
        this.bestPrev[state2]!,
        this.bestFrom[state2]!,
        end,
        Math.floor(stage / this.K),
        (stage % this.K) + 1,
      );
      insert(state2, rec, value);
    }
    this.touched.length = 0;
  }

  /** Whether any state got a value at this end. */
  get hasTouched(): boolean {
    return this.touched.length > 0;
  }

  /** Cancellation and progress, every 64 ends. */
  checkpoint(end: number, options: { isCancelled?: () => boolean; onProgress?: (f: number) => void }): void {
    if ((end & 63) !== 0) return;
    if (options.isCancelled?.()) throw new ExplorerError('CANCELLED');
    options.onProgress?.(end / this.n);
  }
}
