import type { CostTables } from '../cost/tables';
import { ExplorerError } from '../errors';
import type { Plan, Stage } from '../plan/types';
import { prefixEnergy } from './energyBounds';
import { IdHeap } from './idHeap';
import { MinTrees } from './minTree';
import { SweepSpace } from './sweepSpace';
import type { Pins } from './types';

export interface EnergySweepOptions {
  readonly maxStages?: number;
  readonly pins?: Pins;
  readonly isCancelled?: () => boolean;
}

/**
 * Upper bound on the bytes an `EnergySweep` for these tables and stage limit holds: per-state
 * columns for every position, one range-min tree per (state, units) key, and the staircases of
 * `prefixEnergy`. O(states).
 */
export function energySweepBytes(t: CostTables, maxStages?: number): number {
  const units = t.processors.map((p) => p.units);
  const P = units.length;
  const total = units.reduce((a, b) => a + b, 0);
  const S = maxStages !== undefined && maxStages < Math.min(total, t.n) ? Math.max(1, maxStages) : 1;
  // Sum over unit vectors U and processors r of the free units of r: each processor's free count
  // takes every value 0..units_r equally often.
  let NU = 1;
  for (const u of units) NU *= u + 1;
  let keys = 0;
  for (const u of units) keys += (NU / (u + 1)) * ((u * (u + 1)) / 2);
  keys *= S;
  let size = 1;
  while (size < t.n + 1) size *= 2;
  const states = S * NU * P;
  return t.n * states * 48 + keys * (2 * size * 8 + t.n * 12 + 40);
}

/**
 * The least energy above idle under a period limit T, exactly, for a sequence of
 * non-increasing limits, reusing the work of earlier limits: the same optimum as
 * `searchMinCost(t, { objective: 'energy', maxPeriodMs: T })`, found lazily.
 *
 * Same DP: G(c', U + k@r, r') = min over starts c of G(c, U, r) + a_rk * (P[c'] - P[c])
 * + b(r -> r', c'), every stage's busy time (and DMA transfer) <= T. Candidates
 * G(c) - a_rk * P[c] sit in one range-min tree per (state, k), so the best start in
 * [lo, c') is O(log n). Each state holds either
 * - its exact G under T, the plan prefix reaching it and that prefix's bottleneck theta.
 *   It stays exact while T >= theta: the prefix stays allowed and G can only grow as T
 *   falls. A state's theta is at least its predecessor's, so when a state stops being
 *   exact every state built on it does too; or
 * - a lower bound on G for the current and every smaller T: at first the energy with no
 *   period limit (`prefixEnergy`), later the last exact value before T fell below theta.
 * Nothing is marked when the limit falls: a state counts as exact only while theta <= T. The
 * answer is found best-first: take the last stage ending at n with the least value; if its best
 * start is a lower bound, make that state exact (recompute it; while its own best start is
 * a lower bound, make that one exact first) and look again. Lower bounds never exceed the
 * truth, so the first least value whose whole prefix is exact is the optimum, and only
 * states that look at least as good as it are ever recomputed. Ties go to the plan using
 * fewer units, then to later cuts (as in `searchMinCost`'s staircases).
 *
 * @example const sweep = new EnergySweep(t); sweep.solve(Infinity); sweep.solve(20); // ms, falling
 *
 * Complexity: `prefixEnergy` once, O(n * keys * (log n + P)); then O(sum(units) * log n)
 * per recomputation. Memory: O(n * |states| + keys * n), keys = states x units.
 */
