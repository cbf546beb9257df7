import { crossingBytes } from '../model/crossing';
import type { Network } from '../model/types';
import { linkBetween } from '../platform/links';
import type { Link, Platform, Processor } from '../platform/types';
import { dtypeScale, layerTimeMs } from './layerCost';
import { RangeMax } from './rangeMax';

/**
 * Everything plan evaluation needs, precomputed once per (network, platform):
 * per-layer times for every processor and unit count as prefix sums, support
 * and weight prefix sums, crossing bytes and a processor-pair link matrix.
 *
 * Why prefix sums: a stage's compute time is then one subtraction, so a plan
 * evaluates in O(stages) and the search can try millions of stages.
 */
export interface CostTables {
  readonly network: Network;
  readonly platform: Platform;
  /** Layer count. */
  readonly n: number;
  readonly processors: readonly Processor[];
  readonly processorIndex: ReadonlyMap<string, number>;
  /** timePrefix[p][k - 1][i] = ms of layers [0, i) on k units of processor p. */
  readonly timePrefix: readonly (readonly Float64Array[])[];
  /** unsupportedPrefix[p][i] = layers in [0, i) processor p cannot run. */
  readonly unsupportedPrefix: readonly Int32Array[];
  /** Weight bytes of layers [0, i), at the network's dtype. */
  readonly weightPrefix: Float64Array;
  /** Crossing bytes X(c), c = 0..n, at the network's dtype. */
  readonly crossing: Float64Array;
  /** Live activation bytes while layer i runs: X(i) plus its outputs. */
  readonly liveBytes: RangeMax;
  /** links[p * P + q]: link index in platform.links for a transfer p -> q, or -1. */
  readonly linkMatrix: Int32Array;
  /** Bytes at processor p's dtype per byte at the network's dtype. */
  readonly scale: Float64Array;
  /** Ms of the whole network on all units of each processor (Infinity when it cannot run or hold it). */
  readonly singleProcessorMs: Float64Array;
}

/** Optional inputs of `buildCostTables`. */
export interface CostTableOptions {
  /**
   * Measured ms per layer position by processor id (NaN = not measured), for
   * the processor's full unit count, as a profile is taken. A measured layer
   * on k units takes measured * t_model(k) / t_model(all units): the model's
   * own unit scaling applied to the measurement.
   */
  readonly measured?: ReadonlyMap<string, Float64Array>;
}

/**
 * Builds the cost tables. O(n * sum of units + tensors + P^2 * links).
 * @example const t = buildCostTables(zooNetwork('resnet50'), platformById('hikey970'));
 */
export function buildCostTables(network: Network, platform: Platform, options: CostTableOptions = {}): CostTables {
  const n = network.layers.length;
  const processors = platform.processors;
  const P = processors.length;
  const timePrefix = processors.map((proc) => {
    const measured = options.measured?.get(proc.id);
    const layerMs = (i: number, k: number): number => {
      const model = layerTimeMs(network.layers[i]!, proc, k, network.dtype);
      const m = measured?.[i];
      if (m === undefined || Number.isNaN(m)) return model;
      return k === proc.units ? m : (m * model) / layerTimeMs(network.layers[i]!, proc, proc.units, network.dtype);
    };
    const perUnits: Float64Array[] = [];
    for (let k = 1; k <= proc.units; k++) {
      const prefix = new Float64Array(n + 1);
      for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + layerMs(i, k);
      perUnits.push(prefix);
    }
    return perUnits;
  });
  const unsupportedPrefix = processors.map((proc) => {
    const supported = new Set(proc.supports);
    const prefix = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + (supported.has(network.layers[i]!.opClass) ? 0 : 1);
    return prefix;
  });
  const weightPrefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) weightPrefix[i + 1] = weightPrefix[i]! + network.layers[i]!.weightBytes;
  const crossing = crossingBytes(network);
  const live = new Float64Array(n);
  for (let i = 0; i < n; i++) live[i] = crossing[i]! + network.layers[i]!.bytesWritten;

  const linkMatrix = new Int32Array(P * P).fill(-1);
  for (let p = 0; p < P; p++) {
    for (let q = 0; q < P; q++) {
      if (p === q) continue;
      const link = linkBetween(platform, processors[p]!.id, processors[q]!.id);
      if (link) linkMatrix[p * P + q] = platform.links.indexOf(link);
    }
  }
  const tables = {
    network,
    platform,
    n,
    processors,
    processorIndex: new Map(processors.map((p, i) => [p.id, i])),
    timePrefix,
    unsupportedPrefix,
    weightPrefix,
    crossing,
    liveBytes: new RangeMax(live),
    linkMatrix,
    scale: Float64Array.from(processors, (proc) => dtypeScale(proc, network.dtype)),
    singleProcessorMs: new Float64Array(P),
  };
  processors.forEach((proc, p) => {
    const fits = stageMemoryBytes(tables, p, 0, n) <= stageMemoryBudgetBytes(proc, proc.units);
    tables.singleProcessorMs[p] =
      unsupportedPrefix[p]![n]! > 0 || !fits ? Infinity : timePrefix[p]![proc.units - 1]![n]!;
  });
  return tables;
}

/** Ms of layers [from, to) on k units of processor p. O(1). */
export function stageComputeMs(t: CostTables, p: number, k: number, from: number, to: number): number {
  const prefix = t.timePrefix[p]![k - 1]!;
  return prefix[to]! - prefix[from]!;
}

/** Link used for a transfer from processor p to q, or undefined (also for p === q). O(1). */
export function linkFor(t: CostTables, p: number, q: number): Link | undefined {
  const i = t.linkMatrix[p * t.processors.length + q]!;
  return i < 0 ? undefined : t.platform.links[i];
}

/**
 * Transfer of cut c from processor p to q: bytes at the sender's dtype, ms and
 * mJ on the link. Same processor: nothing moves (shared memory). O(1).
 */
export function transferCost(
  t: CostTables,
  c: number,
  p: number,
  q: number,
): { bytes: number; ms: number; mj: number; link: Link | undefined } {
  if (p === q) return { bytes: 0, ms: 0, mj: 0, link: undefined };
  const link = linkFor(t, p, q);
  const bytes = t.crossing[c]! * t.scale[p]!;
  if (!link) return { bytes, ms: Infinity, mj: 0, link };
  return {
    bytes,
    ms: link.latencyUs / 1000 + (bytes / (link.bandwidthGBs * 1e9)) * 1000,
    mj: (link.energyPjPerByte * bytes) / 1e9,
    link,
  };
}

/**
 * Stage memory in bytes at the processor's dtype: the stage's weights plus the
 * largest live activation set while any of its layers runs. O(1).
 */
export function stageMemoryBytes(
  t: Pick<CostTables, 'weightPrefix' | 'liveBytes' | 'scale'>,
  p: number,
  from: number,
  to: number,
): number {
  if (to <= from) return 0;
  return (t.weightPrefix[to]! - t.weightPrefix[from]! + t.liveBytes.query(from, to)) * t.scale[p]!;
}

/** Bytes a stage on k units of a processor may use: its share of the processor's memory. O(1). */
export function stageMemoryBudgetBytes(proc: Processor, k: number): number {
  return (proc.memoryMB * 1e6 * k) / proc.units;
}
