// The energy sweep's set-up and hot loop in AssemblyScript, compiled by `npm run build:wasm` to
// wasm/build/energySweep.wasm (run by npm install, npm test and npm start; not committed).
// It is src/core/search/energySweep.ts line for line: prefixEnergy and the tree build (`setup`),
// the reach per limit (`beginLimit`), settleFinal/settle/scan/pick/repick/choose/resolve/publish,
// the range-min trees and firstStartWithin, with the same floating-point operations in the same
// order, so both give the same answers, plans and recomputation counts (test/core/search/
// energySweepWasm.test.ts checks it). Change one, change the other.
// All data lives in the imported memory at byte offsets that EnergySweepWasm
// (src/core/search/energySweepWasm.ts) passes once through `init(header)`; nothing is allocated
// here (runtime stub). The set-up's columns are sized up front and settle's stack holds n + 2
// frames, so running past them is a bug: it traps (`unreachable`).

@external("env", "cancelled")
declare function cancelled(): i32;

let n: i32 = 0;
let P: i32 = 0;
let K: i32 = 0;
let NU: i32 = 0;
let slots: i32 = 0;
let size: i32 = 0;
let maxFrames: i32 = 0;
let hasCancel: i32 = 0;
let np1: i32 = 0;
let nStates: i32 = 0;
let S: i32 = 0;
let limited: i32 = 0;
let cap: i32 = 0;

// SweepSpace
let oStarts: usize = 0; // i32[(n+1)*P*K]
let oWeight: usize = 0; // f64[P*K]
let oPrefix: usize = 0; // f64[P*K*(n+1)]
let oLat: usize = 0; // f64[P*P]
let oMsPB: usize = 0; // f64[P*P]
let oMjPB: usize = 0; // f64[P*P]
let oOverlaps: usize = 0; // i32[P*P]
let oCrossing: usize = 0; // f64[n+1]
let oUnits: usize = 0; // i32[P]
let oRoom: usize = 0; // i32[NU*P]
let oStride: usize = 0; // i32[P]
// sweep
let oBuf: usize = 0;
let oTreeAt: usize = 0;
let oRootMin: usize = 0;
let oTheta: usize = 0;
let oVia: usize = 0;
let oFinalValue: usize = 0;
let oFinalExact: usize = 0; // i32
let oFinalTheta: usize = 0;
let oFinalFrom: usize = 0;
let oCandStart: usize = 0;
let oCand: usize = 0;
let oReach: usize = 0;
let oLoCache: usize = 0;
// frames
let oStackId: usize = 0;
let oFrameKey: usize = 0;
let oFrameLo: usize = 0;
let oFrameHi: usize = 0;
let oFrameSend: usize = 0;
let oFrameX: usize = 0;
let oFrameExtra: usize = 0;
let oFrameSecond: usize = 0;
let oFrameCount: usize = 0;
let oFrameBest: usize = 0;
let oCBound: usize = 0;
let oCOrder: usize = 0;
let oCKey: usize = 0;
let oCLo: usize = 0;
let oCHi: usize = 0;
let oCExtra: usize = 0;
let oCSend: usize = 0;
let oCX: usize = 0;
// set-up only (prefixEnergy's staircases)
let oReachE: usize = 0; // f64[n*nStates]
let oSlotOf: usize = 0; // i32[nStates*K]
let oStPos: usize = 0; // i32[cap*n]
let oStVal: usize = 0; // f64[cap*n]
let oStLen: usize = 0; // i32[cap]
let oStPtr: usize = 0; // i32[cap]
let oStSk: usize = 0; // i32[cap]
let oStNext: usize = 0; // i32[cap]
let oStTo: usize = 0; // i32[cap]
let oSendAt: usize = 0; // f64[P*P]
let oLinkAt: usize = 0; // f64[P*P]
let nActive: i32 = 0;

let depth: i32 = 0;
let bestNode: i32 = -1;
let treeNode: i32 = -1;
let epoch: i32 = 0;
let recomputed: i32 = 0;

@inline function geti(base: usize, i: i32): i32 {
  return load<i32>(base + (<usize>i << 2));
}
@inline function seti(base: usize, i: i32, v: i32): void {
  store<i32>(base + (<usize>i << 2), v);
}
@inline function getf(base: usize, i: i32): f64 {
  return load<f64>(base + (<usize>i << 3));
}
@inline function setf(base: usize, i: i32, v: f64): void {
  store<f64>(base + (<usize>i << 3), v);
}
@inline function prefixOf(sk: i32): usize {
  return oPrefix + (<usize>(sk * np1) << 3);
}

