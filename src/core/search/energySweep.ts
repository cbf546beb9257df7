import type { CostTables } from '../cost/tables';
import { ExplorerError } from '../errors';
import { prefixEnergy } from './energyBounds';
import { MinTrees } from './minTree';
import { SweepShell, sweepLayout } from './sweepShell';
import { SweepSpace } from './sweepSpace';
import { firstStartWithin } from './windows';
import type { Pins } from './types';

export interface EnergySweepOptions {
  readonly maxStages?: number;
  readonly pins?: Pins;
  readonly isCancelled?: () => boolean;
}

/**
 * Upper bound on the bytes an `EnergySweep` for these tables and stage limit holds: per-state
 * columns for every position (and `prefixEnergy`'s while it runs), one range-min tree per
 * (state, units) key, the staircases of `prefixEnergy`, the stages into every state (four
 * numbers each), the window starts per (position, stage, next processor) and the reach per unit
 * vector. O(states).
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
  const trees = new MinTrees(t.n + 1);
  const states = S * NU * P;
  const K = Math.max(...units);
  return (
    t.n * states * 48 +
    keys * (trees.width * 8 + t.n * 12 + 40) +
    states * total * 16 +
    (t.n + 1) * P * K * P * 8 +
    NU * 4
  );
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
 * fewer units, then mostly to later cuts (see `MinTrees.min`).
 *
 * Every query stops at the furthest position the units before its stage can reach under T
 * (`fillReach`): as T falls, bands of states become unreachable, and without the clip each stale
 * one would be recomputed only to find it so (a third of all recomputations on ResNet-50 /
 * Snapdragon 855).
 *
 * Recomputing a state asks each stage that may end at it for its best start, least promising
 * last: a stage is skipped once a cheap floor on it (the least candidate of the few tree nodes
 * covering its window) reaches the best value found. The answers stay with the state's stack frame
 * as bounds, so after a start was made exact only stages still below the new best are asked again.
 *
 * @example const sweep = new EnergySweep(t); sweep.solve(Infinity); sweep.solve(20); // ms, falling
 *
 * Complexity: `prefixEnergy` once, O(n * keys * P); per limit O(NU * sum(units) * log n) for the
 * reach; then O(sum(units) * log n) per recomputation. Memory: O(n * |states| + keys * n),
 * keys = states x units.
 */
