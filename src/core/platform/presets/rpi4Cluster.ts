import type { FigureSource, Link, Platform, Processor } from '../types';
import { cite } from './cite';

/*
 * Four Raspberry Pi 4 Model B boards on a Gigabit Ethernet switch: the edge-device setting of LCP
 * (Hadidi et al. 2020), where devices exchange tensors over a slow network and narrow, almost
 * independent branches avoid most of that traffic.
 *
 * Calibration targets (estimates from public TFLite / PyTorch numbers on a Pi 4 with 4 threads):
 * ResNet-50 ~0.5-1.5 s, MobileNet v2 ~50-150 ms. The model gives ~0.8 s and ~90 ms.
 *
 * Peak assumption: one 128-bit NEON FMA per cycle, 4 FP32 lanes (as for the other ARM cores here).
 * Cross-check with REFERENCE: HPL at 7.2 W x 1.64 GFLOPS/W = 11.8 GFLOPS = 5.9 GMAC/s over 4 cores,
 * i.e. ~25% of the 24 GMAC/s this assumption gives; DNN frameworks on the Pi land in the same range.
 */

const PI = {
  units: 4, // spec: REFERENCE "Raspberry Pi 4 B", 4x Cortex-A72 @ 1.5 GHz
  peakGmacsPerUnit: 6, // derived: 1.5 GHz x 4 FP32 FMA lanes (assumption above)
  efficiency: {
    conv: 0.3, // estimate: tuned to ResNet-50 ~0.8 s on 4 cores; cf. HPL at ~25% of peak (REFERENCE)
    depthwise: 0.15, // estimate: memory bound
    gemm: 0.2, // estimate: batch-1 matrix-vector
    elementwise: 0.15, // estimate: memory bound
    pooling: 0.15, // estimate: memory bound
    memory: 1, // not used: memory-class ops have zero work
  },
  // Pi 4 multi-thread scaling is held back by the shared 1 MB L2, the 32-bit DRAM bus and thermal
  // throttling: ~3x on 4 threads, i.e. 10% serial (estimate).
  serialFraction: 0.1,
  // LPDDR4-3200 on a 32-bit bus = 12.8 GB/s peak (REFERENCE, spec); a Pi 4 sustains about a third.
  memBandwidthGBs: 4, // estimate: see above
  overheadUs: 30, // estimate: TFLite/PyTorch op dispatch on A72 cores, 10-50 us
  memoryMB: 3500, // estimate: the 4 GB model less ~0.8 GB for a headless OS and the framework
  // REFERENCE (measured): 1.6 W idle, 5.0 W under stress, 7.2 W running HPL. NEON-heavy inference
  // sits between stress and HPL -> 6.0 W for the board with all 4 cores busy (estimate).
  activePowerW: 6.0,
  idlePowerW: 1.6, // measured: REFERENCE "Raspberry Pi 4 B power"
} as const;

const pi = (i: number): Processor => ({
  id: `pi${i}`,
  name: `Raspberry Pi 4 B #${i}`,
  kind: 'device',
  units: PI.units, // spec: see PI
  peakGmacsPerUnit: PI.peakGmacsPerUnit, // derived: see PI
  efficiency: PI.efficiency, // estimate: see PI
  serialFraction: PI.serialFraction, // estimate: see PI
  memBandwidthGBs: PI.memBandwidthGBs, // estimate: see PI
  overheadUs: PI.overheadUs, // estimate: see PI
  supports: ['conv', 'depthwise', 'gemm', 'elementwise', 'pooling', 'memory'],
  dtype: 'float32', // CPU frameworks on the Pi run FP32
  memoryMB: PI.memoryMB, // estimate: see PI
  activePowerW: PI.activePowerW, // estimate from measurements: see PI
  idlePowerW: PI.idlePowerW, // measured: see PI
});

const pis = [0, 1, 2, 3].map(pi);

