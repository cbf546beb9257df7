import type { FigureSource, Link, Platform, Processor } from '../types';
import { cite } from './cite';

/*
 * A Snapdragon 855-class phone: the high-end heterogeneous SoC of the processor-pipelining line
 * (HiPC 2020: CPU, GPU and DSP/AI processor of a phone, pipelined subnets).
 *
 * Clocks and core counts are spec (REFERENCE.md "Snapdragon 855"). Everything else is an estimate:
 * there is no measured anchor for this SoC in REFERENCE, so CPU efficiencies are carried over from
 * the measured Kirin 970 calibration (see hikey970.ts) and scaled for the wider A76-class cores.
 * Model predictions (float32 networks from the zoo): MobileNet v1 ~46 ms on the prime core, ~23 ms
 * on the 3 gold cores; ResNet-50 ~33 ms on the Adreno 640 (FP16) and ~28 ms on the Hexagon 690 (int8).
 *
 * Peak assumption for the Kryo 485 Gold (Cortex-A76-derived) cores: two 128-bit NEON FMA pipes,
 * i.e. 8 FP32 multiply-accumulates per cycle. Silver (A55-class): 4 per cycle.
 */

// LPDDR4X-4266, 4 x 16-bit channels = 34.1 GB/s peak (spec: Snapdragon 855 memory interface).
const DRAM_PEAK_GBS = 34.1;
// Horowitz (REFERENCE): 640 pJ per 32-bit DRAM access at 45 nm = 160 pJ/B; a copy is ~2 accesses,
// roughly halved for LPDDR4X on a 7 nm SoC -> 160 pJ/B (estimate). CPU-to-CPU hand-offs hit the
// shared 2 MB L3 for small tensors -> about half (estimate).
const DRAM_COPY_PJ_PER_BYTE = 160;
const L3_HANDOFF_PJ_PER_BYTE = 80;

/** Efficiencies of the A76-class cores: the Kirin A73 fit, lowered because two FMA pipes are harder to fill. */
const A76_EFFICIENCY = {
  conv: 0.7, // derived: A73 fit 0.8 (hikey970.ts) x ~0.9 for keeping two NEON FMA pipes busy (estimate)
  depthwise: 0.2, // estimate: memory bound; A73 fit 0.3 scaled likewise
  gemm: 0.2, // estimate: batch-1 matrix-vector
  elementwise: 0.15, // estimate: memory bound
  pooling: 0.15, // estimate: memory bound
  memory: 1, // not used: memory-class ops have zero work
} as const;

const prime: Processor = {
  id: 'prime',
  name: 'Kryo 485 Gold prime (1x @ 2.84 GHz)',
  kind: 'cpu-cluster',
  units: 1, // spec: REFERENCE, 1x 2.84 GHz prime core
  peakGmacsPerUnit: 22.72, // derived: 2.84 GHz x 8 FP32 FMA lanes (2 x 128-bit NEON pipes)
  efficiency: A76_EFFICIENCY, // derived/estimate: see A76_EFFICIENCY
  serialFraction: 0, // units = 1
  memBandwidthGBs: 15, // estimate: one A76-class core sustains ~45% of the 34.1 GB/s peak
  overheadUs: 15, // estimate: framework op dispatch on a fast core, 10-50 us range
  supports: ['conv', 'depthwise', 'gemm', 'elementwise', 'pooling', 'memory'],
  dtype: 'float32', // CPU inference in FP32 (TFLite/XNNPACK default)
  memoryMB: 1024, // estimate: share of an 8 GB LPDDR4X phone (8590 MB), ~2.4 GB left to Android
  activePowerW: 2.0, // estimate: A76-class core at 2.84 GHz under NEON load
  idlePowerW: 0.03, // estimate: core in WFI/retention
};

const gold: Processor = {
  id: 'gold',
  name: 'Kryo 485 Gold (3x @ 2.42 GHz)',
  kind: 'cpu-cluster',
  units: 3, // spec: REFERENCE, 3x 2.42 GHz
  peakGmacsPerUnit: 19.36, // derived: 2.42 GHz x 8 FP32 FMA lanes
  efficiency: A76_EFFICIENCY, // derived/estimate: see A76_EFFICIENCY
  serialFraction: 0.03, // estimate: as the Kirin A73 fit (hikey970.ts, derived from measurements)
  memBandwidthGBs: 15, // estimate: ~45% of the 34.1 GB/s peak for the performance cores
  overheadUs: 15, // estimate: framework op dispatch, 10-50 us range
  supports: ['conv', 'depthwise', 'gemm', 'elementwise', 'pooling', 'memory'],
  dtype: 'float32', // CPU inference in FP32
  memoryMB: 1536, // estimate: share of the 8 GB LPDDR4X
  activePowerW: 3.6, // estimate: ~1.2 W per A76-class core at 2.42 GHz, 3 cores
  idlePowerW: 0.06, // estimate: 3 cores in WFI/retention
};