export class EnergySweep {
  private readonly sp: SweepSpace;
  private readonly trees: MinTrees;
  /** Per key (state * K + k - 1): G(c) - a * P[c] over positions c (exact or lower bounds). */
  private readonly keyTrees: (Float64Array | undefined)[];
  /** Per key: its tree's minimum, kept apart so skipping a key touches no tree. */
  private readonly rootMin: Float64Array;
  // Per id = c * nStates + state.
  private readonly value: Float64Array;
  private readonly exact: Uint8Array;
  private readonly theta: Float64Array;
  private readonly fromPos: Int32Array;
  /** The stage ending at this state: r * K + k - 1. */
  private readonly stageOf: Int32Array;
  /** A lower bound on every other stage's best start at the last exact value (see `settle`). */
  private readonly second: Float64Array;
  /** 1: the stored prefix is from an earlier exact value and not yet tried by `settle`. */
  private readonly hadPath: Uint8Array;
  // Per key: its best last stage ending at n.
  private readonly finalValue: Float64Array;
  private readonly finalExact: Uint8Array;
  private readonly finalTheta: Float64Array;
  private readonly finalFrom: Int32Array;
  /** Final keys by -value (least value first); values only grow, so stale entries are refreshed on pop. */
  private readonly finals = new IdHeap();
  // The settle stack: state ids and, per frame, the best stage found by its last scan.
  private readonly stack: number[] = [];
  private readonly frameKey: number[] = [];
  private readonly frameLo: number[] = [];
  private readonly frameTop: number[] = [];
  private readonly frameX: number[] = [];
  private readonly frameExtra: number[] = [];
  private readonly frameSecond: number[] = [];
  /** The tree node holding the last best value (for its argmin). */
  private bestNode = -1;
  private lastLimit = Infinity;
  /** Per (c, r, k, r2): the smallest start a stage may have under the current limit (valid when its stamp is `epoch`). */
  private readonly loCache: Int32Array;
  private readonly loStamp: Int32Array;
  private epoch = 0;
  // Scratch for `scan`: one slot per stage that may end at a state (at most sum(units) of them).
  private readonly cFloor: Float64Array;
  private readonly cExtra: Float64Array;
  private readonly cTop: Float64Array;
  private readonly cX: Float64Array;
  private readonly cKey: Int32Array;
  private readonly cSk: Int32Array;
  /** States recomputed so far (work done, for benches and tests). */
  recomputed = 0;

  constructor(
    t: CostTables,
    private readonly options: EnergySweepOptions = {},
  ) {
    const sp = (this.sp = new SweepSpace(t, options.maxStages, options.pins));
    const { n, P, K, nStates, weight, prefixes } = sp;
    this.trees = new MinTrees(n + 1);
    this.keyTrees = new Array<Float64Array | undefined>(nStates * K);
    this.rootMin = new Float64Array(nStates * K).fill(Infinity);
    const ids = n * nStates;
    this.exact = new Uint8Array(ids);
    this.theta = new Float64Array(ids);
    this.fromPos = new Int32Array(ids);
    this.stageOf = new Int32Array(ids);
    this.hadPath = new Uint8Array(ids);
    this.second = new Float64Array(ids);
    this.finalValue = new Float64Array(nStates * K).fill(Infinity);
    this.finalExact = new Uint8Array(nStates * K);
    this.finalTheta = new Float64Array(nStates * K);
    this.finalFrom = new Int32Array(nStates * K);
    for (let r = 0; r < P; r++) {
      this.exact[r] = 1;
      this.theta[r] = -Infinity;
    }
    // One tree per key of a possible state, filled with the lower bounds as `prefixEnergy` finds
    // them; all trees in one buffer (thousands of small arrays would cost allocation and
    // collection time).
    let count = 0;
    for (let state = 0; state < nStates; state++) if (state < P || sp.possible(state)) count += sp.room(state);
    const width = 2 * this.trees.size;
    const buffer = new Float64Array(count * width).fill(Infinity);
    let next = 0;
    for (let state = 0; state < nStates; state++) {
      if (state >= P && !sp.possible(state)) continue;
      const room = sp.room(state);
      for (let k = 1; k <= room; k++) this.keyTrees[state * K + k - 1] = buffer.subarray(next * width, ++next * width);
    }
    const leaves = this.trees.size;
    this.value = prefixEnergy(sp, (key, c, v) => {
      this.keyTrees[key]![leaves + c] = v;
    });
    for (let key = 0; key < nStates * K; key++) {
      const tree = this.keyTrees[key];
      if (!tree) continue;
      this.trees.build(tree);
      this.rootMin[key] = tree[1]!;
      if (tree[1] === Infinity) continue;
      // A lower bound on its best finish: the tree's minimum plus the stage's energy up to n.
      const k = (key % K) + 1;
      const sk = (((key - k + 1) / K) % P) * K + k - 1;
      this.finalValue[key] = tree[1]! + weight[sk]! * prefixes[sk]![n]!;
      this.finals.push(key, -this.finalValue[key]!, -this.unitsOf(key));
    }
    const slots = t.processors.reduce((sum, p) => sum + p.units, 0);
    this.cFloor = new Float64Array(slots);
    this.cExtra = new Float64Array(slots);
    this.cTop = new Float64Array(slots);
    this.cX = new Float64Array(slots);
    this.cKey = new Int32Array(slots);
    this.cSk = new Int32Array(slots);
    this.loCache = new Int32Array((n + 1) * P * K * P);
    this.loStamp = new Int32Array((n + 1) * P * K * P);
  }

