import type { Network } from './types';

/**
 * Crossing bytes X(c) for every cut c = 0..n: the bytes of all tensors
 * produced before position c and consumed at or after c. X(0) is the network
 * input, X(n) the network output; cuts between stages are 1..n-1.
 * A tensor crosses every cut in (producer, lastUse], counted once per cut
 * however many later layers read it.
 *
 * Why a difference array: one sweep over tensors and one prefix pass give all
 * n + 1 values in O(n + tensors), instead of O(n * tensors) by checking each cut.
 * @example crossingBytes(net)[12] // bytes sent if a stage ends before layer 12
 */
export function crossingBytes(net: Network): Float64Array {
  const n = net.layers.length;
  const diff = new Float64Array(n + 2);
  for (let t = 0; t < net.tensors.length; t++) {
    const last = net.lastUse[t]!;
    if (last < 0) continue; // never read: crosses nothing
    const p = net.producer[t]!;
    const b = net.tensors[t]!.bytes;
    diff[p + 1]! += b;
    diff[last + 1]! -= b;
  }
  const x = new Float64Array(n + 1);
  let running = 0;
  for (let c = 0; c <= n; c++) {
    running += diff[c]!;
    x[c] = running;
  }
  return x;
}

/**
 * Tensor ids crossing cut c (for tooltips and the graph's cut lines). O(tensors).
 */
export function crossingTensors(net: Network, c: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < net.tensors.length; t++) {
    if (net.producer[t]! < c && c <= net.lastUse[t]!) out.push(t);
  }
  return out;
}