export function init(h: usize): void {
  let i = 0;
  n = geti(h, i++);
  P = geti(h, i++);
  K = geti(h, i++);
  NU = geti(h, i++);
  slots = geti(h, i++);
  size = geti(h, i++);
  maxFrames = geti(h, i++);
  hasCancel = geti(h, i++);
  np1 = n + 1;
  oStarts = <usize>geti(h, i++);
  oWeight = <usize>geti(h, i++);
  oPrefix = <usize>geti(h, i++);
  oLat = <usize>geti(h, i++);
  oMsPB = <usize>geti(h, i++);
  oMjPB = <usize>geti(h, i++);
  oOverlaps = <usize>geti(h, i++);
  oCrossing = <usize>geti(h, i++);
  oUnits = <usize>geti(h, i++);
  oRoom = <usize>geti(h, i++);
  oStride = <usize>geti(h, i++);
  oBuf = <usize>geti(h, i++);
  oTreeAt = <usize>geti(h, i++);
  oRootMin = <usize>geti(h, i++);
  oTheta = <usize>geti(h, i++);
  oVia = <usize>geti(h, i++);
  oFinalValue = <usize>geti(h, i++);
  oFinalExact = <usize>geti(h, i++);
  oFinalTheta = <usize>geti(h, i++);
  oFinalFrom = <usize>geti(h, i++);
  oCandStart = <usize>geti(h, i++);
  oCand = <usize>geti(h, i++);
  oReach = <usize>geti(h, i++);
  oLoCache = <usize>geti(h, i++);
  oStackId = <usize>geti(h, i++);
  oFrameKey = <usize>geti(h, i++);
  oFrameLo = <usize>geti(h, i++);
  oFrameHi = <usize>geti(h, i++);
  oFrameSend = <usize>geti(h, i++);
  oFrameX = <usize>geti(h, i++);
  oFrameExtra = <usize>geti(h, i++);
  oFrameSecond = <usize>geti(h, i++);
  oFrameCount = <usize>geti(h, i++);
  oFrameBest = <usize>geti(h, i++);
  oCBound = <usize>geti(h, i++);
  oCOrder = <usize>geti(h, i++);
  oCKey = <usize>geti(h, i++);
  oCLo = <usize>geti(h, i++);
  oCHi = <usize>geti(h, i++);
  oCExtra = <usize>geti(h, i++);
  oCSend = <usize>geti(h, i++);
  oCX = <usize>geti(h, i++);
  nStates = geti(h, i++);
  S = geti(h, i++);
  limited = geti(h, i++);
  cap = geti(h, i++);
  oReachE = <usize>geti(h, i++);
  oSlotOf = <usize>geti(h, i++);
  oStPos = <usize>geti(h, i++);
  oStVal = <usize>geti(h, i++);
  oStLen = <usize>geti(h, i++);
  oStPtr = <usize>geti(h, i++);
  oStSk = <usize>geti(h, i++);
  oStNext = <usize>geti(h, i++);
  oStTo = <usize>geti(h, i++);
  oSendAt = <usize>geti(h, i++);
  oLinkAt = <usize>geti(h, i++);
  depth = 0;
  bestNode = -1;
  treeNode = -1;
  epoch = 0;
  recomputed = 0;
}

export function getRecomputed(): i32 {
  return recomputed;
}

// ---- MinTrees ----

function treeMin(at: i32, lo: i32, hi: i32): f64 {
  const tb = oBuf + (<usize>at << 3);
  let best = Infinity;
  let node = -1;
  let fromRight = false;
  let l = lo + size;
  let r = hi + size;
  while (l < r) {
    if (l & 1) {
      const v = load<f64>(tb + (<usize>l << 3));
      if (v < best || (v == best && !fromRight)) {
        best = v;
        node = l;
      }
      l++;
    }
    if (r & 1) {
      r--;
      const v = load<f64>(tb + (<usize>r << 3));
      if (v < best || (v == best && !fromRight)) {
        best = v;
        node = r;
        fromRight = true;
      }
    }
    l >>= 1;
    r >>= 1;
  }
  treeNode = node;
  return best;
}

function treeArgmin(at: i32): i32 {
  const tb = oBuf + (<usize>at << 3);
  let node = treeNode;
  const v = load<f64>(tb + (<usize>node << 3));
  while (node < size) node = load<f64>(tb + (<usize>(2 * node + 1) << 3)) == v ? 2 * node + 1 : 2 * node;
  return node - size;
}

