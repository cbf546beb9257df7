import type { FigureSource, Link, Platform, Processor } from '../types';
import { cite } from './cite';

/*
 * HiKey 970 (HiSilicon Kirin 970): the board of Pipe-it (TCAD 2020, ARM Compute Library 18.05) and a
 * phone-class SoC with CPU + GPU + NPU for processor pipelining (HiPC 2020).
 *
 * Calibration anchors (what the figures below are tuned to reproduce through the cost model,
 * with the zoo networks, which emit BatchNorm and ReLU as separate layers):
 * - MobileNet v1 on the A73 cluster with ACL: 88.7 ms on 1 core, 47.2 ms on 2, 29.5 ms on 4
 *   (REFERENCE.md "Kirin 970 big-core scaling", measured). The model gives ~89 / 48 / 29 ms.
 * - big:LITTLE performance gap ~2.5x at ~4x power (REFERENCE.md "Kirin 970 power", measured).
 * - ResNet-50 (4.1 G MACs): the model gives ~0.17 s on the 4 A73 cores, ~73 ms on the Mali-G72 and
 *   ~29 ms on the NPU (targets 0.2-0.5 s, tens of ms and 10-40 ms: estimates from public ACL/HiAI
 *   numbers of that era; Huawei's launch claim of about 2,000 images/min for image recognition on
 *   the NPU is ~30 ms per image). The A73 figure sits at the fast end because one `conv` efficiency
 *   serves 1x1 and 3x3 kernels: the measured MobileNet v1 (1x1-dominated) pins it high, while ACL's
 *   im2col/Winograd 3x3 kernels run less efficiently in reality.
 *
 * Peak assumption for the CPUs: one 128-bit NEON FMA per cycle, i.e. 4 FP32 multiply-accumulate
 * lanes per cycle (REFERENCE: "NEON 4 FP32 ops/cycle/core"). The measured MobileNet v1 time then
 * implies ~80% of that peak on dense 1x1 convolutions; if the real FMA rate were higher the
 * efficiency would be lower and the effective GMAC/s, which is what the cost model uses, unchanged.
 */

// Shared figures of the SoC, cited once.
// LPDDR4X-3733 (1866 MHz), 4 x 16-bit channels = 29.9 GB/s peak (spec: Kirin 970 / HiKey 970 board).
const DRAM_PEAK_GBS = 29.9;
// A cut on this SoC is a buffer in shared DRAM: the producer writes it, the consumer reads it back.
// Horowitz (REFERENCE): 640 pJ per 32-bit DRAM access at 45 nm = 160 pJ/byte; a copy is ~2 accesses
// (320 pJ/B) at 45 nm, roughly halved for LPDDR4X on a 10 nm SoC -> 160 pJ/byte (estimate).
const DRAM_COPY_PJ_PER_BYTE = 160;

const big: Processor = {
  id: 'big',
  name: 'Cortex-A73 x4 (big)',
  kind: 'cpu-cluster',
  units: 4, // spec: REFERENCE "Kirin 970 big cluster", 4x Cortex-A73 @ 2.36 GHz
  peakGmacsPerUnit: 9.44, // derived: 2.36 GHz x 4 FP32 FMA lanes/cycle (REFERENCE; assumption above)
  efficiency: {
    conv: 0.8, // derived: fit to MobileNet v1 88.7/47.2/29.5 ms on 1/2/4 cores (REFERENCE, measured)
    depthwise: 0.3, // derived: same fit; depthwise 3x3 has little reuse (estimate within the fit)
    gemm: 0.3, // estimate: batch-1 fully connected is matrix-vector, bound by weight streaming
    elementwise: 0.2, // estimate: BN/ReLU/Add are memory bound; the bandwidth term dominates
    pooling: 0.2, // estimate: as elementwise
    memory: 1, // not used: memory-class ops (Concat, Flatten) have zero work; time is bytes/bandwidth
  },
  serialFraction: 0.03, // derived: MobileNet v1 1->2->4 core scaling fit (REFERENCE, measured)
  memBandwidthGBs: 15, // estimate: ~50% of the 29.9 GB/s LPDDR4X peak; consistent with the MobileNet v1 fit
  overheadUs: 20, // estimate: ACL per-function dispatch + thread-pool wake-up, 10-50 us range
  supports: ['conv', 'depthwise', 'gemm', 'elementwise', 'pooling', 'memory'],
  dtype: 'float32', // Pipe-it ran ACL 18.05 in FP32
  memoryMB: 1536, // estimate: share of the 6 GB LPDDR4X (6442 MB) after ~1.3 GB for the OS
  activePowerW: 4.0, // estimate: ~1 W per A73 core at 2.36 GHz under NEON load, 4 cores
  idlePowerW: 0.08, // estimate: cluster in WFI/retention, leakage only
};