  /** Units a plan ending with key's stage uses in all: the tie-breaker among equal energies (fewer first). */
  private unitsOf(key: number): number {
    const { P, K, NU, units } = this.sp;
    const k = (key % K) + 1;
    const state = (key - k + 1) / K;
    const U = ((state - (state % P)) / P) % NU;
    let used = k;
    for (let r = 0; r < P; r++) used += units.units[r]! - units.room[U * P + r]!;
    return used;
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
    this.epoch++;
    for (;;) {
      if (this.finals.size === 0) return undefined;
      const key = this.finals.popTop();
      if (this.finalExact[key] && this.finalTheta[key]! <= T) {
        this.finals.push(key, -this.finalValue[key]!, -this.unitsOf(key));
        return { plan: this.planOf(key), cost: this.finalValue[key]! };
      }
      this.settleFinal(key, T);
      if (this.finalValue[key]! < Infinity) this.finals.push(key, -this.finalValue[key]!, -this.unitsOf(key));
    }
  }

  /** The exact best last stage of key ending at n under T; settles the lower-bound starts it meets first. */
  private settleFinal(key: number, T: number): void {
    const { n, P, K, nStates, starts, weight, prefixes } = this.sp;
    const tree = this.keyTrees[key]!;
    const k = (key % K) + 1;
    const state = (key - k + 1) / K;
    const sk = (state % P) * K + k - 1;
    const prefix = prefixes[sk]!;
    const lo0 = starts[(n * P + (state % P)) * K + k - 1]!;
    const lo = lo0 >= n || T === Infinity ? lo0 : firstWithin(prefix, prefix[n]!, T, lo0, n);
    for (;;) {
      const m = lo >= n ? Infinity : this.trees.min(tree, lo, n);
      this.finalExact[key] = 0;
      this.finalValue[key] = m + weight[sk]! * prefix[n]!;
      if (m === Infinity) return;
      const from = this.trees.argmin(tree);
      const pred = from * nStates + state;
      if (!this.exactAt(pred, T)) {
        this.settle(pred, T);
        continue;
      }
      this.finalExact[key] = 1;
      this.finalTheta[key] = Math.max(this.theta[pred]!, prefix[n]! - prefix[from]!);
      this.finalFrom[key] = from;
      return;
    }
  }

