import type { Processor, ProcessorKind } from '../platform/types';
import type { DType } from '../units';

/*
 * A processor's `peakGmacsPerUnit` is stated at its own `dtype`, and its bytes scale with the dtype
 * (cost/layerCost.ts `dtypeScale`). Changing the dtype therefore has to change the peak too: these
 * factors give MAC throughput at each dtype relative to float32 on the same hardware.
 * All are ESTIMATES of typical hardware of each kind, with the reason beside each.
 */

/** Throughput relative to float32, per processor kind and dtype (estimates). */
export const DTYPE_SPEED: Readonly<Record<ProcessorKind, Readonly<Record<DType, number>>>> = {
  // ARMv8.2 cores (A75/A76 and later) run FP16 NEON at twice the FP32 lanes; int8 dot-product (SDOT)
  // does 4 MACs per 32-bit lane: x4 lanes (estimate; ARMv8.0 cores such as the A53/A73 lack both
  // and get about x1 for FP16 and x2 for int8 through widening multiplies).
  'cpu-cluster': { float32: 1, float16: 2, int8: 4 },
  // Mobile GPUs (Mali Bifrost, Adreno) run FP16 at twice the FP32 rate; int8 dot products roughly x2
  // again on recent ones (estimate).
  gpu: { float32: 1, float16: 2, int8: 4 },
  // NPUs, DSPs and accelerators are built around int8 (or FP16) MAC arrays; FP32, when offered at
  // all, is emulated or runs on a side unit (estimate: x1/4 FP16, x1/8 int8).
  npu: { float32: 1, float16: 4, int8: 8 },
  dsp: { float32: 1, float16: 4, int8: 8 },
  accelerator: { float32: 1, float16: 4, int8: 8 },
  // A whole device runs its CPU cores (as a CPU cluster).
  device: { float32: 1, float16: 2, int8: 4 },
};

/** Typical top-1 accuracy change of a float32 model run at each dtype, percentage points (estimates). */
export const DTYPE_ACCURACY_LOSS_PCT: Readonly<Record<DType, number>> = {
  float32: 0,
  float16: 0, // estimate: FP16 inference matches FP32 to within noise for CNN classifiers
  int8: 1, // estimate: post-training int8 quantization commonly costs 0.1-2 points (more on MobileNets)
};

/**
 * The processor computing at another dtype: peak scaled by DTYPE_SPEED[kind][to] / [kind][from];
 * bytes follow from the dtype itself. O(1).
 * @example retypeProcessor(big, 'int8').peakGmacsPerUnit === big.peakGmacsPerUnit * 4
 */
export function retypeProcessor(proc: Processor, to: DType): Processor {
  const speed = DTYPE_SPEED[proc.kind];
  return { ...proc, dtype: to, peakGmacsPerUnit: (proc.peakGmacsPerUnit * speed[to]) / speed[proc.dtype] };
}