const little: Processor = {
  id: 'little',
  name: 'Cortex-A53 x4 (LITTLE)',
  kind: 'cpu-cluster',
  units: 4, // spec: REFERENCE "Kirin 970 LITTLE cluster", 4x Cortex-A53 @ 1.8 GHz
  peakGmacsPerUnit: 7.2, // derived: 1.8 GHz x 4 FP32 FMA lanes/cycle (REFERENCE)
  efficiency: {
    conv: 0.4, // derived: MobileNet v1 on 4 A53 ~2.5x slower than on 4 A73 (REFERENCE, measured gap)
    depthwise: 0.2, // estimate: in-order core, depthwise relatively less hurt than dense conv
    gemm: 0.2, // estimate: batch-1 matrix-vector
    elementwise: 0.15, // estimate: memory bound
    pooling: 0.15, // estimate: as elementwise
    memory: 1, // not used: zero work
  },
  serialFraction: 0.03, // estimate: same ACL thread pool as the big cluster (derived value there)
  memBandwidthGBs: 6, // estimate: the A53 cluster sustains about half of the A73 cluster's bandwidth
  overheadUs: 30, // estimate: same dispatch path on slower cores, 10-50 us range
  supports: ['conv', 'depthwise', 'gemm', 'elementwise', 'pooling', 'memory'],
  dtype: 'float32', // ACL FP32 as on the big cluster
  memoryMB: 1536, // estimate: share of the 6 GB LPDDR4X
  activePowerW: 1.0, // derived: big 4.0 W / 4 (REFERENCE: big:LITTLE power ratio ~4x)
  idlePowerW: 0.03, // estimate: leakage of a small in-order cluster
};

const gpu: Processor = {
  id: 'gpu',
  name: 'Mali-G72 MP12',
  kind: 'gpu',
  units: 1, // one stage owns the GPU; its 12 shader cores are scheduled by the driver
  peakGmacsPerUnit: 244.8, // derived: 244.8 GFLOPS FP32 (REFERENCE, spec) = 122.4 GMAC/s, x2 at FP16
  efficiency: {
    conv: 0.3, // estimate: GPU frameworks of that era (ACL OpenCL, TFLite GPU) reach 20-40% on conv
    depthwise: 0.04, // estimate: depthwise is memory bound and maps poorly to wide GPU work groups
    gemm: 0.05, // estimate: batch-1 matrix-vector leaves most ALUs idle
    elementwise: 0.1, // estimate: memory bound
    pooling: 0.1, // estimate: memory bound
    memory: 1, // not used: zero work
  },
  serialFraction: 0, // units = 1
  memBandwidthGBs: 15, // estimate: ~half of the 29.9 GB/s LPDDR4X peak
  overheadUs: 50, // estimate: OpenCL kernel enqueue, low end of 50-200 us since zoo BN/ReLU are unfused nodes
  supports: ['conv', 'depthwise', 'gemm', 'elementwise', 'pooling', 'memory'],
  dtype: 'float16', // mobile GPU inference of that era ran FP16 (Bifrost FP16 at twice the FP32 rate)
  memoryMB: 1024, // estimate: share of the 6 GB LPDDR4X
  activePowerW: 4.5, // estimate: Mali-G72 MP12 at 850 MHz draws several watts under full load
  idlePowerW: 0.1, // estimate: GPU power domain idle
};

