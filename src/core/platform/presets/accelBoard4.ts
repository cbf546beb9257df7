import type { FigureSource, Link, Platform, Processor } from '../types';
import { cite } from './cite';

/*
 * A board of 4 identical int8 accelerator chips in a chain: the QuiltNet setting (DAC 2022), where
 * chip-to-chip traffic at the cuts limits the pipeline and per-cut autoencoders shrink it.
 *
 * The chip is a generic edge inference ASIC, not a product: every figure here is an estimate, sized
 * so that (a) weights live in on-chip SRAM only, so big networks must be split across chips (at int8,
 * ResNet-50 needs 28 MB and fits one chip, ResNet-152 needs 63 MB and two or more, AlexNet's 38 MB fc6
 * takes a chip nearly to itself, VGG's 103 MB fc6 fits nowhere), and (b) the boundary
 * tensors of early cuts take a visible share of a stage's time on the link, as in QuiltNet.
 * Model predictions (float32 zoo networks computed at int8): ResNet-50 ~8 ms, MobileNet v1 ~2 ms
 * on one chip.
 */

const CHIP = {
  // 32 x 32 int8 systolic array at 1 GHz = 1024 GMAC/s (estimate: a mid-size edge inference chip).
  peakGmacsPerUnit: 1024,
  efficiency: {
    conv: 0.6, // estimate: systolic-array utilization on dense conv after tiling and edge effects
    depthwise: 0.04, // estimate: one input channel per filter fills ~1/32 of the array's columns
    gemm: 0.03, // estimate: batch-1 matrix-vector fills one row of 32
    elementwise: 0.06, // estimate: a 64-lane vector unit next to the 1024-MAC array
    pooling: 0.06, // estimate: same vector unit
    memory: 1, // not used: memory-class ops have zero work
  },
  // 256 B/cycle of on-chip SRAM at 1 GHz (estimate): weights and activations never leave the chip.
  memBandwidthGBs: 256,
  overheadUs: 5, // estimate: on-chip sequencer loads one layer descriptor; no host round trip
  memoryMB: 40, // estimate: "tens of MB" of on-chip SRAM for weights and activations
  // Horowitz (REFERENCE) int8 MAC 0.23 pJ x 1024 GMAC/s = 0.24 W of arithmetic; SRAM operand
  // traffic, clock tree and control typically several times that -> ~2 W (estimate).
  activePowerW: 2.0,
  idlePowerW: 0.3, // estimate: leakage of 40 MB SRAM plus an idle clock tree
} as const;

const chip = (i: number): Processor => ({
  id: `chip${i}`,
  name: `Accelerator chip ${i}`,
  kind: 'accelerator',
  units: 1, // one chip = one unit; a stage takes a whole chip
  peakGmacsPerUnit: CHIP.peakGmacsPerUnit, // estimate: see CHIP
  efficiency: CHIP.efficiency, // estimate: see CHIP
  serialFraction: 0, // units = 1
  memBandwidthGBs: CHIP.memBandwidthGBs, // estimate: see CHIP
  overheadUs: CHIP.overheadUs, // estimate: see CHIP
  supports: ['conv', 'depthwise', 'gemm', 'elementwise', 'pooling', 'memory'],
  dtype: 'int8', // inference accelerators of this class compute quantized int8
  memoryMB: CHIP.memoryMB, // estimate: see CHIP
  activePowerW: CHIP.activePowerW, // estimate/derived: see CHIP
  idlePowerW: CHIP.idlePowerW, // estimate: see CHIP
});

const chips = [0, 1, 2, 3].map(chip);

// Short-reach chip-to-chip links on the board, one per neighbouring pair of the chain.
// Bandwidth: 4 lanes of a PCIe Gen3-class SerDes, 0.985 GB/s per lane per direction (REFERENCE)
// -> 3.94 GB/s. Energy: 1.5 pJ/bit, the middle of REFERENCE's 1-2 pJ/bit -> 12 pJ/byte.
const HOP = {
  bandwidthGBs: 3.94, // derived: 4 x 0.985 GB/s (REFERENCE PCIe Gen3 per-lane figure)
  latencyUs: 1, // estimate: SerDes + link-layer framing + DMA descriptor, ~1 us
  energyPjPerByte: 12, // estimate: 1.5 pJ/bit (REFERENCE 1-2 pJ/bit) x 8
} as const;