const silver: Processor = {
  id: 'silver',
  name: 'Kryo 485 Silver (4x A55-class @ 1.8 GHz)',
  kind: 'cpu-cluster',
  units: 4, // spec: REFERENCE, 4x 1.8 GHz A55-class
  peakGmacsPerUnit: 7.2, // derived: 1.8 GHz x 4 FP32 FMA lanes (one 128-bit FMA per cycle)
  efficiency: {
    conv: 0.4, // derived: as the Kirin A53 (in-order little core) calibration in hikey970.ts
    depthwise: 0.2, // estimate: as the A53
    gemm: 0.2, // estimate: batch-1 matrix-vector
    elementwise: 0.15, // estimate: memory bound
    pooling: 0.15, // estimate: memory bound
    memory: 1, // not used: zero work
  },
  serialFraction: 0.03, // estimate: as the Kirin A73 fit
  memBandwidthGBs: 8, // estimate: little cores sustain about half of the big cores' bandwidth
  overheadUs: 30, // estimate: op dispatch on slow in-order cores
  supports: ['conv', 'depthwise', 'gemm', 'elementwise', 'pooling', 'memory'],
  dtype: 'float32', // CPU inference in FP32
  memoryMB: 1024, // estimate: share of the 8 GB LPDDR4X
  activePowerW: 1.0, // estimate: ~0.25 W per A55-class core at 1.8 GHz, 4 cores
  idlePowerW: 0.03, // estimate: leakage of the little cores
};

const gpu: Processor = {
  id: 'gpu',
  name: 'Adreno 640',
  kind: 'gpu',
  units: 1, // one GPU, scheduled as a whole
  // Qualcomm publishes no ALU count; the commonly reported 768 FP32 lanes x 2 FLOPs x 585 MHz
  // = 898.6 GFLOPS FP32 = 449.3 GMAC/s, doubled at FP16.
  peakGmacsPerUnit: 898.6, // estimate: see above
  efficiency: {
    conv: 0.25, // estimate: mobile GPU delegates reach 15-30% of peak on conv; ResNet-50 ~33 ms
    depthwise: 0.03, // estimate: memory bound, poor GPU mapping
    gemm: 0.03, // estimate: batch-1 matrix-vector
    elementwise: 0.05, // estimate: memory bound
    pooling: 0.05, // estimate: memory bound
    memory: 1, // not used: zero work
  },
  serialFraction: 0, // units = 1
  memBandwidthGBs: 20, // estimate: ~60% of the 34.1 GB/s peak
  overheadUs: 50, // estimate: OpenCL/Vulkan kernel launch, low end of 50-200 us (zoo BN/ReLU unfused)
  supports: ['conv', 'depthwise', 'gemm', 'elementwise', 'pooling', 'memory'],
  dtype: 'float16', // mobile GPU delegates run FP16 by default
  memoryMB: 1536, // estimate: share of the 8 GB LPDDR4X
  activePowerW: 3.0, // estimate: Adreno 640 under sustained compute load
  idlePowerW: 0.1, // estimate: GPU power domain idle
};