const npu: Processor = {
  id: 'npu',
  name: 'Kirin 970 NPU',
  kind: 'npu',
  units: 1, // one accelerator
  peakGmacsPerUnit: 960, // derived: 1.92 TFLOPS FP16 (REFERENCE, spec) / 2 FLOPs per MAC
  efficiency: {
    conv: 0.3, // estimate: tuned so ResNet-50 lands at ~25-30 ms (HiAI-era results); far from peak
    // Not in `supports` (see below); the value only matters if a user enables it in the editor.
    depthwise: 0.02, // estimate: one input channel per filter uses a sliver of a dense MAC array
    gemm: 0.02, // estimate: batch-1 matrix-vector on a MAC array, weight-bandwidth bound
    elementwise: 0.05, // estimate: vector side unit; memory bound in practice
    pooling: 0.05, // estimate: as elementwise
    memory: 1, // not used: zero work
  },
  serialFraction: 0, // units = 1
  memBandwidthGBs: 20, // estimate: ~2/3 of the 29.9 GB/s LPDDR4X peak; the NPU streams well
  overheadUs: 50, // estimate: per-op cost of an offline-compiled HiAI graph, low end of 50-300 us
  // Depthwise convolution is left out on purpose: this first-generation NPU is a dense matrix
  // engine (a Cambricon-derived IP) and first-generation mobile NPU toolchains commonly ran
  // depthwise layers poorly or fell back to the CPU (judgement, not a published operator list).
  // Concat/Flatten (`memory`) stay supported, so DenseNet, GoogLeNet, ResNet and VGG, the networks
  // of the processor-pipelining line, can place nearly all their layers on the NPU; MobileNets cannot.
  supports: ['conv', 'gemm', 'elementwise', 'pooling', 'memory'],
  dtype: 'float16', // spec: the Kirin 970 NPU computes in FP16 (REFERENCE)
  memoryMB: 1024, // estimate: share of the 6 GB LPDDR4X
  activePowerW: 1.0, // estimate: dedicated NN block of a phone SoC, ~1 W
  idlePowerW: 0.05, // estimate: power-gated when idle, leakage only
};

// Links: every cut is a buffer in shared DRAM. None has a DMA engine of its own: the copy, cache
// maintenance or format conversion is done by the driver/framework thread of the two sides, so
// transfers occupy sender and receiver (overlapsCompute false). Links are undirected.
const bigLittle: Link = {
  id: 'big-little',
  name: 'CCI between CPU clusters',
  from: 'big',
  to: 'little',
  bandwidthGBs: 5, // estimate: the consumer cluster pulls the producer's tensor through the CCI/DRAM
  latencyUs: 20, // estimate: thread hand-off and cache-line migration between clusters
  energyPjPerByte: DRAM_COPY_PJ_PER_BYTE, // estimate (see DRAM_COPY_PJ_PER_BYTE)
  overlapsCompute: false,
};

/** CPU <-> GPU: OpenCL map/unmap of a shared buffer plus a queue synchronisation. */
const cpuGpu = (cpu: 'big' | 'little'): Link => ({
  id: `${cpu}-gpu`,
  name: `${cpu === 'big' ? 'A73' : 'A53'} <-> Mali (shared DRAM)`,
  from: cpu,
  to: 'gpu',
  bandwidthGBs: 6, // estimate: copy through DRAM, ~20% of the 29.9 GB/s peak
  latencyUs: 150, // estimate: clEnqueueMap/Unmap + clFinish round trip, 100-200 us
  energyPjPerByte: DRAM_COPY_PJ_PER_BYTE, // estimate
  overlapsCompute: false,
});

/** Anything <-> NPU: HiAI copies the tensor into its own buffer and converts FP32 <-> FP16 on the CPU. */
const toNpu = (other: 'big' | 'little' | 'gpu'): Link => ({
  id: `${other}-npu`,
  name: `${other} <-> NPU (HiAI buffers in shared DRAM)`,
  from: other,
  to: 'npu',
  bandwidthGBs: 4, // estimate: CPU copy with FP32<->FP16 conversion, below a plain memcpy
  latencyUs: 300, // estimate: HiAI model invocation and buffer synchronisation, ~0.3 ms
  energyPjPerByte: DRAM_COPY_PJ_PER_BYTE, // estimate
  overlapsCompute: false,
});

const links: Link[] = [bigLittle, cpuGpu('big'), cpuGpu('little'), toNpu('big'), toNpu('little'), toNpu('gpu')];