  /**
   * Makes state id0 exact under T. Depth-first: while a state's best start is a lower bound, that
   * start is made exact first. Then only the stage that held the best start is asked again: the
   * other stages' minima can only have grown, so while its new best stays below their old bound it
   * is still the best; otherwise every stage is asked again.
   */
  private settle(id0: number, T: number): void {
    const { stack, frameKey } = this;
    const { P, K, NU, nStates, limited, units } = this.sp;
    stack.push(id0);
    frameKey.push(-1);
    while (stack.length > 0) {
      const top = stack.length - 1;
      const id = stack[top]!;
      const c = Math.floor(id / nStates);
      const state2 = id - c * nStates;
      if (frameKey[top]! < 0 && this.hadPath[id] === 1) {
        // Exact before T fell: most likely still best reached through the stage it had then. Start
        // from that stage with the bound on the others saved then (they can only have grown), and
        // settle its start first: often no other stage needs asking.
        this.hadPath[id] = 2;
        const stage = this.stageOf[id]!;
        const r = Math.floor(stage / K);
        const k = (stage % K) + 1;
        const r2 = state2 % P;
        const restOf = (state2 - r2) / P;
        const U2 = restOf % NU;
        const s2 = (restOf - U2) / NU;
        const state = ((limited ? s2 - 1 : 0) * NU + U2 - k * units.stride[r]!) * P + r;
        if (this.frame(c, r2, state, r, k, T, top)) {
          this.frameSecond[top] = this.second[id]!;
          const pred = this.fromPos[id]! * nStates + state;
          if (this.frameLo[top]! <= this.fromPos[id]! && !this.exactAt(pred, T) && this.value[pred]! < Infinity) {
            stack.push(pred);
            frameKey.push(-1);
            continue;
          }
        }
      }
      if ((++this.recomputed & 1023) === 0 && this.options.isCancelled?.()) {
        stack.length = 0;
        frameKey.length = 0;
        throw new ExplorerError('CANCELLED');
      }
      let best: number;
      const key = frameKey[top]!;
      if (key >= 0) {
        best = this.trees.min(this.keyTrees[key]!, this.frameLo[top]!, c) + this.frameExtra[top]!;
        this.bestNode = this.trees.node;
        if (best > this.frameSecond[top]!) best = this.scan(c, state2, T, top);
      } else {
        best = this.scan(c, state2, T, top);
      }
      const pred = this.resolve(c, state2, best, top, T);
      if (pred < 0) {
        stack.pop();
        frameKey.pop();
      } else {
        stack.push(pred);
        frameKey.push(-1);
      }
    }
  }

  /**
   * Sets stack frame f to the stage on k units of r from state, ending at c before a stage on r2,
   * under T; false (frame unset) when T or the constraints no longer allow it. O(log n).
   */
  private frame(c: number, r2: number, state: number, r: number, k: number, T: number, f: number): boolean {
    const { P, K, links, starts, weight, prefixes } = this.sp;
    const crossing = this.sp.t.crossing[c]!;
    const pair = r * P + r2;
    const xms = r === r2 ? 0 : links.latencyMs[pair]! + links.msPerByte[pair]! * crossing;
    if (xms > T) return false;
    const dma = r === r2 || links.overlaps[pair] === 1;
    const send = dma ? 0 : xms;
    const sk = r * K + k - 1;
    const prefix = prefixes[sk]!;
    const a = weight[sk]!;
    const top = prefix[c]! + send;
    const lo0 = starts[(c * P + r) * K + k - 1]!;
    const lo = lo0 >= c || T === Infinity ? lo0 : firstWithin(prefix, top, T, lo0, c);
    if (lo >= c) return false;
    this.frameKey[f] = state * K + k - 1;
    this.frameLo[f] = lo;
    this.frameTop[f] = top;
    this.frameX[f] = dma ? xms : 0;
    this.frameExtra[f] = a * prefix[c]! + (a * send + (r === r2 ? 0 : links.mjPerByte[pair]! * crossing));
    return true;
  }