export class EnergySweep extends SweepShell {
  private readonly trees: MinTrees;
  /** Every key's candidate tree (key = state * K + k - 1: G(c) - a * P[c] over positions c, exact or lower bounds), in one buffer. */
  private readonly buf: Float64Array;
  protected override readonly treeAt: Int32Array;
  /** Per key: its tree's minimum, kept apart so skipping a key touches no tree. */
  private readonly rootMin: Float64Array;
  /**
   * Per id = state * n + c: the bottleneck theta of the plan prefix its value comes from, NaN while
   * that value is a lower bound (no T accepts it). The values themselves live in the trees only.
   * Why by state: the starts one stage's window offers (one state, nearby positions) share lines.
   */
  private readonly theta: Float64Array;
  protected override readonly via: Int32Array;
  protected override readonly finalValue: Float64Array;
  protected override readonly finalExact: Uint8Array;
  protected override readonly finalTheta: Float64Array;
  protected override readonly finalFrom: Int32Array;
  /** The stages that may end at each state (see `sweepLayout`). Why: every recomputation of a state asks the same stages. */
  private readonly candStart: Int32Array;
  private readonly cand: Int32Array;
  /**
   * Per unit vector U: the furthest position any plan prefix using exactly U can reach under the
   * current limit (transfers left out, so never below the truth). Why: as the limit falls, whole
   * bands of states become unreachable; queries clip their windows here instead of settling each
   * stale state to find it unreachable.
   */
  private readonly reach: Int32Array;
  /** Most stages that may end at one state: sum(units). */
  private readonly slots: number;
  // The settle stack: state ids and, per frame, its best stage (what asking it again needs).
  private depth = 0;
  private stackId: Int32Array = new Int32Array(0);
  private frameKey: Int32Array = new Int32Array(0);
  private frameLo: Int32Array = new Int32Array(0);
  private frameHi: Int32Array = new Int32Array(0);
  private frameSend: Float64Array = new Float64Array(0);
  private frameX: Float64Array = new Float64Array(0);
  private frameExtra: Float64Array = new Float64Array(0);
  /** A lower bound on every other stage's value. */
  private frameSecond: Float64Array = new Float64Array(0);
  /** The number of stages in the frame's list, and the list index of its best one. */
  private frameCount: Int32Array = new Int32Array(0);
  private frameBest: Int32Array = new Int32Array(0);
  /**
   * Per stack frame f, at f * slots, the stages that may end at its state: a lower bound on each
   * one's value (its last answer, or before it was asked its floor), their order by it, and what
   * asking again needs (key, smallest start under the limit, energy beyond the tree's candidate,
   * the sender's transfer time without DMA and the DMA transfer, for theta).
   */
  private cBound: Float64Array = new Float64Array(0);
  private cOrder: Int32Array = new Int32Array(0);
  private cKey: Int32Array = new Int32Array(0);
  private cLo: Int32Array = new Int32Array(0);
  private cHi: Int32Array = new Int32Array(0);
  private cExtra: Float64Array = new Float64Array(0);
  private cSend: Float64Array = new Float64Array(0);
  private cX: Float64Array = new Float64Array(0);
  /** The tree node holding the last best value (for its argmin). */
  private bestNode = -1;
  /**
   * Per slot (c, r, k, r2), at 2 * slot: the smallest start a stage may have under the latest limit,
   * current when the stamp at 2 * slot + 1 is `epoch`, else a floor for it (limits only fall).
   */
  private readonly loCache: Int32Array;
  private epoch = 0;
  override recomputed = 0;

  constructor(
    t: CostTables,
    private readonly options: EnergySweepOptions = {},
  ) {
    super(new SweepSpace(t, options.maxStages, options.pins));
    const sp = this.sp;
    const { n, P, K, nStates, weight, prefixes } = sp;
    const trees = (this.trees = new MinTrees(n + 1));
    const keys = nStates * K;
    // One tree per key of a possible state, holding the lower bounds `prefixEnergy` finds.
    const layout = sweepLayout(sp, trees.width);
    const treeAt = (this.treeAt = layout.treeAt);
    this.candStart = layout.candStart;
    this.cand = layout.cand;
    this.rootMin = new Float64Array(keys).fill(Infinity);
    this.finalValue = new Float64Array(keys).fill(Infinity);
    this.finalExact = new Uint8Array(keys);
    this.finalTheta = new Float64Array(keys);
    this.finalFrom = new Int32Array(keys);
    const buf = (this.buf = new Float64Array(layout.trees * trees.width));
    const reach = prefixEnergy(sp);
    this.theta = new Float64Array(n * nStates).fill(NaN);
    for (let r = 0; r < P; r++) this.theta[r * n] = -Infinity; // position 0: exact under every limit
    this.via = new Int32Array(2 * n * nStates);
    // Tree by tree, leaves then inner nodes, so each 4 KB tree is written while it sits in cache;
    // consecutive states read neighbouring entries of the same rows of `reach`.
    const { size } = trees;
    for (let key = 0; key < keys; key++) {
      const at = treeAt[key]!;
      if (at < 0) continue;
      const k = (key % K) + 1;
      const state = (key - k + 1) / K;
      const sk = (state % P) * K + k - 1;
      const a = weight[sk]!;
      const prefix = prefixes[sk]!;
      const leaves = at + size;
      for (let c = 0; c < n; c++) {
        const g = reach[c * nStates + state]!;
        buf[leaves + c] = g === Infinity ? Infinity : g - a * prefix[c]!;
      }
      buf.fill(Infinity, leaves + n, leaves + size);
      buf[at] = Infinity; // the unused slot 0, as an empty tree would hold
      trees.build(buf, at);
      const root = buf[at + 1]!;
      this.rootMin[key] = root;
      // A lower bound on its best finish: the tree's minimum plus the stage's energy up to n.
      if (root < Infinity) this.finalValue[key] = root + a * prefix[n]!;
    }
    this.pushFinals();
    this.slots = t.processors.reduce((sum, p) => sum + p.units, 0);
    this.growFrames(64);
    this.loCache = new Int32Array(2 * (n + 1) * P * K * P);
    this.reach = new Int32Array(sp.NU).fill(n);
  }

