import type { CostTables } from '../cost/tables';
import { linkFor } from '../cost/tables';

/**
 * Transfer coefficients for every ordered processor pair, so the search's
 * inner loop computes a cut's transfer as a + b * X(c) without allocating.
 * Mirrors `transferCost`: same processor = no transfer; no link = impossible.
 */
export interface PairLinks {
  /** Fixed ms per transfer, per pair p * P + q (Infinity when there is no link). */
  readonly latencyMs: Float64Array;
  /** Ms per crossing byte at the network's dtype (sender's dtype scaling included). */
  readonly msPerByte: Float64Array;
  /** mJ per crossing byte at the network's dtype. */
  readonly mjPerByte: Float64Array;
  /** 1 when the link has DMA (its own resource), 0 when the sender is occupied. */
  readonly overlaps: Uint8Array;
}

export function pairLinks(t: CostTables): PairLinks {
  const P = t.processors.length;
  const latencyMs = new Float64Array(P * P);
  const msPerByte = new Float64Array(P * P);
  const mjPerByte = new Float64Array(P * P);
  const overlaps = new Uint8Array(P * P);
  for (let p = 0; p < P; p++) {
    for (let q = 0; q < P; q++) {
      const i = p * P + q;
      if (p === q) {
        overlaps[i] = 1;
        continue;
      }
      const link = linkFor(t, p, q);
      if (!link) {
        latencyMs[i] = Infinity;
        continue;
      }
      latencyMs[i] = link.latencyUs / 1000;
      msPerByte[i] = (t.scale[p]! / (link.bandwidthGBs * 1e9)) * 1000;
      mjPerByte[i] = (t.scale[p]! * link.energyPjPerByte) / 1e9;
      overlaps[i] = link.overlapsCompute ? 1 : 0;
    }
  }
  return { latencyMs, msPerByte, mjPerByte, overlaps };
}

/** Transfer ms of cut c from p to q. O(1). */
export function pairMs(l: PairLinks, P: number, p: number, q: number, crossing: number): number {
  const i = p * P + q;
  return p === q ? 0 : l.latencyMs[i]! + l.msPerByte[i]! * crossing;
}