  /**
   * Asks every stage that may end at state (c, state2) under T for its best start; records the best
   * stage and a lower bound on all others in stack frame f. Returns the best value.
   */
  private scan(c: number, state2: number, T: number, f: number): number {
    const sp = this.sp;
    const { P, K, NU, units, links, starts, weight, prefixes, limited } = sp;
    const { keyTrees, trees, rootMin } = this;
    const r2 = state2 % P;
    const restOf = (state2 - r2) / P;
    const U2 = restOf % NU;
    const s2 = (restOf - U2) / NU;
    const crossing = sp.t.crossing[c]!;
    // First every stage's floor (its tree's minimum plus the stage's own energy), then the trees in
    // rising floor order: once a floor reaches the best value, no later stage can win.
    // Why: the tree queries are what a scan costs; the most promising stage first skips most of them.
    const { cFloor, cExtra, cKey, cSk, cTop, cX } = this;
    let count = 0;
    for (let r = 0; r < P; r++) {
      const used = units.units[r]! - units.room[U2 * P + r]!;
      if (used === 0) continue;
      const pair = r * P + r2;
      if (r !== r2 && links.latencyMs[pair] === Infinity) continue;
      const xms = r === r2 ? 0 : links.latencyMs[pair]! + links.msPerByte[pair]! * crossing;
      if (xms > T) continue; // a transfer slower than the period allows
      const dma = r === r2 || links.overlaps[pair] === 1;
      const send = dma ? 0 : xms;
      const linkMj = r === r2 ? 0 : links.mjPerByte[pair]! * crossing;
      for (let k = 1; k <= used; k++) {
        const state = ((limited ? s2 - 1 : 0) * NU + U2 - k * units.stride[r]!) * P + r;
        const key = state * K + k - 1;
        const sk = r * K + k - 1;
        const prefix = prefixes[sk]!;
        const a = weight[sk]!;
        const extra = a * prefix[c]! + (a * send + linkMj);
        const floor = rootMin[key]! + extra;
        if (floor === Infinity) continue; // no tree, or nothing reached it
        // Insertion by floor.
        let i = count++;
        while (i > 0 && cFloor[i - 1]! > floor) {
          cFloor[i] = cFloor[i - 1]!;
          cExtra[i] = cExtra[i - 1]!;
          cKey[i] = cKey[i - 1]!;
          cSk[i] = cSk[i - 1]!;
          cTop[i] = cTop[i - 1]!;
          cX[i] = cX[i - 1]!;
          i--;
        }
        cFloor[i] = floor;
        cExtra[i] = extra;
        cKey[i] = key;
        cSk[i] = sk;
        cTop[i] = prefix[c]! + send;
        cX[i] = dma ? xms : 0;
      }
    }
    let best = Infinity;
    let second = Infinity;
    let bestKey = -1;
    let bestLo = 0;
    let bestTop = 0;
    let bestX = 0;
    let bestExtra = 0;
    let bestNode = -1;
    const row = c * P * K;
    for (let i = 0; i < count; i++) {
      const floor = cFloor[i]!;
      if (floor >= best) {
        if (floor < second) second = floor; // and every later floor is at least this
        break;
      }
      const sk = cSk[i]!;
      const top = cTop[i]!;
      const slot = (row + sk) * P + r2;
      let lo: number;
      if (this.loStamp[slot] === this.epoch) {
        lo = this.loCache[slot]!;
      } else {
        const lo0 = starts[row + sk]!;
        lo = lo0 >= c || T === Infinity ? lo0 : firstWithin(prefixes[sk]!, top, T, lo0, c);
        this.loCache[slot] = lo;
        this.loStamp[slot] = this.epoch;
      }
      if (lo >= c) continue;
      const key = cKey[i]!;
      const v = trees.min(keyTrees[key]!, lo, c) + cExtra[i]!;
      if (v < best) {
        if (best < second) second = best;
        best = v;
        bestKey = key;
        bestLo = lo;
        bestTop = top;
        bestX = cX[i]!;
        bestExtra = cExtra[i]!;
        bestNode = trees.node;
      } else if (v < second) {
        second = v;
      }
    }
    this.frameKey[f] = bestKey;
    this.frameLo[f] = bestLo;
    this.frameTop[f] = bestTop;
    this.frameX[f] = bestX;
    this.frameExtra[f] = bestExtra;
    this.frameSecond[f] = second;
    this.bestNode = bestNode;
    return best;
  }

