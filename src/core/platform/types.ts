import type { OpClass } from '../model/types';
import type { DType } from '../units';

export const PROCESSOR_KINDS = ['cpu-cluster', 'gpu', 'npu', 'dsp', 'accelerator', 'device'] as const;
export type ProcessorKind = (typeof PROCESSOR_KINDS)[number];

/**
 * A processor: one CPU cluster, GPU, NPU, DSP, accelerator chip or whole
 * device. Units are the cores or chips a stage can take a share of.
 *
 * Layer time on k units (see cost/layerCost.ts):
 *   t = overheadUs + max(work / (peakGmacsPerUnit * efficiency[class] * speedup(k)), bytes / memBandwidth)
 *   speedup(k) = 1 / (serialFraction + (1 - serialFraction) / k)
 */
export interface Processor {
  /** Short stable id used in plans, URLs and the CLI (`big`, `gpu`, `npu`). */
  readonly id: string;
  readonly name: string;
  readonly kind: ProcessorKind;
  /** Cores or chips (>= 1). A stage may use 1..units of them. */
  readonly units: number;
  /** Spec peak of ONE unit, in giga multiply-accumulates per second at `dtype`. */
  readonly peakGmacsPerUnit: number;
  /** Fraction of peak a real framework reaches, per op class (0..1]. */
  readonly efficiency: Readonly<Record<OpClass, number>>;
  /** Amdahl serial fraction across units (0..1); 0 for units = 1. */
  readonly serialFraction: number;
  /**
   * Serial fraction per op class where it differs from `serialFraction` (Pipe-it's per-class
   * scaling: depthwise or memory-bound layers scale worse over cores than dense convolutions).
   */
  readonly serialFractionByClass?: Readonly<Partial<Record<OpClass, number>>>;
  /** Sustained memory bandwidth of the processor (shared by its units), GB/s. */
  readonly memBandwidthGBs: number;
  /** Fixed cost per layer (kernel launch, framework dispatch), microseconds. */
  readonly overheadUs: number;
  /** Op classes this processor can run; a stage with any other class is invalid. */
  readonly supports: readonly OpClass[];
  /** Data type it computes in; activation and weight bytes scale from the network's dtype. */
  readonly dtype: DType;
  /**
   * Memory for weights and activations, MB (1e6 bytes). A stage on k of the processor's units may
   * use k / units of it, so stages sharing a processor never oversubscribe it.
   */
  readonly memoryMB: number;
  /** Power with all units busy, watts. */
  readonly activePowerW: number;
  /** Power when idle, watts. */
  readonly idlePowerW: number;
}

/**
 * A link carrying the tensors of a cut from one processor to another.
 * Every cut's transfer is its own resource (a lane in the Gantt): point-to-
 * point links with full-duplex ports, the common case for DMA engines,
 * chip-to-chip links and switched Ethernet.
 */
export interface Link {
  readonly id: string;
  readonly name: string;
  /** Processor ids it connects, or '*' for every pair not otherwise linked. */
  readonly from: string;
  readonly to: string;
  /** Sustained bandwidth, GB/s (1e9 bytes per second). */
  readonly bandwidthGBs: number;
  /** Fixed latency per transfer, microseconds. */
  readonly latencyUs: number;
  /** Energy per byte moved, picojoules. */
  readonly energyPjPerByte: number;
  /**
   * True when a DMA engine moves data while both processors compute (the transfer is its own
   * resource); false when the sender's thread pushes it, occupying the sender for the transfer.
   */
  readonly overlapsCompute: boolean;
}

/** Where a figure comes from, and whether it is an estimate. */
export interface FigureSource {
  /** Dotted path of the figure: `processors.big.peakGmacsPerUnit`, `links.soc.bandwidthGBs`. */
  readonly path: string;
  readonly status: 'spec' | 'measured' | 'estimate' | 'derived';
  readonly source: string;
}

export interface Platform {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** The research line this preset reproduces. */
  readonly line: string;
  readonly processors: readonly Processor[];
  readonly links: readonly Link[];
  /** Provenance of each figure; the UI marks `estimate` ones. */
  readonly sources: readonly FigureSource[];
}