const dsp: Processor = {
  id: 'dsp',
  name: 'Hexagon 690 (HVX)',
  kind: 'dsp',
  units: 1, // one DSP; the whole graph is offloaded to it
  // 4 HVX vector units x 1024-bit; an int8 vector multiply-reduce does 128 MACs/cycle per unit;
  // ~1.2 GHz -> 614 GMAC/s. The tensor accelerator (HTA) is not modelled.
  peakGmacsPerUnit: 614, // estimate: see above (part of the 7 TOPS "AI engine", REFERENCE)
  efficiency: {
    conv: 0.45, // estimate: quantized conv on HVX (SNPE/NNAPI) keeps the vector units fairly busy
    depthwise: 0.15, // estimate: a SIMD DSP handles depthwise better than a GPU, still memory bound
    gemm: 0.05, // estimate: batch-1 matrix-vector
    elementwise: 0.1, // estimate: memory bound
    pooling: 0.1, // estimate: memory bound
    memory: 1, // not used: zero work
  },
  serialFraction: 0, // units = 1
  memBandwidthGBs: 15, // estimate: ~45% of the 34.1 GB/s peak
  overheadUs: 50, // estimate: per-op cost inside an offloaded graph, low end of 50-300 us
  supports: ['conv', 'depthwise', 'gemm', 'elementwise', 'pooling', 'memory'],
  // int8: HVX on Hexagon 690 is fixed point only (no vector float), so SNPE/NNAPI run quantized
  // int8 models on it; float16 would not be realistic for this DSP.
  dtype: 'int8',
  memoryMB: 1024, // estimate: share of the 8 GB LPDDR4X
  activePowerW: 1.0, // estimate: DSP subsystem under full HVX load
  idlePowerW: 0.03, // estimate: power-collapsed when idle
};

// Links: every cut is a buffer in shared DRAM (or the CPUs' shared L3). No dedicated DMA engine:
// copies, cache maintenance and (for the DSP) quantization are done by the sender's or receiver's
// driver thread, so transfers occupy both sides (overlapsCompute false). Links are undirected.
interface LinkKind {
  readonly name: string;
  readonly bandwidthGBs: number;
  readonly latencyUs: number;
  readonly energyPjPerByte: number;
  readonly why: readonly [string, string, string];
}
const CPU_CPU: LinkKind = {
  name: 'DynamIQ shared L3 / DRAM',
  bandwidthGBs: 10, // estimate: all Kryo 485 cores share one DynamIQ cluster and its 2 MB L3
  latencyUs: 10, // estimate: thread hand-off inside one coherent cluster
  energyPjPerByte: L3_HANDOFF_PJ_PER_BYTE, // estimate
  why: ['cores share one coherent DynamIQ cluster and 2 MB L3', 'thread hand-off', 'L3 for small tensors, DRAM beyond'],
};
const CPU_GPU: LinkKind = {
  name: 'CPU <-> Adreno (shared DRAM)',
  bandwidthGBs: 8, // estimate: copy through DRAM, ~25% of the 34.1 GB/s peak
  latencyUs: 100, // estimate: map/unmap + queue finish, 50-200 us
  energyPjPerByte: DRAM_COPY_PJ_PER_BYTE, // estimate
  why: ['shared-buffer copy, ~25% of 34.1 GB/s', 'map/unmap + finish', 'DRAM copy, Horowitz-derived'],
};
const CPU_DSP: LinkKind = {
  name: 'CPU <-> Hexagon (FastRPC, ION buffers)',
  bandwidthGBs: 3, // estimate: CPU quantizes FP32 -> int8 (and back) while copying
  latencyUs: 250, // estimate: FastRPC call and cache maintenance, 0.1-0.3 ms
  energyPjPerByte: DRAM_COPY_PJ_PER_BYTE, // estimate
  why: ['copy with FP32<->int8 (de)quantization on the CPU', 'FastRPC round trip', 'DRAM copy, Horowitz-derived'],
};
const GPU_DSP: LinkKind = {
  name: 'Adreno <-> Hexagon (through the CPU)',
  bandwidthGBs: 3, // estimate: as CPU <-> DSP, the CPU converts in between
  latencyUs: 350, // estimate: GPU sync (100 us) + FastRPC (250 us)
  energyPjPerByte: DRAM_COPY_PJ_PER_BYTE, // estimate
  why: ['as CPU<->DSP, converted by the CPU', 'GPU sync + FastRPC', 'DRAM copy, Horowitz-derived'],
};

const pairs: readonly [string, string, LinkKind][] = [
  ['prime', 'gold', CPU_CPU],
  ['prime', 'silver', CPU_CPU],
  ['gold', 'silver', CPU_CPU],
  ['prime', 'gpu', CPU_GPU],
  ['gold', 'gpu', CPU_GPU],
  ['silver', 'gpu', CPU_GPU],
  ['prime', 'dsp', CPU_DSP],
  ['gold', 'dsp', CPU_DSP],
  ['silver', 'dsp', CPU_DSP],
  ['gpu', 'dsp', GPU_DSP],
];
const links: Link[] = pairs.map(([from, to, k]) => ({
  id: `${from}-${to}`,
  name: k.name,
  from,
  to,
  bandwidthGBs: k.bandwidthGBs,
  latencyUs: k.latencyUs,
  energyPjPerByte: k.energyPjPerByte,
  overlapsCompute: false,
}));
const linkSources: FigureSource[] = pairs.flatMap(([from, to, k]) => [
  cite(`links.${from}-${to}.bandwidthGBs`, 'estimate', k.why[0]),
  cite(`links.${from}-${to}.latencyUs`, 'estimate', k.why[1]),
  cite(`links.${from}-${to}.energyPjPerByte`, 'estimate', k.why[2]),
]);