  /**
   * Fills `reach` for limit T: a stage on k units of r from s reaches the last end e whose window
   * admits s and whose time is <= T; that end only grows with s, so the furthest reach of U is the
   * best over its last stage of the reach from the furthest reach of U without it.
   * O(NU * sum(units) * log n).
   */
  private fillReach(T: number): void {
    const { n, P, K, NU, units, starts, prefixes } = this.sp;
    const reach = this.reach;
    reach[0] = 0;
    for (let U = 1; U < NU; U++) {
      let best = -1;
      for (let r = 0; r < P; r++) {
        const used = units.units[r]! - units.room[U * P + r]!;
        for (let k = 1; k <= used; k++) {
          const s = reach[U - k * units.stride[r]!]!;
          if (s < 0) continue;
          const prefix = prefixes[r * K + k - 1]!;
          const from = prefix[s]!;
          // Largest e in [s, n] with starts(e) <= s and prefix[e] - from <= T (both fail from some e on).
          let a = s;
          let b = n;
          while (a < b) {
            const m = (a + b + 1) >> 1;
            if (starts[(m * P + r) * K + k - 1]! <= s && prefix[m]! - from <= T) a = m;
            else b = m - 1;
          }
          if (a > best) best = a;
        }
      }
      reach[U] = best;
    }
  }

  protected override beginLimit(T: number): void {
    this.epoch++;
    this.fillReach(T);
  }

  /** The exact best last stage of key ending at n under T; settles the lower-bound starts it meets first. */
  protected override settleFinal(key: number, T: number): void {
    const { n, P, K, starts, weight, prefixes } = this.sp;
    const at = this.treeAt[key]!;
    const k = (key % K) + 1;
    const state = (key - k + 1) / K;
    const sk = (state % P) * K + k - 1;
    const prefix = prefixes[sk]!;
    const lo0 = starts[(n * P + (state % P)) * K + k - 1]!;
    const lo = lo0 >= n || T === Infinity ? lo0 : firstStartWithin(prefix, n, 0, T, lo0);
    const { NU } = this.sp;
    const hi = Math.min(n, this.reach[((state - (state % P)) / P) % NU]! + 1);
    for (;;) {
      const m = lo >= hi ? Infinity : this.trees.min(this.buf, at, lo, hi);
      this.finalExact[key] = 0;
      this.finalValue[key] = m + weight[sk]! * prefix[n]!;
      if (m === Infinity) return;
      const from = this.trees.argmin(this.buf, at);
      const pred = state * n + from;
      const theta = this.theta[pred]!;
      if (!(theta <= T)) {
        this.settle(pred, T);
        continue;
      }
      this.finalExact[key] = 1;
      this.finalTheta[key] = Math.max(theta, prefix[n]! - prefix[from]!);
      this.finalFrom[key] = from;
      return;
    }
  }

