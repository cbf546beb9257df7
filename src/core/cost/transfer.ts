import type { Network } from '../model/types';
import type { Platform } from '../platform/types';
import { RangeMax } from './rangeMax';
import type { CostTables } from './tables';

/**
 * Cost tables as plain typed arrays, so a worker can build them and hand them
 * to the main thread by transfer (no copy). The network and platform stay on
 * the receiving side: they are passed back in by `tablesFromPayload`.
 */
export interface TablesPayload {
  readonly n: number;
  readonly timePrefix: Float64Array[][];
  readonly unsupportedPrefix: Int32Array[];
  readonly weightPrefix: Float64Array;
  readonly crossing: Float64Array;
  readonly liveRows: Float64Array[];
  readonly linkMatrix: Int32Array;
  readonly scale: Float64Array;
  readonly singleProcessorMs: Float64Array;
}

/** The payload of some tables and the buffers to transfer with it. O(number of arrays). */
export function tablesPayload(t: CostTables): { payload: TablesPayload; buffers: ArrayBuffer[] } {
  const payload: TablesPayload = {
    n: t.n,
    timePrefix: t.timePrefix.map((perUnits) => [...perUnits]),
    unsupportedPrefix: [...t.unsupportedPrefix],
    weightPrefix: t.weightPrefix,
    crossing: t.crossing,
    liveRows: [...t.liveBytes.rows()],
    linkMatrix: t.linkMatrix,
    scale: t.scale,
    singleProcessorMs: t.singleProcessorMs,
  };
  const arrays: ArrayBufferView[] = [
    ...payload.timePrefix.flat(),
    ...payload.unsupportedPrefix,
    payload.weightPrefix,
    payload.crossing,
    ...payload.liveRows,
    payload.linkMatrix,
    payload.scale,
    payload.singleProcessorMs,
  ];
  return { payload, buffers: [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))] };
}

/**
 * Cost tables from a payload and the network and platform they were built
 * for. Throws if the payload does not match them (a stale answer). O(P).
 */
export function tablesFromPayload(network: Network, platform: Platform, p: TablesPayload): CostTables {
  if (p.n !== network.layers.length || p.timePrefix.length !== platform.processors.length) {
    throw new Error('cost tables do not match this network and platform');
  }
  return {
    network,
    platform,
    n: p.n,
    processors: platform.processors,
    processorIndex: new Map(platform.processors.map((proc, i) => [proc.id, i])),
    timePrefix: p.timePrefix,
    unsupportedPrefix: p.unsupportedPrefix,
    weightPrefix: p.weightPrefix,
    crossing: p.crossing,
    liveBytes: RangeMax.fromLevels(p.liveRows),
    linkMatrix: p.linkMatrix,
    scale: p.scale,
    singleProcessorMs: p.singleProcessorMs,
  };
}