/** Sources of the CPU figures that share one reasoning. */
const a76Sources = (id: string): FigureSource[] => [
  cite(`processors.${id}.efficiency.conv`, 'derived', 'Kirin A73 MobileNet v1 fit 0.8 x ~0.9 for two FMA pipes'),
  cite(`processors.${id}.efficiency.depthwise`, 'estimate', 'A73 fit 0.3 scaled likewise; memory bound'),
  cite(`processors.${id}.efficiency.gemm`, 'estimate', 'batch-1 matrix-vector'),
  cite(`processors.${id}.efficiency.elementwise`, 'estimate', 'memory bound'),
  cite(`processors.${id}.efficiency.pooling`, 'estimate', 'memory bound'),
  cite(`processors.${id}.efficiency.memory`, 'estimate', 'not used: memory-class ops have zero work'),
];
const memoryShare = (id: string): FigureSource =>
  cite(`processors.${id}.memoryMB`, 'estimate', 'share of an 8 GB LPDDR4X phone, ~2.4 GB left to Android');

/**
 * Snapdragon 855-class phone: Kryo 485 prime + 3 gold + 4 silver cores, Adreno 640 GPU (FP16) and
 * Hexagon 690 DSP (int8) on shared LPDDR4X. Clocks are spec; throughput and power are estimates.
 * @example platformById('snapdragon855').processors.length // 5
 */
