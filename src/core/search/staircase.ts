/**
 * Candidate stage starts for one (units used, processor, unit count), kept so
 * that "the best start for a stage ending here" is a binary search, not a scan.
 *
 * Each candidate is a cut position c (appended in increasing order) with a
 * value A(c): the best bottleneck of everything before c. A stage [c, c') then
 * costs prefix[c'] - prefix[c] + extra, and the plan's bottleneck is
 * max(A(c), that). Because prefix[c] never decreases with c, a newer
 * candidate with A <= an older one's is at least as good for every future
 * query, so older ones are dropped: A is strictly increasing along the list
 * and the stage cost is non-increasing, and the best c sits where they cross.
 * Why: it turns the O(n) scan over stage starts into O(log n).
 */
export class MinMaxStaircase {
  pos: Int32Array;
  val: Float64Array;
  /** Search-record id of the state each candidate came from. */
  rec: Int32Array;
  len = 0;

  constructor(capacity = 8) {
    this.pos = new Int32Array(capacity);
    this.val = new Float64Array(capacity);
    this.rec = new Int32Array(capacity);
  }

  /** Appends candidate (c, A); c must exceed every earlier c. Amortized O(1). */
  push(c: number, a: number, rec: number): void {
    while (this.len > 0 && this.val[this.len - 1]! >= a) this.len--;
    if (this.len === this.pos.length) this.grow();
    this.pos[this.len] = c;
    this.val[this.len] = a;
    this.rec[this.len] = rec;
    this.len++;
  }

  /** First index whose position is >= lo (len if none). O(log n). */
  firstAtOrAfter(lo: number): number {
    let a = 0;
    let b = this.len;
    while (a < b) {
      const m = (a + b) >> 1;
      if (this.pos[m]! < lo) a = m + 1;
      else b = m;
    }
    return a;
  }

  /**
   * min over candidates i >= from of max(A_i, z - prefix[pos_i]); the argmin
   * index is left in `this.argmin`. Infinity when from >= len. O(log n).
   */
  query(from: number, z: number, prefix: Float64Array): number {
    let a = from;
    let b = this.len;
    if (a >= b) return Infinity;
    // First i with A_i >= z - prefix[pos_i] (A increasing, right side non-increasing).
    while (a < b) {
      const m = (a + b) >> 1;
      if (this.val[m]! >= z - prefix[this.pos[m]!]!) b = m;
      else a = m + 1;
    }
    let best = Infinity;
    if (a < this.len) {
      best = this.val[a]!;
      this.argmin = a;
    }
    if (a > from) {
      const left = z - prefix[this.pos[a - 1]!]!;
      if (left < best) {
        best = left;
        this.argmin = a - 1;
      }
    }
    return best;
  }

  argmin = -1;

  private grow(): void {
    const cap = this.pos.length * 2;
    const pos = new Int32Array(cap);
    const val = new Float64Array(cap);
    const rec = new Int32Array(cap);
    pos.set(this.pos);
    val.set(this.val);
    rec.set(this.rec);
    this.pos = pos;
    this.val = val;
    this.rec = rec;
  }
}

/**
 * Candidates (c, v) appended in increasing c, answering "min v over c >= lo":
 * an older candidate with v >= a newer one's can never be the answer, so the
 * list keeps v strictly increasing with c and the answer is the first
 * candidate at or after lo. Used by the sum objectives (latency, energy).
 * Amortized O(1) push, O(log n) query.
 */
export class SuffixMin extends MinMaxStaircase {
  /** min v over candidates with position >= lo; argmin in `this.argmin`. */
  min(lo: number): number {
    const i = this.firstAtOrAfter(lo);
    if (i >= this.len) return Infinity;
    this.argmin = i;
    return this.val[i]!;
  }
}