@inline function treeSet(at: i32, i: i32, v: f64): void {
  const tb = oBuf + (<usize>at << 3);
  let node = i + size;
  store<f64>(tb + (<usize>node << 3), v);
  while (node > 1) {
    node >>= 1;
    const a = load<f64>(tb + (<usize>(2 * node) << 3));
    const b = load<f64>(tb + (<usize>(2 * node + 1) << 3));
    const m = a < b ? a : b;
    if (load<f64>(tb + (<usize>node << 3)) == m) break;
    store<f64>(tb + (<usize>node << 3), m);
  }
}

function firstStartWithin(pb: usize, end: i32, sendMs: f64, T: f64, lo: i32): i32 {
  const top = getf(pb, end);
  let a = lo;
  let b = end;
  while (a < b) {
    const m = (a + b) >> 1;
    if (top - getf(pb, m) + sendMs > T) a = m + 1;
    else b = m;
  }
  return a;
}

// ---- per limit ----

export function beginLimit(T: f64): void {
  epoch++;
  fillReach(T);
}

function fillReach(T: f64): void {
  seti(oReach, 0, 0);
  for (let U = 1; U < NU; U++) {
    let best = -1;
    for (let r = 0; r < P; r++) {
      const used = geti(oUnits, r) - geti(oRoom, U * P + r);
      const stride = geti(oStride, r);
      for (let k = 1; k <= used; k++) {
        const s = geti(oReach, U - k * stride);
        if (s < 0) continue;
        const pb = prefixOf(r * K + k - 1);
        const from = getf(pb, s);
        let a = s;
        let b = n;
        while (a < b) {
          const m = (a + b + 1) >> 1;
          if (geti(oStarts, (m * P + r) * K + k - 1) <= s && getf(pb, m) - from <= T) a = m;
          else b = m - 1;
        }
        if (a > best) best = a;
      }
    }
    seti(oReach, U, best);
  }
}

/** Returns 1 when cancelled. */
export function settleFinal(key: i32, T: f64): i32 {
  const at = geti(oTreeAt, key);
  const k = (key % K) + 1;
  const state = (key - k + 1) / K;
  const r = state % P;
  const sk = r * K + k - 1;
  const pb = prefixOf(sk);
  const lo0 = geti(oStarts, (n * P + r) * K + k - 1);
  const lo = lo0 >= n || T == Infinity ? lo0 : firstStartWithin(pb, n, 0, T, lo0);
  const reachHi = geti(oReach, ((state - r) / P) % NU) + 1;
  const hi = reachHi < n ? reachHi : n;
  for (;;) {
    const m = lo >= hi ? Infinity : treeMin(at, lo, hi);
    seti(oFinalExact, key, 0);
    setf(oFinalValue, key, m + getf(oWeight, sk) * getf(pb, n));
    if (m == Infinity) return 0;
    const from = treeArgmin(at);
    const pred = state * n + from;
    const theta = getf(oTheta, pred);
    if (!(theta <= T)) {
      if (settle(pred, T)) return 1;
      continue;
    }
    seti(oFinalExact, key, 1);
    setf(oFinalTheta, key, Math.max(theta, getf(pb, n) - getf(pb, from)));
    seti(oFinalFrom, key, from);
    return 0;
  }
}

function pushFrame(id: i32): void {
  const f = depth;
  if (f >= maxFrames) unreachable();
  seti(oStackId, f, id);
  seti(oFrameKey, f, -1);
  depth++;
}

function settle(id0: i32, T: f64): bool {
  pushFrame(id0);
  while (depth > 0) {
    const top = depth - 1;
    const id = geti(oStackId, top);
    const state2 = id / n;
    const c = id - state2 * n;
    recomputed++;
    if (hasCancel && (recomputed & 1023) == 0 && cancelled()) {
      depth = 0;
      return true;
    }
    let best: f64;
    const key = geti(oFrameKey, top);
    if (key < 0) {
      best = scan(c, state2, T, top);
    } else {
      best = treeMin(geti(oTreeAt, key), geti(oFrameLo, top), geti(oFrameHi, top)) + getf(oFrameExtra, top);
      bestNode = treeNode;
      const j = geti(oFrameBest, top);
      setf(oCBound, top * slots + j, best);
      if (best > getf(oFrameSecond, top)) best = repick(top, j);
    }
    const pred = resolve(c, state2, best, top, T);
    if (pred < 0) depth--;
    else pushFrame(pred);
  }
  return false;
}