export const snapdragon855: Platform = {
  id: 'snapdragon855',
  name: 'Snapdragon 855-class phone',
  description:
    'Kryo 485: 1x 2.84 GHz prime + 3x 2.42 GHz gold (A76-class) + 4x 1.8 GHz silver (A55-class), ' +
    `Adreno 640 GPU (FP16) and Hexagon 690 DSP (int8), ${DRAM_PEAK_GBS} GB/s LPDDR4X. ` +
    'Clocks and core counts are spec; throughput, power and link figures are estimates.',
  line: 'Processor pipelining (HiPC 2020)',
  processors: [prime, gold, silver, gpu, dsp],
  links,
  sources: [
    cite('processors.prime.units', 'spec', 'REFERENCE: Snapdragon 855, 1x 2.84 GHz prime core'),
    cite('processors.prime.peakGmacsPerUnit', 'derived', 'REFERENCE 2.84 GHz x 8 FP32 lanes (2 NEON FMA pipes, A76)'),
    ...a76Sources('prime'),
    cite('processors.prime.serialFraction', 'spec', 'units = 1'),
    cite('processors.prime.memBandwidthGBs', 'estimate', '~45% of 34.1 GB/s LPDDR4X peak'),
    cite('processors.prime.overheadUs', 'estimate', 'framework op dispatch, 10-50 us'),
    memoryShare('prime'),
    cite('processors.prime.activePowerW', 'estimate', 'A76-class core at 2.84 GHz under NEON load'),
    cite('processors.prime.idlePowerW', 'estimate', 'core in WFI/retention'),

    cite('processors.gold.units', 'spec', 'REFERENCE: Snapdragon 855, 3x 2.42 GHz'),
    cite('processors.gold.peakGmacsPerUnit', 'derived', 'REFERENCE 2.42 GHz x 8 FP32 lanes'),
    ...a76Sources('gold'),
    cite('processors.gold.serialFraction', 'estimate', 'as the Kirin A73 fit (derived from measurements)'),
    cite('processors.gold.memBandwidthGBs', 'estimate', '~45% of 34.1 GB/s LPDDR4X peak'),
    cite('processors.gold.overheadUs', 'estimate', 'framework op dispatch, 10-50 us'),
    memoryShare('gold'),
    cite('processors.gold.activePowerW', 'estimate', '~1.2 W per core at 2.42 GHz, 3 cores'),
    cite('processors.gold.idlePowerW', 'estimate', '3 cores in WFI/retention'),

    cite('processors.silver.units', 'spec', 'REFERENCE: Snapdragon 855, 4x 1.8 GHz A55-class'),
    cite('processors.silver.peakGmacsPerUnit', 'derived', 'REFERENCE 1.8 GHz x 4 FP32 lanes'),
    cite('processors.silver.efficiency.conv', 'derived', 'as the Kirin A53 calibration (big:LITTLE gap 2.5x)'),
    cite('processors.silver.efficiency.depthwise', 'estimate', 'as the A53'),
    cite('processors.silver.efficiency.gemm', 'estimate', 'batch-1 matrix-vector'),
    cite('processors.silver.efficiency.elementwise', 'estimate', 'memory bound'),
    cite('processors.silver.efficiency.pooling', 'estimate', 'memory bound'),
    cite('processors.silver.efficiency.memory', 'estimate', 'not used: memory-class ops have zero work'),
    cite('processors.silver.serialFraction', 'estimate', 'as the Kirin A73 fit'),
    cite('processors.silver.memBandwidthGBs', 'estimate', 'about half of the big cores'),
    cite('processors.silver.overheadUs', 'estimate', 'op dispatch on in-order cores'),
    memoryShare('silver'),
    cite('processors.silver.activePowerW', 'estimate', '~0.25 W per A55-class core, 4 cores'),
    cite('processors.silver.idlePowerW', 'estimate', 'leakage of the little cores'),

    cite('processors.gpu.units', 'spec', 'one GPU, scheduled as a whole'),
    cite(
      'processors.gpu.peakGmacsPerUnit',
      'estimate',
      'reported 768 lanes x 2 x 585 MHz = 898.6 GFLOPS FP32; x2 FP16 / 2',
    ),
    cite('processors.gpu.efficiency.conv', 'estimate', 'mobile GPU delegates reach 15-30% on conv'),
    cite('processors.gpu.efficiency.depthwise', 'estimate', 'memory bound, poor GPU mapping'),
    cite('processors.gpu.efficiency.gemm', 'estimate', 'batch-1 matrix-vector'),
    cite('processors.gpu.efficiency.elementwise', 'estimate', 'memory bound'),
    cite('processors.gpu.efficiency.pooling', 'estimate', 'memory bound'),
    cite('processors.gpu.efficiency.memory', 'estimate', 'not used: memory-class ops have zero work'),
    cite('processors.gpu.serialFraction', 'spec', 'units = 1'),
    cite('processors.gpu.memBandwidthGBs', 'estimate', '~60% of 34.1 GB/s LPDDR4X peak'),
    cite('processors.gpu.overheadUs', 'estimate', 'kernel launch, low end of 50-200 us'),
    memoryShare('gpu'),
    cite('processors.gpu.activePowerW', 'estimate', 'Adreno 640 under sustained compute'),
    cite('processors.gpu.idlePowerW', 'estimate', 'GPU power domain idle'),

    cite('processors.dsp.units', 'spec', 'one Hexagon 690 DSP'),
    cite('processors.dsp.peakGmacsPerUnit', 'estimate', '4 HVX x 128 int8 MACs/cycle x ~1.2 GHz; HTA not modelled'),
    cite('processors.dsp.efficiency.conv', 'estimate', 'quantized conv on HVX (SNPE/NNAPI)'),
    cite('processors.dsp.efficiency.depthwise', 'estimate', 'SIMD DSP, memory bound'),
    cite('processors.dsp.efficiency.gemm', 'estimate', 'batch-1 matrix-vector'),
    cite('processors.dsp.efficiency.elementwise', 'estimate', 'memory bound'),
    cite('processors.dsp.efficiency.pooling', 'estimate', 'memory bound'),
    cite('processors.dsp.efficiency.memory', 'estimate', 'not used: memory-class ops have zero work'),
    cite('processors.dsp.serialFraction', 'spec', 'units = 1'),
    cite('processors.dsp.memBandwidthGBs', 'estimate', '~45% of 34.1 GB/s LPDDR4X peak'),
    cite('processors.dsp.overheadUs', 'estimate', 'per-op cost in an offloaded graph, 50-300 us'),
    memoryShare('dsp'),
    cite('processors.dsp.activePowerW', 'estimate', 'DSP subsystem under full HVX load'),
    cite('processors.dsp.idlePowerW', 'estimate', 'power-collapsed when idle'),

    ...linkSources,
  ],
};