  /**
   * Makes state id0 exact under T. Depth-first: while a state's best start is a lower bound, that
   * start is made exact first. Then only the stage that held the best start is asked again: the
   * other stages' values can only have grown, so while its new best stays below their bound it
   * is still the best; otherwise the stages whose bounds are below it are asked again.
   */
  private settle(id0: number, T: number): void {
    const n = this.sp.n;
    this.pushFrame(id0);
    while (this.depth > 0) {
      const top = this.depth - 1;
      const id = this.stackId[top]!;
      const state2 = (id / n) | 0;
      const c = id - state2 * n;
      if ((++this.recomputed & 1023) === 0 && this.options.isCancelled?.()) {
        this.depth = 0;
        throw new ExplorerError('CANCELLED');
      }
      let best: number;
      const key = this.frameKey[top]!;
      if (key < 0) {
        best = this.scan(c, state2, T, top);
      } else {
        best =
          this.trees.min(this.buf, this.treeAt[key]!, this.frameLo[top]!, this.frameHi[top]!) + this.frameExtra[top]!;
        this.bestNode = this.trees.node;
        const j = this.frameBest[top]!;
        this.cBound[top * this.slots + j] = best;
        if (best > this.frameSecond[top]!) best = this.repick(top, j);
      }
      const pred = this.resolve(c, state2, best, top, T);
      if (pred < 0) this.depth--;
      else this.pushFrame(pred);
    }
  }

  /** Pushes a frame for state id, with no stage yet. */
  private pushFrame(id: number): void {
    const f = this.depth;
    if (f === this.stackId.length) this.growFrames(2 * f);
    this.stackId[f] = id;
    this.frameKey[f] = -1;
    this.depth++;
  }