const linkSources = (l: Link): FigureSource[] => {
  const npuSide = l.to === 'npu';
  const gpuSide = l.to === 'gpu';
  const what = npuSide
    ? 'HiAI buffer copy with FP32<->FP16 conversion on the CPU'
    : gpuSide
      ? 'OpenCL shared-buffer copy through DRAM'
      : 'consumer cluster reads the tensor through the CCI/DRAM';
  return [
    cite(`links.${l.id}.bandwidthGBs`, 'estimate', `${what}; a fraction of the 29.9 GB/s LPDDR4X peak`),
    cite(
      `links.${l.id}.latencyUs`,
      'estimate',
      npuSide
        ? 'HiAI invocation + buffer sync ~0.3 ms'
        : gpuSide
          ? 'OpenCL map/unmap + finish 100-200 us'
          : 'thread hand-off between clusters',
    ),
    cite(
      `links.${l.id}.energyPjPerByte`,
      'estimate',
      'Horowitz 45 nm DRAM 640 pJ/32-bit (REFERENCE) = 160 pJ/B per access; copy = 2 accesses, halved for LPDDR4X',
    ),
  ];
};

/** Sources of the figures that follow the same reasoning on every processor. */
const memoryShare = (id: string): FigureSource =>
  cite(`processors.${id}.memoryMB`, 'estimate', 'share of the 6 GB LPDDR4X (6442 MB), ~1.3 GB left to the OS');
const zeroWork = (id: string): FigureSource =>
  cite(`processors.${id}.efficiency.memory`, 'estimate', 'not used: memory-class ops have zero work');

/**
 * HiKey 970 (Kirin 970): 4x Cortex-A73 + 4x Cortex-A53 + Mali-G72 MP12 + NPU on shared LPDDR4X.
 * The platform of Pipe-it (CPU clusters, per-stage core counts) and of processor pipelining
 * across CPU, GPU and NPU.
 * @example platformById('hikey970').processors.map((p) => p.id) // ['big', 'little', 'gpu', 'npu']
 */