const neighbour = (a: number): Link => ({
  id: `chip${a}-chip${a + 1}`,
  name: `Chip-to-chip link ${a}-${a + 1}`,
  from: `chip${a}`,
  to: `chip${a + 1}`,
  bandwidthGBs: HOP.bandwidthGBs, // derived: see HOP
  latencyUs: HOP.latencyUs, // estimate: see HOP
  energyPjPerByte: HOP.energyPjPerByte, // estimate: see HOP
  overlapsCompute: true, // each chip's DMA engine moves data while both arrays compute
});

// Any other pair (e.g. chip0 -> chip2) is forwarded through the chip(s) in between: cut-through
// forwarding keeps the bandwidth, each extra hop adds its latency and energy; charged as 2 hops.
const forwarded: Link = {
  id: 'forwarded',
  name: 'Chip-to-chip, forwarded through a neighbour',
  from: '*',
  to: '*',
  bandwidthGBs: HOP.bandwidthGBs, // derived: cut-through forwarding keeps the per-hop bandwidth
  latencyUs: 2 * HOP.latencyUs, // estimate: two hops
  energyPjPerByte: 2 * HOP.energyPjPerByte, // estimate: two hops of 1.5 pJ/bit
  overlapsCompute: true,
};

const links: Link[] = [neighbour(0), neighbour(1), neighbour(2), forwarded];

const chipSources = (p: Processor): FigureSource[] => [
  cite(`processors.${p.id}.units`, 'spec', 'one chip per processor'),
  cite(`processors.${p.id}.peakGmacsPerUnit`, 'estimate', '32 x 32 int8 systolic array at 1 GHz'),
  cite(`processors.${p.id}.efficiency.conv`, 'estimate', 'systolic-array utilization on dense conv'),
  cite(`processors.${p.id}.efficiency.depthwise`, 'estimate', 'one channel per filter fills ~1/32 of the array'),
  cite(`processors.${p.id}.efficiency.gemm`, 'estimate', 'batch-1 matrix-vector fills one row of 32'),
  cite(`processors.${p.id}.efficiency.elementwise`, 'estimate', '64-lane vector unit / 1024 MACs'),
  cite(`processors.${p.id}.efficiency.pooling`, 'estimate', '64-lane vector unit / 1024 MACs'),
  cite(`processors.${p.id}.efficiency.memory`, 'estimate', 'not used: memory-class ops have zero work'),
  cite(`processors.${p.id}.serialFraction`, 'spec', 'units = 1'),
  cite(`processors.${p.id}.memBandwidthGBs`, 'estimate', 'on-chip SRAM, 256 B/cycle at 1 GHz'),
  cite(`processors.${p.id}.overheadUs`, 'estimate', 'on-chip sequencer, no host round trip'),
  cite(`processors.${p.id}.memoryMB`, 'estimate', 'tens of MB of on-chip SRAM; weights must fit'),
  cite(
    `processors.${p.id}.activePowerW`,
    'estimate',
    'Horowitz int8 MAC 0.23 pJ x 1024 GMAC/s = 0.24 W, x~8 with SRAM/clock',
  ),
  cite(`processors.${p.id}.idlePowerW`, 'estimate', 'SRAM leakage + idle clock tree'),
];

const linkSources = (l: Link): FigureSource[] => [
  cite(`links.${l.id}.bandwidthGBs`, 'derived', 'REFERENCE: 4 lanes x 0.985 GB/s (PCIe Gen3-class SerDes)'),
  cite(`links.${l.id}.latencyUs`, 'estimate', l.from === '*' ? 'two hops of ~1 us' : 'SerDes + framing + DMA, ~1 us'),
  cite(
    `links.${l.id}.energyPjPerByte`,
    'estimate',
    l.from === '*' ? 'two hops of 1.5 pJ/bit' : 'REFERENCE: 1-2 pJ/bit short-reach link, 1.5 pJ/bit x 8',
  ),
];

/**
 * Four identical int8 accelerator chips in a chain with short-reach chip-to-chip links
 * (QuiltNet line). Small on-chip memory makes big networks span several chips. All figures are
 * estimates, except link bandwidth derived from the PCIe Gen3 per-lane rate.
 * @example platformById('accel4').links[0].from // 'chip0'
 */
export const accelBoard4: Platform = {
  id: 'accel4',
  name: '4-chip accelerator board',
  description:
    'Four identical int8 inference chips (32x32 systolic array at 1 GHz, 40 MB on-chip SRAM each) in a chain ' +
    'of 3.94 GB/s short-reach links at ~1.5 pJ/bit. A generic design: compute, memory and power are estimates.',
  line: 'QuiltNet (DAC 2022)',
  processors: chips,
  links,
  sources: [...chips.flatMap(chipSources), ...links.flatMap(linkSources)],
};
