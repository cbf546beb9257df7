import type { CostTables } from '../cost/tables';
import type { Plan, Stage } from '../plan/types';

/**
 * The search's memory of how it reached each state: one record per stage
 * placed (its range, processor, units and the record of the state before it).
 * Growable columns, so millions of records cost no objects.
 */
export class Records {
  prev = new Int32Array(1024);
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  proc = new Int16Array(1024);
  units = new Int16Array(1024);
  length = 0;

  /** Adds a record; returns its id. The root record (no stage) has proc -1. */
  add(prev: number, from: number, to: number, proc: number, units: number): number {
    if (this.length === this.prev.length) this.grow();
    const i = this.length++;
    this.prev[i] = prev;
    this.from[i] = from;
    this.to[i] = to;
    this.proc[i] = proc;
    this.units[i] = units;
    return i;
  }

  /** The plan whose last stage is record `last`, by following `prev` links. O(stages). */
  plan(t: CostTables, last: number): Plan {
    const stages: Stage[] = [];
    for (let i = last; i >= 0 && this.proc[i]! >= 0; i = this.prev[i]!) {
      stages.push({
        from: this.from[i]!,
        to: this.to[i]!,
        processor: t.processors[this.proc[i]!]!.id,
        units: this.units[i]!,
      });
    }
    return { stages: stages.reverse() };
  }

  private grow(): void {
    const cap = this.prev.length * 2;
    for (const key of ['prev', 'from', 'to'] as const) {
      const next = new Int32Array(cap);
      next.set(this[key]);
      this[key] = next;
    }
    for (const key of ['proc', 'units'] as const) {
      const next = new Int16Array(cap);
      next.set(this[key]);
      this[key] = next;
    }
  }
}