function scan(c: i32, state2: i32, T: f64, f: i32): f64 {
  const row = c * P * K;
  const r2 = state2 % P;
  const crossing = getf(oCrossing, c);
  const base = f * slots;
  let count = 0;
  const end = geti(oCandStart, state2 + 1);
  for (let i = geti(oCandStart, state2); i < end; i++) {
    const cp = oCand + (<usize>(4 * i) << 2);
    const key = load<i32>(cp);
    if (getf(oRootMin, key) == Infinity) continue;
    const r = load<i32>(cp, 8);
    let xms: f64 = 0;
    let send: f64 = 0;
    let linkMj: f64 = 0;
    if (r != r2) {
      const pair = r * P + r2;
      xms = getf(oLat, pair) + getf(oMsPB, pair) * crossing;
      if (xms > T) continue;
      if (geti(oOverlaps, pair) != 1) send = xms;
      linkMj = getf(oMjPB, pair) * crossing;
    }
    const sk = load<i32>(cp, 4);
    const pb = prefixOf(sk);
    const pc = getf(pb, c);
    const slot = 2 * ((row + sk) * P + r2);
    let lo = geti(oLoCache, slot);
    if (geti(oLoCache, slot + 1) != epoch) {
      const lo0 = geti(oStarts, row + sk);
      if (lo < lo0) lo = lo0;
      if (lo < c && pc - getf(pb, lo) + send > T) lo = firstStartWithin(pb, c, send, T, lo + 1);
      seti(oLoCache, slot, lo);
      seti(oLoCache, slot + 1, epoch);
    }
    const reachable = geti(oReach, load<i32>(cp, 12)) + 1;
    const hi = reachable < c ? reachable : c;
    if (lo >= hi) continue;
    const at = geti(oTreeAt, key);
    const level = 32 - clz<i32>(hi - lo - 1);
    const shift = level > 0 ? level - 1 : 0;
    const first = (lo + size) >> shift;
    const last = (hi - 1 + size) >> shift;
    const tb = oBuf + (<usize>at << 3);
    let m = load<f64>(tb + (<usize>first << 3));
    const m1 = load<f64>(tb + (<usize>last << 3));
    if (m1 < m) m = m1;
    if (last - first == 2) {
      const m2 = load<f64>(tb + (<usize>(first + 1) << 3));
      if (m2 < m) m = m2;
    }
    const a = getf(oWeight, sk);
    const extra = a * pc + (a * send + linkMj);
    const floor = m + extra;
    if (floor == Infinity) continue;
    const j = count++;
    setf(oCBound, base + j, floor);
    seti(oCKey, base + j, key);
    seti(oCLo, base + j, lo);
    seti(oCHi, base + j, hi);
    setf(oCExtra, base + j, extra);
    setf(oCSend, base + j, send);
    setf(oCX, base + j, send == 0 ? xms : 0);
    let o = j;
    while (o > 0) {
      const prev = geti(oCOrder, base + o - 1);
      if (!(getf(oCBound, base + prev) > floor)) break;
      seti(oCOrder, base + o, prev);
      o--;
    }
    seti(oCOrder, base + o, j);
  }
  seti(oFrameCount, f, count);
  return pick(f);
}

function pick(f: i32): f64 {
  const base = f * slots;
  const count = geti(oFrameCount, f);
  let best = Infinity;
  let second = Infinity;
  let bestJ = -1;
  let bn = -1;
  for (let i = 0; i < count; i++) {
    const j = geti(oCOrder, base + i);
    const bound = getf(oCBound, base + j);
    if (bound >= best) {
      if (bound < second) second = bound;
      break;
    }
    const v =
      treeMin(geti(oTreeAt, geti(oCKey, base + j)), geti(oCLo, base + j), geti(oCHi, base + j)) +
      getf(oCExtra, base + j);
    const node = treeNode;
    setf(oCBound, base + j, v);
    if (v < best) {
      if (best < second) second = best;
      best = v;
      bestJ = j;
      bn = node;
    } else if (v < second) {
      second = v;
    }
  }
  return choose(f, bestJ, bn, best, second);
}

