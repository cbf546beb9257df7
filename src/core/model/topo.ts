import { ExplorerError } from '../errors';
import type { LayerSpec } from './types';

/**
 * Deterministic topological order (Kahn's algorithm, smallest spec index
 * first). When the spec is already in a valid order (as zoo builders emit
 * it, in forward-pass order), that order is returned unchanged.
 * Throws CYCLE naming layers on the cycle.
 *
 * Complexity: O((n + e) log n).
 * @returns spec indices in topological order.
 */
export function topologicalOrder(layers: readonly LayerSpec[], producer: Int32Array): number[] {
  const n = layers.length;
  const indegree = new Int32Array(n);
  const successors: number[][] = Array.from({ length: n }, () => []);
  layers.forEach((l, i) => {
    // A layer reading one tensor twice (x * x) still depends once on its producer.
    const preds = new Set<number>();
    for (const t of l.inputs) {
      const p = producer[t]!;
      if (p >= 0) preds.add(p);
    }
    for (const p of preds) {
      successors[p]!.push(i);
      indegree[i]!++;
    }
  });
  const heap = new MinHeap();
  for (let i = 0; i < n; i++) if (indegree[i] === 0) heap.push(i);
  const order: number[] = [];
  while (heap.size > 0) {
    const i = heap.pop();
    order.push(i);
    for (const s of successors[i]!) if (--indegree[s]! === 0) heap.push(s);
  }
  if (order.length < n) {
    const stuck = layers.filter((_, i) => indegree[i]! > 0).map((l) => l.name);
    throw new ExplorerError('CYCLE', `layers ${stuck.slice(0, 5).join(', ')}${stuck.length > 5 ? ', ...' : ''}`);
  }
  return order;
}

/** Binary min-heap of non-negative integers. */
class MinHeap {
  private readonly items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(v: number): void {
    const a = this.items;
    a.push(v);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= v) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = v;
  }
  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && a[r]! < a[l]! ? r : l;
        if (a[c]! >= last) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
