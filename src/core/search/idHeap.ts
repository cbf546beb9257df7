/**
 * Binary max-heap of integer ids by a number, ties broken by a second number (larger first;
 * typed arrays, grows by doubling). Push -key for a min-heap. Why: the energy sweep must find, among ~10^5 states,
 * the few whose stored answer a new period limit or energy bound invalidates.
 */
export class IdHeap {
  private ids = new Int32Array(1024);
  private keys = new Float64Array(1024);
  private ties = new Float64Array(1024);
  private len = 0;

  get size(): number {
    return this.len;
  }

  /** The largest key (the heap must not be empty). O(1). */
  get topKey(): number {
    return this.keys[0]!;
  }

  /** Adds id with key (and tie-breaker). O(log size). */
  push(id: number, key: number, tie = 0): void {
    if (this.len === this.ids.length) {
      const ids = new Int32Array(this.len * 2);
      const keys = new Float64Array(this.len * 2);
      const ties = new Float64Array(this.len * 2);
      ids.set(this.ids);
      keys.set(this.keys);
      ties.set(this.ties);
      this.ids = ids;
      this.keys = keys;
      this.ties = ties;
    }
    let i = this.len++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = this.keys[parent]!;
      if (pk > key || (pk === key && this.ties[parent]! >= tie)) break;
      this.ids[i] = this.ids[parent]!;
      this.keys[i] = pk;
      this.ties[i] = this.ties[parent]!;
      i = parent;
    }
    this.ids[i] = id;
    this.keys[i] = key;
    this.ties[i] = tie;
  }

  /** Removes and returns the id with the largest key (the heap must not be empty). O(log size). */
  popTop(): number {
    const id = this.ids[0]!;
    this.removeTop();
    return id;
  }

  /** Removes every id whose key exceeds limit and appends it to out. O(m log size). */
  popAbove(limit: number, out: number[]): void {
    while (this.len > 0 && this.keys[0]! > limit) {
      out.push(this.ids[0]!);
      this.removeTop();
    }
  }

  private removeTop(): void {
    const last = --this.len;
    const id = this.ids[last]!;
    const key = this.keys[last]!;
    const tie = this.ties[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.above(child + 1, child)) child++;
      const ck = this.keys[child]!;
      if (ck < key || (ck === key && this.ties[child]! <= tie)) break;
      this.ids[i] = this.ids[child]!;
      this.keys[i] = ck;
      this.ties[i] = this.ties[child]!;
      i = child;
    }
    this.ids[i] = id;
    this.keys[i] = key;
    this.ties[i] = tie;
  }

  private above(a: number, b: number): boolean {
    const ka = this.keys[a]!;
    const kb = this.keys[b]!;
    return ka > kb || (ka === kb && this.ties[a]! > this.ties[b]!);
  }
}