function repick(f: i32, j0: i32): f64 {
  const base = f * slots;
  const count = geti(oFrameCount, f);
  let best = getf(oCBound, base + j0);
  let bestJ = j0;
  let bn = bestNode;
  let second = Infinity;
  for (let i = 0; i < count; i++) {
    const j = geti(oCOrder, base + i);
    if (j == j0) continue;
    const bound = getf(oCBound, base + j);
    if (bound >= best) {
      if (bound < second) second = bound;
      continue;
    }
    const v =
      treeMin(geti(oTreeAt, geti(oCKey, base + j)), geti(oCLo, base + j), geti(oCHi, base + j)) +
      getf(oCExtra, base + j);
    setf(oCBound, base + j, v);
    if (v < best) {
      if (best < second) second = best;
      best = v;
      bestJ = j;
      bn = treeNode;
    } else if (v < second) {
      second = v;
    }
  }
  return choose(f, bestJ, bn, best, second);
}

function choose(f: i32, bestJ: i32, bn: i32, best: f64, second: f64): f64 {
  setf(oFrameSecond, f, second);
  seti(oFrameBest, f, bestJ);
  bestNode = bn;
  if (bestJ < 0) {
    seti(oFrameKey, f, -1);
    return best;
  }
  const j = f * slots + bestJ;
  seti(oFrameKey, f, geti(oCKey, j));
  seti(oFrameLo, f, geti(oCLo, j));
  seti(oFrameHi, f, geti(oCHi, j));
  setf(oFrameExtra, f, getf(oCExtra, j));
  setf(oFrameSend, f, getf(oCSend, j));
  setf(oFrameX, f, getf(oCX, j));
  return best;
}

function resolve(c: i32, state2: i32, best: f64, f: i32, T: f64): i32 {
  const id = state2 * n + c;
  setf(oTheta, id, NaN);
  if (best != Infinity) {
    const key = geti(oFrameKey, f);
    treeNode = bestNode;
    const from = treeArgmin(geti(oTreeAt, key));
    const k = (key % K) + 1;
    const state = (key - k + 1) / K;
    const pred = state * n + from;
    const theta = getf(oTheta, pred);
    if (!(theta <= T)) return pred;
    const sk = (state % P) * K + k - 1;
    const pb = prefixOf(sk);
    setf(
      oTheta,
      id,
      Math.max(Math.max(theta, getf(pb, c) - getf(pb, from) + getf(oFrameSend, f)), getf(oFrameX, f)),
    );
    seti(oVia, 2 * id, from);
    seti(oVia, 2 * id + 1, sk);
  }
  publish(c, state2, best);
  return -1;
}

function publish(c: i32, state: i32, g: f64): void {
  const r = state % P;
  const U = ((state - r) / P) % NU;
  const room = geti(oRoom, U * P + r);
  for (let k = 1; k <= room; k++) {
    const key = state * K + k - 1;
    const at = geti(oTreeAt, key);
    if (at < 0) continue;
    const sk = r * K + k - 1;
    treeSet(at, c, g - getf(oWeight, sk) * getf(prefixOf(sk), c));
    setf(oRootMin, key, load<f64>(oBuf + (<usize>(at + 1) << 3)));
  }
}

// ---- set-up: prefixEnergy (energyBounds.ts) and the tree build of the constructor ----

function nextState(state: i32, k: i32, r2: i32): i32 {
  const r = state % P;
  const rest = (state - r) / P;
  const U = rest % NU;
  const s = (rest - U) / NU;
  if (limited && s + 1 >= S) return -1;
  return ((limited ? s + 1 : 0) * NU + U + k * geti(oStride, r)) * P + r2;
}

function activate(key: i32, state: i32, k: i32): i32 {
  const slot = nActive++;
  if (slot >= cap) unreachable();
  seti(oSlotOf, key, slot);
  const r = state % P;
  const next = nextState(state, k, 0);
  let to = 0;
  if (next >= 0) {
    const U2 = ((next - (next % P)) / P) % NU;
    for (let r2 = 0; r2 < P; r2++) {
      if (geti(oRoom, U2 * P + r2) == 0) continue;
      if (r != r2 && getf(oLat, r * P + r2) == Infinity) continue;
      to |= 1 << r2;
    }
  }
  seti(oStSk, slot, r * K + k - 1);
  seti(oStNext, slot, next);
  seti(oStTo, slot, to);
  seti(oStLen, slot, 0);
  seti(oStPtr, slot, 0);
  return slot;
}