export const hikey970: Platform = {
  id: 'hikey970',
  name: 'HiKey 970 (Kirin 970)',
  description:
    'Kirin 970 SoC: 4x Cortex-A73 @ 2.36 GHz, 4x Cortex-A53 @ 1.8 GHz, Mali-G72 MP12 GPU and an FP16 NPU ' +
    `sharing ${DRAM_PEAK_GBS} GB/s of LPDDR4X. CPU figures are calibrated to measured MobileNet v1 times ` +
    'with ARM Compute Library; GPU, NPU, power and link figures are estimates.',
  line: 'Pipe-it (TCAD 2020) / processor pipelining (HiPC 2020)',
  processors: [big, little, gpu, npu],
  links,
  sources: [
    cite('processors.big.units', 'spec', 'REFERENCE: Kirin 970 big cluster, 4x Cortex-A73'),
    cite('processors.big.peakGmacsPerUnit', 'derived', 'REFERENCE: 2.36 GHz x 4 FP32 lanes (one NEON FMA/cycle)'),
    cite('processors.big.efficiency.conv', 'derived', 'fit to MobileNet v1 88.7/47.2/29.5 ms on 1/2/4 A73 (REFERENCE)'),
    cite('processors.big.efficiency.depthwise', 'derived', 'same MobileNet v1 fit (depthwise ~3% of its MACs)'),
    cite('processors.big.efficiency.gemm', 'estimate', 'batch-1 fully connected is matrix-vector'),
    cite('processors.big.efficiency.elementwise', 'estimate', 'memory bound; bandwidth term dominates'),
    cite('processors.big.efficiency.pooling', 'estimate', 'memory bound; as elementwise'),
    zeroWork('big'),
    cite('processors.big.serialFraction', 'derived', 'MobileNet v1 1->2->4 core scaling (REFERENCE, measured)'),
    cite(
      'processors.big.memBandwidthGBs',
      'estimate',
      '~50% of 29.9 GB/s LPDDR4X peak; consistent with the MobileNet v1 fit',
    ),
    cite('processors.big.overheadUs', 'estimate', 'ACL dispatch + thread wake-up, 10-50 us'),
    memoryShare('big'),
    cite('processors.big.activePowerW', 'estimate', '~1 W per A73 core at 2.36 GHz under NEON load'),
    cite('processors.big.idlePowerW', 'estimate', 'cluster in WFI/retention'),

    cite('processors.little.units', 'spec', 'REFERENCE: Kirin 970 LITTLE cluster, 4x Cortex-A53'),
    cite('processors.little.peakGmacsPerUnit', 'derived', 'REFERENCE: 1.8 GHz x 4 FP32 lanes'),
    cite('processors.little.efficiency.conv', 'derived', 'REFERENCE: big:LITTLE performance gap ~2.5x (measured)'),
    cite('processors.little.efficiency.depthwise', 'estimate', 'in-order core; memory bound'),
    cite('processors.little.efficiency.gemm', 'estimate', 'batch-1 matrix-vector'),
    cite('processors.little.efficiency.elementwise', 'estimate', 'memory bound'),
    cite('processors.little.efficiency.pooling', 'estimate', 'memory bound'),
    zeroWork('little'),
    cite('processors.little.serialFraction', 'estimate', 'same ACL thread pool as the big cluster'),
    cite('processors.little.memBandwidthGBs', 'estimate', 'about half of the A73 cluster'),
    cite('processors.little.overheadUs', 'estimate', 'ACL dispatch on slower cores'),
    memoryShare('little'),
    cite('processors.little.activePowerW', 'derived', 'big 4.0 W / 4 (REFERENCE: power ratio ~4x, measured)'),
    cite('processors.little.idlePowerW', 'estimate', 'leakage of a small in-order cluster'),

    cite('processors.gpu.units', 'spec', 'one GPU, scheduled as a whole'),
    cite('processors.gpu.peakGmacsPerUnit', 'derived', 'REFERENCE: 244.8 GFLOPS FP32 = 122.4 GMAC/s, x2 at FP16'),
    cite('processors.gpu.efficiency.conv', 'estimate', 'ACL OpenCL / TFLite GPU reach 20-30%; ResNet-50 ~70 ms'),
    cite('processors.gpu.efficiency.depthwise', 'estimate', 'memory bound, poor GPU mapping'),
    cite('processors.gpu.efficiency.gemm', 'estimate', 'batch-1 matrix-vector'),
    cite('processors.gpu.efficiency.elementwise', 'estimate', 'memory bound'),
    cite('processors.gpu.efficiency.pooling', 'estimate', 'memory bound'),
    zeroWork('gpu'),
    cite('processors.gpu.serialFraction', 'spec', 'units = 1'),
    cite('processors.gpu.memBandwidthGBs', 'estimate', '~half of 29.9 GB/s LPDDR4X peak'),
    cite('processors.gpu.overheadUs', 'estimate', 'OpenCL kernel enqueue, low end of 50-200 us'),
    memoryShare('gpu'),
    cite('processors.gpu.activePowerW', 'estimate', 'Mali-G72 MP12 @ 850 MHz under full load'),
    cite('processors.gpu.idlePowerW', 'estimate', 'GPU power domain idle'),

    cite('processors.npu.units', 'spec', 'one NPU'),
    cite('processors.npu.peakGmacsPerUnit', 'derived', 'REFERENCE: 1.92 TFLOPS FP16 / 2'),
    cite('processors.npu.efficiency.conv', 'estimate', 'ResNet-50 ~25-30 ms (HiAI era; ~2,000 images/min claim)'),
    cite('processors.npu.efficiency.depthwise', 'estimate', 'unsupported here; sliver of a dense MAC array'),
    cite('processors.npu.efficiency.gemm', 'estimate', 'batch-1 matrix-vector on a MAC array'),
    cite('processors.npu.efficiency.elementwise', 'estimate', 'vector side unit, memory bound'),
    cite('processors.npu.efficiency.pooling', 'estimate', 'vector side unit, memory bound'),
    zeroWork('npu'),
    cite('processors.npu.serialFraction', 'spec', 'units = 1'),
    cite('processors.npu.memBandwidthGBs', 'estimate', '~2/3 of 29.9 GB/s LPDDR4X peak'),
    cite('processors.npu.overheadUs', 'estimate', 'per-op cost in an offline HiAI graph, 50-300 us'),
    memoryShare('npu'),
    cite('processors.npu.activePowerW', 'estimate', 'dedicated NN block of a phone SoC'),
    cite('processors.npu.idlePowerW', 'estimate', 'power-gated when idle'),

    ...links.flatMap(linkSources),
  ],
};