// One switched Gigabit Ethernet network: every pair of Pis talks through the switch at full rate.
const ethernet: Link = {
  id: 'gige',
  name: 'Gigabit Ethernet (switched, TCP)',
  from: '*',
  to: '*',
  bandwidthGBs: 0.112, // spec/estimate: REFERENCE, 125 MB/s line rate, ~110-118 MB/s TCP goodput
  latencyUs: 200, // estimate: switched GbE TCP one-way latency incl. the kernel stack, 0.1-0.3 ms
  // Both NICs/PHYs, the switch port and the kernel network stack add ~0.6 W at full rate:
  // 0.6 W / 112 MB/s = 5.4 nJ/B -> 5000 pJ/B (estimate).
  energyPjPerByte: 5000,
  overlapsCompute: true, // the NIC DMA and a separate sender thread overlap with compute
};

const piSources = (p: Processor): FigureSource[] => [
  cite(`processors.${p.id}.units`, 'spec', 'REFERENCE: Raspberry Pi 4 B, 4x Cortex-A72 @ 1.5 GHz'),
  cite(`processors.${p.id}.peakGmacsPerUnit`, 'derived', 'REFERENCE: 1.5 GHz x 4 FP32 FMA lanes'),
  cite(
    `processors.${p.id}.efficiency.conv`,
    'estimate',
    'ResNet-50 ~0.8 s on 4 cores (public TFLite/PyTorch range 0.5-1.5 s)',
  ),
  cite(`processors.${p.id}.efficiency.depthwise`, 'estimate', 'memory bound'),
  cite(`processors.${p.id}.efficiency.gemm`, 'estimate', 'batch-1 matrix-vector'),
  cite(`processors.${p.id}.efficiency.elementwise`, 'estimate', 'memory bound'),
  cite(`processors.${p.id}.efficiency.pooling`, 'estimate', 'memory bound'),
  cite(`processors.${p.id}.efficiency.memory`, 'estimate', 'not used: memory-class ops have zero work'),
  cite(`processors.${p.id}.serialFraction`, 'estimate', 'shared L2, 32-bit DRAM, throttling: ~3x on 4 threads'),
  cite(`processors.${p.id}.memBandwidthGBs`, 'estimate', 'about a third of 12.8 GB/s LPDDR4-3200 x32 (REFERENCE)'),
  cite(`processors.${p.id}.overheadUs`, 'estimate', 'framework op dispatch on A72'),
  cite(`processors.${p.id}.memoryMB`, 'estimate', '4 GB model less OS and framework'),
  cite(`processors.${p.id}.activePowerW`, 'estimate', 'REFERENCE measured 5.0 W stress / 7.2 W HPL -> 6.0 W'),
  cite(`processors.${p.id}.idlePowerW`, 'measured', 'REFERENCE: Raspberry Pi 4 B 1.6 W idle'),
];

/**
 * Four Raspberry Pi 4 B boards on switched Gigabit Ethernet (LCP line). Each board is one device
 * processor with 4 Cortex-A72 cores as units.
 * @example platformById('rpi4x4').links[0].bandwidthGBs // 0.112
 */
export const rpi4Cluster: Platform = {
  id: 'rpi4x4',
  name: '4x Raspberry Pi 4 B on Gigabit Ethernet',
  description:
    'Four Raspberry Pi 4 Model B (4x Cortex-A72 @ 1.5 GHz, 4 GB LPDDR4-3200) on a Gigabit Ethernet switch ' +
    '(~112 MB/s TCP goodput). Power is measured; throughput is calibrated to public benchmarks (estimate).',
  line: 'LCP (Hadidi et al. 2020)',
  processors: pis,
  links: [ethernet],
  sources: [
    ...pis.flatMap(piSources),
    cite('links.gige.bandwidthGBs', 'estimate', 'REFERENCE: 125 MB/s line rate, ~110-118 MB/s TCP goodput'),
    cite('links.gige.latencyUs', 'estimate', 'switched GbE TCP latency incl. kernel stack, 0.1-0.3 ms'),
    cite('links.gige.energyPjPerByte', 'estimate', '~0.6 W for NICs, switch port and stack / 112 MB/s'),
  ],
};