  /** Room for this many stack frames and their stage lists (keeping what they hold). */
  private growFrames(frames: number): void {
    const n = frames * this.slots;
    const f64 = (a: Float64Array, size: number): Float64Array => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array, size: number): Int32Array => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.stackId = i32(this.stackId, frames);
    this.frameKey = i32(this.frameKey, frames);
    this.frameLo = i32(this.frameLo, frames);
    this.frameHi = i32(this.frameHi, frames);
    this.frameSend = f64(this.frameSend, frames);
    this.frameX = f64(this.frameX, frames);
    this.frameExtra = f64(this.frameExtra, frames);
    this.frameSecond = f64(this.frameSecond, frames);
    this.frameCount = i32(this.frameCount, frames);
    this.frameBest = i32(this.frameBest, frames);
    this.cBound = f64(this.cBound, n);
    this.cOrder = i32(this.cOrder, n);
    this.cKey = i32(this.cKey, n);
    this.cLo = i32(this.cLo, n);
    this.cHi = i32(this.cHi, n);
    this.cExtra = f64(this.cExtra, n);
    this.cSend = f64(this.cSend, n);
    this.cX = f64(this.cX, n);
  }

  /**
   * Lists in stack frame f every stage that may end at state (c, state2) under T, ordered by floor,
   * then asks them (see `pick`). Returns the best value.
   */
  private scan(c: number, state2: number, T: number, f: number): number {
    const sp = this.sp;
    const { P, K, links, weight, prefixes, starts } = sp;
    const { rootMin, cand, buf, treeAt, loCache } = this;
    const { cBound, cOrder, cKey, cLo, cHi, cExtra, cSend, cX, reach } = this;
    const size = this.trees.size;
    const row = c * P * K;
    const r2 = state2 % P;
    const crossing = sp.t.crossing[c]!;
    const base = f * this.slots;
    let count = 0;
    const end = this.candStart[state2 + 1]!;
    for (let i = this.candStart[state2]!; i < end; i++) {
      const key = cand[4 * i]!;
      if (rootMin[key] === Infinity) continue; // nothing reached it
      const r = cand[4 * i + 2]!;
      let xms = 0;
      let send = 0;
      let linkMj = 0;
      if (r !== r2) {
        const pair = r * P + r2;
        xms = links.latencyMs[pair]! + links.msPerByte[pair]! * crossing;
        if (xms > T) continue; // a transfer slower than the period allows
        if (links.overlaps[pair] !== 1) send = xms;
        linkMj = links.mjPerByte[pair]! * crossing;
      }
      const sk = cand[4 * i + 1]!;
      const prefix = prefixes[sk]!;
      const pc = prefix[c]!;
      const slot = 2 * ((row + sk) * P + r2);
      let lo = loCache[slot]!;
      if (loCache[slot + 1] !== this.epoch) {
        // The start under the last limit is a floor (limits only fall), and most often still the answer.
        const lo0 = starts[row + sk]!;
        if (lo < lo0) lo = lo0;
        if (lo < c && pc - prefix[lo]! + send > T) lo = firstStartWithin(prefix, c, send, T, lo + 1);
        loCache[slot] = lo;
        loCache[slot + 1] = this.epoch;
      }
      // Starts past the reach of the units before them are unreachable under T.
      const reachable = reach[cand[4 * i + 3]!]! + 1;
      const hi = reachable < c ? reachable : c;
      if (lo >= hi) continue;
      // Floor: the least candidate of the (at most three) tree nodes of the level below the window's
      // size that cover [lo, hi); they hold its positions and a few more.
      const at = treeAt[key]!;
      const level = 32 - Math.clz32(hi - lo - 1);
      const shift = level > 0 ? level - 1 : 0;
      const first = (lo + size) >> shift;
      const last = (hi - 1 + size) >> shift;
      let m = buf[at + first]!;
      const m1 = buf[at + last]!;
      if (m1 < m) m = m1;
      if (last - first === 2) {
        const m2 = buf[at + first + 1]!;
        if (m2 < m) m = m2;
      }
      const a = weight[sk]!;
      const extra = a * pc + (a * send + linkMj);
      const floor = m + extra;
      if (floor === Infinity) continue; // nothing in its window reached it
      const j = count++;
      cBound[base + j] = floor;
      cKey[base + j] = key;
      cLo[base + j] = lo;
      cHi[base + j] = hi;
      cExtra[base + j] = extra;
      cSend[base + j] = send;
      cX[base + j] = send === 0 ? xms : 0;
      let o = j;
      while (o > 0 && cBound[base + cOrder[base + o - 1]!]! > floor) {
        cOrder[base + o] = cOrder[base + o - 1]!;
        o--;
      }
      cOrder[base + o] = j;
    }
    this.frameCount[f] = count;
    return this.pick(f);
  }

  /**
   * Asks the stages of frame f's list in rising bound order until a bound reaches the best value
   * (no later stage can win); records the best stage and a lower bound on all others in the frame.
   * Returns the best value.
   * Why: the tree queries are what settling costs; the most promising stage first skips most of them.
   */
  private pick(f: number): number {
    const { buf, treeAt, trees, cBound, cOrder, cKey, cLo, cHi, cExtra } = this;
    const base = f * this.slots;
    const count = this.frameCount[f]!;
    let best = Infinity;
    let second = Infinity;
    let bestJ = -1;
    let bestNode = -1;
    for (let i = 0; i < count; i++) {
      const j = cOrder[base + i]!;
      const bound = cBound[base + j]!;
      if (bound >= best) {
        if (bound < second) second = bound; // and every later bound is at least this
        break;
      }
      const v = trees.min(buf, treeAt[cKey[base + j]!]!, cLo[base + j]!, cHi[base + j]!) + cExtra[base + j]!;
      const node = trees.node;
      cBound[base + j] = v;
      if (v < best) {
        if (best < second) second = best;
        best = v;
        bestJ = j;
        bestNode = node;
      } else if (v < second) {
        second = v;
      }
    }
    return this.choose(f, bestJ, bestNode, best, second);
  }

  /**
   * Asks again the stages of frame f's list whose bound is below the value of its best stage j, just
   * asked again (its value is its bound, `bestNode` its node), and records the new best stage and a
   * lower bound on all others in the frame. Returns the best value.
   * Why not in order: the list was ordered by the bounds of the last scan; only a few have moved,
   * and sorting again costs more than the odd query an imperfect order lets through.
   */
  private repick(f: number, j0: number): number {
    const { buf, treeAt, trees, cBound, cOrder, cKey, cLo, cHi, cExtra } = this;
    const base = f * this.slots;
    const count = this.frameCount[f]!;
    let best = cBound[base + j0]!;
    let bestJ = j0;
    let bestNode = this.bestNode;
    let second = Infinity;
    for (let i = 0; i < count; i++) {
      const j = cOrder[base + i]!;
      if (j === j0) continue;
      const bound = cBound[base + j]!;
      if (bound >= best) {
        if (bound < second) second = bound;
        continue;
      }
      const v = trees.min(buf, treeAt[cKey[base + j]!]!, cLo[base + j]!, cHi[base + j]!) + cExtra[base + j]!;
      cBound[base + j] = v;
      if (v < best) {
        if (best < second) second = best;
        best = v;
        bestJ = j;
        bestNode = trees.node;
      } else if (v < second) {
        second = v;
      }
    }
    return this.choose(f, bestJ, bestNode, best, second);
  }

  /** Records list index bestJ (node bestNode, value best; -1 when none) as frame f's best stage. Returns best. */
  private choose(f: number, bestJ: number, bestNode: number, best: number, second: number): number {
    this.frameSecond[f] = second;
    this.frameBest[f] = bestJ;
    this.bestNode = bestNode;
    if (bestJ < 0) {
      this.frameKey[f] = -1;
      return best;
    }
    const j = f * this.slots + bestJ;
    this.frameKey[f] = this.cKey[j]!;
    this.frameLo[f] = this.cLo[j]!;
    this.frameHi[f] = this.cHi[j]!;
    this.frameExtra[f] = this.cExtra[j]!;
    this.frameSend[f] = this.cSend[j]!;
    this.frameX[f] = this.cX[j]!;
    return best;
  }

  /**
   * Takes best as state (c, state2)'s new value (from stack frame f's stage, whose tree node holding
   * it is `bestNode`) and publishes it once exact. Returns -1 when it is now exact (or unreachable), else the id of
   * its best start, a lower bound to settle first.
   */
  private resolve(c: number, state2: number, best: number, f: number, T: number): number {
    const { n, P, K, prefixes } = this.sp;
    const thetas = this.theta;
    const id = state2 * n + c;
    thetas[id] = NaN;
    if (best !== Infinity) {
      const key = this.frameKey[f]!;
      this.trees.node = this.bestNode;
      const from = this.trees.argmin(this.buf, this.treeAt[key]!);
      const k = (key % K) + 1;
      const state = (key - k + 1) / K;
      const pred = state * n + from;
      const theta = thetas[pred]!;
      if (!(theta <= T)) return pred; // a lower bound (NaN) or a prefix T no longer allows
      const sk = (state % P) * K + k - 1;
      // Summed as the window was checked (`firstStartWithin`): theta <= T exactly when the stage passed.
      const prefix = prefixes[sk]!;
      thetas[id] = Math.max(theta, prefix[c]! - prefix[from]! + this.frameSend[f]!, this.frameX[f]!);
      this.via[2 * id] = from;
      this.via[2 * id + 1] = sk;
    }
    this.publish(c, state2, best);
    return -1;
  }

  /** Writes state (c, state)'s value g into the candidate trees of the stages it may start. */
  private publish(c: number, state: number, g: number): void {
    const { P, K, weight, prefixes } = this.sp;
    const { buf, treeAt, trees, rootMin } = this;
    const r = state % P;
    const room = this.sp.room(state);
    for (let k = 1; k <= room; k++) {
      const key = state * K + k - 1;
      const at = treeAt[key]!;
      if (at < 0) continue;
      const sk = r * K + k - 1;
      trees.set(buf, at, c, g - weight[sk]! * prefixes[sk]![c]!);
      rootMin[key] = buf[at + 1]!;
    }
  }
}