  /**
   * Stores state (c, state2)'s new value best (from stack frame f's stage, whose tree node holding it
   * is `bestNode`) and publishes it. Returns -1 when it is now exact (or unreachable), else the id of
   * its best start, a lower bound to settle first.
   */
  private resolve(c: number, state2: number, best: number, f: number, T: number): number {
    const { P, K, nStates, prefixes } = this.sp;
    const id = c * nStates + state2;
    this.value[id] = best;
    this.exact[id] = 0;
    let pending = -1;
    if (best !== Infinity) {
      const key = this.frameKey[f]!;
      this.trees.node = this.bestNode;
      const from = this.trees.argmin(this.keyTrees[key]!);
      const k = (key % K) + 1;
      const state = (key - k + 1) / K;
      const pred = from * nStates + state;
      if (this.exactAt(pred, T)) {
        const r = state % P;
        this.exact[id] = 1;
        this.theta[id] = Math.max(
          this.theta[pred]!,
          this.frameTop[f]! - prefixes[r * K + k - 1]![from]!,
          this.frameX[f]!,
        );
        this.fromPos[id] = from;
        this.stageOf[id] = r * K + k - 1;
        this.second[id] = this.frameSecond[f]!;
        this.hadPath[id] = 1;
      } else {
        pending = pred;
      }
    }
    if (pending < 0) this.publish(c, state2);
    return pending;
  }

  /**
   * Whether state id's value is exact under T: it was exact when computed and its prefix's
   * bottleneck still fits. Otherwise the value is a lower bound. O(1).
   * Why lazily: a state built on a changed one has a theta at least as large, so it fails this
   * test too, and nothing needs to be marked when T falls.
   */
  private exactAt(id: number, T: number): boolean {
    return this.exact[id] === 1 && this.theta[id]! <= T;
  }

  /** Writes state (c, state)'s value into the candidate trees of the stages it may start. */
  private publish(c: number, state: number): void {
    const { P, K, weight, prefixes, nStates } = this.sp;
    const r = state % P;
    const room = this.sp.room(state);
    const g = this.value[c * nStates + state]!;
    for (let k = 1; k <= room; k++) {
      const key = state * K + k - 1;
      const tree = this.keyTrees[key];
      if (!tree) continue;
      const sk = r * K + k - 1;
      this.trees.set(tree, c, g - weight[sk]! * prefixes[sk]![c]!);
      this.rootMin[key] = tree[1]!;
    }
  }

  /** Follows the stored predecessors from the final key back to position 0. O(stages). */
  private planOf(finalKey: number): Plan {
    const { P, K, NU, nStates, limited, units, t } = this.sp;
    const stages: Stage[] = [];
    let k = (finalKey % K) + 1;
    let state = (finalKey - k + 1) / K;
    let r = state % P;
    let to = this.sp.n;
    let from = this.finalFrom[finalKey]!;
    for (;;) {
      stages.push({ from, to, processor: t.processors[r]!.id, units: k });
      if (from === 0) break;
      const id = from * nStates + state;
      const stage = this.stageOf[id]!;
      const r1 = Math.floor(stage / K);
      const k1 = (stage % K) + 1;
      const restOf = (state - r) / P;
      const U = restOf % NU;
      const s = (restOf - U) / NU;
      state = ((limited ? s - 1 : 0) * NU + U - k1 * units.stride[r1]!) * P + r1;
      to = from;
      from = this.fromPos[id]!;
      r = r1;
      k = k1;
    }
    return { stages: stages.reverse() };
  }
}

/** Smallest c in [lo, end) with top - prefix[c] <= T (end if none): binary search, the left side falls as c grows. */
function firstWithin(prefix: Float64Array, top: number, T: number, lo: number, end: number): number {
  let a = lo;
  let b = end;
  while (a < b) {
    const m = (a + b) >> 1;
    if (top - prefix[m]! > T) a = m + 1;
    else b = m;
  }
  return a;
}
