import type { MinMaxStaircase } from './staircase';

/**
 * The states a search is still extending, with each state's decoded fields in
 * flat columns, and removal in O(1) (the last entry takes the removed one's place).
 * Why: the search visits every live state at every stage end; reading
 * (processor, units used, stage count, unit-count range) from columns costs no
 * divisions, and dropping states whose candidates can no longer start a stage
 * keeps that loop to the states that matter.
 */
export class LiveStates {
  readonly stair: MinMaxStaircase[] = [];
  state = new Int32Array(64);
  /** Processor the state's next stage runs on. */
  r = new Int32Array(64);
  /** Packed units-used vector (`UnitSpace`). */
  U = new Int32Array(64);
  /** Stages placed so far (0 when the search has no stage limit). */
  s = new Int32Array(64);
  /** Smallest and largest unit count the next stage may take. */
  kLo = new Int32Array(64);
  kHi = new Int32Array(64);
  length = 0;
  /** Per state: its index here, or -1. */
  private readonly slot: Int32Array;

  constructor(nStates: number) {
    this.slot = new Int32Array(nStates).fill(-1);
  }

  has(state: number): boolean {
    return this.slot[state]! >= 0;
  }

  /** Adds a state that is not live. Amortized O(1). */
  add(state: number, stair: MinMaxStaircase, r: number, U: number, s: number, kLo: number, kHi: number): void {
    if (this.length === this.r.length) this.grow();
    const i = this.length++;
    this.slot[state] = i;
    this.stair[i] = stair;
    this.state[i] = state;
    this.r[i] = r;
    this.U[i] = U;
    this.s[i] = s;
    this.kLo[i] = kLo;
    this.kHi[i] = kHi;
  }

  /** Removes the entry at index i; the last entry moves to i. O(1). */
  removeAt(i: number): void {
    const j = --this.length;
    this.slot[this.state[i]!] = -1;
    if (i !== j) {
      this.stair[i] = this.stair[j]!;
      this.state[i] = this.state[j]!;
      this.r[i] = this.r[j]!;
      this.U[i] = this.U[j]!;
      this.s[i] = this.s[j]!;
      this.kLo[i] = this.kLo[j]!;
      this.kHi[i] = this.kHi[j]!;
      this.slot[this.state[i]!] = i;
    }
    this.stair.length = j;
  }

  private grow(): void {
    const cap = this.r.length * 2;
    for (const key of ['state', 'r', 'U', 's', 'kLo', 'kHi'] as const) {
      const next = new Int32Array(cap);
      next.set(this[key]);
      this[key] = next;
    }
  }
}
