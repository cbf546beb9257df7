import type { CostTables } from '../cost/tables';
import type { PairLinks } from './links';

/**
 * For each processor r, the processors a stage on r can hand its output to
 * (itself included: consecutive stages on one processor's units need no
 * transfer), as a flat adjacency list with each hop's transfer coefficients.
 * Pairs without a link are left out, so the search never tries them.
 */
export interface NextHops {
  /** Hops of r are indices start[r] .. start[r + 1] - 1. */
  readonly start: Int32Array;
  readonly to: Int32Array;
  /** Fixed ms per transfer (0 on the same processor). */
  readonly latencyMs: Float64Array;
  /** Ms per crossing byte (0 on the same processor). */
  readonly msPerByte: Float64Array;
  /** 1 when the transfer runs beside compute (DMA, or no transfer at all). */
  readonly dma: Uint8Array;
}

/** Builds the hop lists from the pair matrix. O(P^2). */
export function nextHops(t: CostTables, links: PairLinks): NextHops {
  const P = t.processors.length;
  const start = new Int32Array(P + 1);
  const to: number[] = [];
  const latencyMs: number[] = [];
  const msPerByte: number[] = [];
  const dma: number[] = [];
  for (let r = 0; r < P; r++) {
    start[r] = to.length;
    for (let r2 = 0; r2 < P; r2++) {
      const i = r * P + r2;
      if (r !== r2 && links.latencyMs[i] === Infinity) continue;
      to.push(r2);
      latencyMs.push(r === r2 ? 0 : links.latencyMs[i]!);
      msPerByte.push(r === r2 ? 0 : links.msPerByte[i]!);
      dma.push(r === r2 || links.overlaps[i] === 1 ? 1 : 0);
    }
  }
  start[P] = to.length;
  return {
    start,
    to: Int32Array.from(to),
    latencyMs: Float64Array.from(latencyMs),
    msPerByte: Float64Array.from(msPerByte),
    dma: Uint8Array.from(dma),
  };
}
