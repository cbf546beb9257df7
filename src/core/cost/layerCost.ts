import type { Layer, OpClass } from '../model/types';
import type { Processor } from '../platform/types';
import { dtypeBytes, type DType } from '../units';

/**
 * Speed-up of k units over one (Amdahl): 1 / (s + (1 - s) / k), with s the op class's serial
 * fraction when the processor states one, else its `serialFraction`.
 * O(1). @example unitSpeedup({ serialFraction: 0.1 }, 4) ≈ 3.08
 */
export function unitSpeedup(
  proc: Pick<Processor, 'serialFraction' | 'serialFractionByClass'>,
  k: number,
  opClass?: OpClass,
): number {
  const s = (opClass !== undefined ? proc.serialFractionByClass?.[opClass] : undefined) ?? proc.serialFraction;
  return 1 / (s + (1 - s) / k);
}

/**
 * Factor from the network's element size to the processor's: an int8 NPU
 * moves a quarter of the bytes of a float32 network. O(1).
 */
export function dtypeScale(proc: Pick<Processor, 'dtype'>, networkDtype: DType): number {
  return dtypeBytes(proc.dtype) / dtypeBytes(networkDtype);
}

/**
 * Roofline time of one layer on k units of a processor, milliseconds:
 *   overhead + max(work / (peak * efficiency[class] * speedup(k)), bytes / bandwidth)
 * where work = MACs + other ops and bytes = activations read and written plus
 * weights, at the processor's dtype. Memory bandwidth is shared by the units,
 * so only the compute term scales with k. Layers of a class the processor does
 * not support still get a time (for display); plan validation rejects them.
 * O(1).
 */
export function layerTimeMs(layer: Layer, proc: Processor, k: number, networkDtype: DType): number {
  const work = layer.macs + layer.ops;
  const throughput = proc.peakGmacsPerUnit * 1e9 * proc.efficiency[layer.opClass] * unitSpeedup(proc, k, layer.opClass);
  const computeS = work > 0 ? work / throughput : 0;
  const bytesMoved = (layer.bytesRead + layer.bytesWritten) * dtypeScale(proc, networkDtype);
  const memoryS = bytesMoved / (proc.memBandwidthGBs * 1e9);
  return proc.overheadUs / 1000 + Math.max(computeS, memoryS) * 1000;
}

/**
 * Power drawn while a stage of k units computes, watts: the processor's
 * active power shared evenly by its units. O(1).
 */
export function stageActivePowerW(proc: Processor, k: number): number {
  return (proc.activePowerW * k) / proc.units;
}