function stairPublish(c: i32, state: i32): void {
  const r = state % P;
  const g = getf(oReachE, c * nStates + state);
  const U = ((state - r) / P) % NU;
  const room = geti(oRoom, U * P + r);
  for (let k = 1; k <= room; k++) {
    const key = state * K + k - 1;
    let slot = geti(oSlotOf, key);
    if (slot < 0) slot = activate(key, state, k);
    const sk = r * K + k - 1;
    const v = g - getf(oWeight, sk) * getf(prefixOf(sk), c);
    const base = slot * n;
    let l = geti(oStLen, slot);
    while (l > 0 && getf(oStVal, base + l - 1) >= v) l--;
    seti(oStPos, base + l, c);
    setf(oStVal, base + l, v);
    seti(oStLen, slot, l + 1);
    if (geti(oStPtr, slot) > l) seti(oStPtr, slot, l);
  }
}

function prefixEnergy(): void {
  const total = n * nStates;
  for (let i = 0; i < total; i++) setf(oReachE, i, Infinity);
  const keys = nStates * K;
  for (let i = 0; i < keys; i++) seti(oSlotOf, i, -1);
  nActive = 0;
  for (let r = 0; r < P; r++) {
    setf(oReachE, r, 0);
    stairPublish(0, r);
  }
  for (let i = 0; i < P * P; i++) {
    setf(oSendAt, i, 0);
    setf(oLinkAt, i, 0);
  }
  for (let c = 1; c < n; c++) {
    const crossing = getf(oCrossing, c);
    for (let r = 0; r < P; r++) {
      for (let r2 = 0; r2 < P; r2++) {
        const pair = r * P + r2;
        if (r == r2 || getf(oLat, pair) == Infinity) continue;
        const xms = getf(oLat, pair) + getf(oMsPB, pair) * crossing;
        setf(oSendAt, pair, geti(oOverlaps, pair) == 1 ? 0 : xms);
        setf(oLinkAt, pair, getf(oMjPB, pair) * crossing);
      }
    }
    const row = c * nStates;
    const active = nActive;
    for (let ai = 0; ai < active; ai++) {
      const to = geti(oStTo, ai);
      if (to == 0) continue;
      const sk = geti(oStSk, ai);
      const r = sk / K;
      const lo = geti(oStarts, c * P * K + sk);
      if (lo >= c) continue;
      const base = ai * n;
      const l = geti(oStLen, ai);
      let p = geti(oStPtr, ai);
      while (p < l && geti(oStPos, base + p) < lo) p++;
      seti(oStPtr, ai, p);
      if (p >= l) continue;
      const m = getf(oStVal, base + p);
      const a = getf(oWeight, sk);
      const g = m + a * getf(prefixOf(sk), c);
      const first = row + geti(oStNext, ai);
      for (let r2 = 0; r2 < P; r2++) {
        if ((to & (1 << r2)) == 0) continue;
        const pair = r * P + r2;
        const v = g + (a * getf(oSendAt, pair) + getf(oLinkAt, pair));
        if (v < getf(oReachE, first + r2)) setf(oReachE, first + r2, v);
      }
    }
    for (let state = 0; state < nStates; state++) if (getf(oReachE, row + state) < Infinity) stairPublish(c, state);
  }
}

/** prefixEnergy, then every key's tree from it; rootMin and finalValue (JS pushes the finals). */
export function setup(): void {
  prefixEnergy();
  const keys = nStates * K;
  for (let key = 0; key < keys; key++) {
    const at = geti(oTreeAt, key);
    if (at < 0) continue;
    const k = (key % K) + 1;
    const state = (key - k + 1) / K;
    const sk = (state % P) * K + k - 1;
    const a = getf(oWeight, sk);
    const pb = prefixOf(sk);
    const tb = oBuf + (<usize>at << 3);
    const leaves = size;
    for (let c = 0; c < n; c++) {
      const g = getf(oReachE, c * nStates + state);
      setf(tb, leaves + c, g == Infinity ? Infinity : g - a * getf(pb, c));
    }
    for (let c = n; c < size; c++) setf(tb, leaves + c, Infinity);
    setf(tb, 0, Infinity);
    for (let node = size - 1; node >= 1; node--) {
      const x = getf(tb, 2 * node);
      const y = getf(tb, 2 * node + 1);
      setf(tb, node, x < y ? x : y);
    }
    const root = getf(tb, 1);
    setf(oRootMin, key, root);
    if (root == Infinity) continue;
    setf(oFinalValue, key, root + a * getf(pb, n));
  }
}
