import type { FigureSource, Link, Platform, Processor } from '../types';
import { cite } from './cite';

/*
 * A 16-core chip multiprocessor of small int8 NN cores on a 4x4 mesh NoC: the CAP setting (IEEE TC
 * 2022), where inter-core data movement becomes the bottleneck as cores multiply.
 *
 * Modelling choice: four processors, one per 2x2 quadrant of the mesh, each with 4 cores as units,
 * rather than one processor with 16 units. Reasons:
 * - pipeline stages need distinct processors joined by links, so that the NoC cost of every cut is
 *   a visible, tunable resource (bandwidth, hops, pJ/bit); with one 16-unit processor all NoC cost
 *   would hide inside a single serial fraction and the pipeline search would have nothing to cut across;
 * - inside a quadrant every core is at most 2 hops from every other, so intra-layer parallelism there
 *   is cheap and a small Amdahl serial fraction describes it well; across quadrants it is not;
 * - a stage may still use 1-4 cores of its quadrant, and a 4-stage plan uses all 16 cores.
 *
 * Mesh coordinates: q0 = rows 0-1 x cols 0-1, q1 = rows 0-1 x cols 2-3, q2 = rows 2-3 x cols 0-1,
 * q3 = rows 2-3 x cols 2-3. Adjacent quadrants share a boundary of 2 mesh links; q0-q3 and q1-q2
 * are diagonal. All figures are estimates for a generic design (CAP publishes ratios, not a chip).
 */

const QUADRANT = {
  units: 4, // 2x2 cores per quadrant (modelling choice above)
  // Each core: 16 x 16 int8 MAC array at 1 GHz = 256 GMAC/s (estimate: a small NN core).
  peakGmacsPerUnit: 256,
  efficiency: {
    conv: 0.6, // estimate: MAC-array utilization on dense conv after tiling
    depthwise: 0.06, // estimate: one channel per filter fills ~1/16 of the array
    gemm: 0.06, // estimate: batch-1 matrix-vector fills one row of 16
    elementwise: 0.06, // estimate: a 16-lane vector unit next to the 256-MAC array
    pooling: 0.06, // estimate: same vector unit
    memory: 1, // not used: memory-class ops have zero work
  },
  // Splitting a layer over the 4 cores of a quadrant exchanges halos and partial sums over 1-2 hops;
  // CAP's point is that this share grows with the core count. 6% serial -> 3.3x on 4 cores (estimate).
  serialFraction: 0.06,
  // Activations stay in the cores' 1 MB scratchpads and the L2 slice; weights stream from a
  // quarter of a 51.2 GB/s LPDDR4X x128 interface (estimate: blended effective bandwidth).
  memBandwidthGBs: 20,
  overheadUs: 5, // estimate: on-chip layer descriptor load per core; no host in the loop
  memoryMB: 1024, // estimate: a quarter of 4 GB of DRAM behind the chip
  // 4 cores x ~0.4 W (Horowitz int8 MAC 0.23 pJ x 256 GMAC/s = 0.06 W per core of arithmetic,
  // plus scratchpad, router and control, several times that) (estimate).
  activePowerW: 1.6,
  idlePowerW: 0.15, // estimate: leakage of 4 cores, 4 MB SRAM and their routers
} as const;

const quadrant = (i: number): Processor => ({
  id: `q${i}`,
  name: `Quadrant ${i} (4 cores)`,
  kind: 'accelerator',
  units: QUADRANT.units, // modelling choice: 2x2 cores
  peakGmacsPerUnit: QUADRANT.peakGmacsPerUnit, // estimate: see QUADRANT
  efficiency: QUADRANT.efficiency, // estimate: see QUADRANT
  serialFraction: QUADRANT.serialFraction, // estimate: see QUADRANT
  memBandwidthGBs: QUADRANT.memBandwidthGBs, // estimate: see QUADRANT
  overheadUs: QUADRANT.overheadUs, // estimate: see QUADRANT
  supports: ['conv', 'depthwise', 'gemm', 'elementwise', 'pooling', 'memory'],
  dtype: 'int8', // NN accelerator cores compute quantized int8
  memoryMB: QUADRANT.memoryMB, // estimate: see QUADRANT
  activePowerW: QUADRANT.activePowerW, // estimate: see QUADRANT
  idlePowerW: QUADRANT.idlePowerW, // estimate: see QUADRANT
});

const quadrants = [0, 1, 2, 3].map(quadrant);

// NoC: 128-bit links at 1 GHz = 16 GB/s per direction per mesh link (estimate: typical NoC flit
// width and clock). Energy: 0.5 pJ/bit/hop, the middle of REFERENCE's 0.1-1 pJ/bit/hop estimate.
const NOC_LINK_GBS = 16;
const PJ_PER_BIT_HOP = 0.5;

const ADJACENT = {
  bandwidthGBs: 2 * NOC_LINK_GBS, // derived: 2 mesh links cross the boundary of adjacent quadrants
  latencyUs: 1, // estimate: DMA descriptor setup (~1 us) dominates a few router hops
  // Average core-to-core distance between adjacent quadrants is 2.5 hops: 0.5 x 2.5 x 8 = 10 pJ/B.
  energyPjPerByte: PJ_PER_BIT_HOP * 2.5 * 8, // derived from the REFERENCE pJ/bit/hop estimate
} as const;
const DIAGONAL = {
  bandwidthGBs: NOC_LINK_GBS, // estimate: XY routing funnels through one intermediate quadrant's links, shared
  latencyUs: 1.5, // estimate: DMA setup plus twice the router hops
  // Average distance between diagonal quadrants is 4 hops: 0.5 x 4 x 8 = 16 pJ/B.
  energyPjPerByte: PJ_PER_BIT_HOP * 4 * 8, // derived from the REFERENCE pJ/bit/hop estimate
} as const;

const adjacent = (a: number, b: number): Link => ({
  id: `q${a}-q${b}`,
  name: `NoC q${a} <-> q${b} (adjacent)`,
  from: `q${a}`,
  to: `q${b}`,
  bandwidthGBs: ADJACENT.bandwidthGBs, // derived: see ADJACENT
  latencyUs: ADJACENT.latencyUs, // estimate: see ADJACENT
  energyPjPerByte: ADJACENT.energyPjPerByte, // derived: see ADJACENT
  overlapsCompute: true, // per-core DMA engines move data while the MAC arrays compute
});

// Diagonal pairs (q0-q3, q1-q2) are every pair not linked above.
const diagonal: Link = {
  id: 'diagonal',
  name: 'NoC between diagonal quadrants',
  from: '*',
  to: '*',
  bandwidthGBs: DIAGONAL.bandwidthGBs, // estimate: see DIAGONAL
  latencyUs: DIAGONAL.latencyUs, // estimate: see DIAGONAL
  energyPjPerByte: DIAGONAL.energyPjPerByte, // derived: see DIAGONAL
  overlapsCompute: true,
};

const links: Link[] = [adjacent(0, 1), adjacent(0, 2), adjacent(1, 3), adjacent(2, 3), diagonal];

const quadrantSources = (p: Processor): FigureSource[] => [
  cite(`processors.${p.id}.units`, 'spec', '2x2 cores per quadrant of a 4x4 mesh (modelling choice)'),
  cite(`processors.${p.id}.peakGmacsPerUnit`, 'estimate', '16 x 16 int8 MAC array per core at 1 GHz'),
  cite(`processors.${p.id}.efficiency.conv`, 'estimate', 'MAC-array utilization on dense conv'),
  cite(`processors.${p.id}.efficiency.depthwise`, 'estimate', 'one channel per filter fills ~1/16 of the array'),
  cite(`processors.${p.id}.efficiency.gemm`, 'estimate', 'batch-1 matrix-vector fills one row of 16'),
  cite(`processors.${p.id}.efficiency.elementwise`, 'estimate', '16-lane vector unit / 256 MACs'),
  cite(`processors.${p.id}.efficiency.pooling`, 'estimate', '16-lane vector unit / 256 MACs'),
  cite(`processors.${p.id}.efficiency.memory`, 'estimate', 'not used: memory-class ops have zero work'),
  cite(`processors.${p.id}.serialFraction`, 'estimate', 'halo and partial-sum exchange inside a 2x2 sub-mesh (CAP)'),
  cite(
    `processors.${p.id}.memBandwidthGBs`,
    'estimate',
    'scratchpads for activations, 1/4 of 51.2 GB/s DRAM for weights',
  ),
  cite(`processors.${p.id}.overheadUs`, 'estimate', 'on-chip layer descriptor load'),
  cite(`processors.${p.id}.memoryMB`, 'estimate', 'a quarter of 4 GB DRAM'),
  cite(`processors.${p.id}.activePowerW`, 'estimate', '4 cores x ~0.4 W (Horowitz int8 MAC energy x several)'),
  cite(`processors.${p.id}.idlePowerW`, 'estimate', 'leakage of cores, SRAM and routers'),
];

const linkSources = (l: Link): FigureSource[] => {
  const diag = l.from === '*';
  return [
    cite(
      `links.${l.id}.bandwidthGBs`,
      diag ? 'estimate' : 'derived',
      diag
        ? 'one 16 GB/s mesh link, shared on the XY route'
        : '2 boundary mesh links x 16 GB/s (128 bit at 1 GHz, estimate)',
    ),
    cite(`links.${l.id}.latencyUs`, 'estimate', 'DMA setup dominates router hops'),
    cite(
      `links.${l.id}.energyPjPerByte`,
      'derived',
      `REFERENCE NoC 0.1-1 pJ/bit/hop: 0.5 pJ/bit x ${diag ? '4' : '2.5'} average hops x 8`,
    ),
  ];
};

/**
 * A 16-core int8 NN chip multiprocessor on a 4x4 mesh NoC, modelled as four 4-core quadrants joined
 * by NoC links (CAP line). A stage takes 1-4 cores of a quadrant; cuts between quadrants pay NoC
 * bandwidth and pJ/bit/hop. All figures are estimates for a generic design.
 * @example platformById('cmp16').processors.map((p) => p.units) // [4, 4, 4, 4]
 */
export const cmp16: Platform = {
  id: 'cmp16',
  name: '16-core CMP on a mesh NoC',
  description:
    'Sixteen int8 NN cores (16x16 MAC array at 1 GHz each) on a 4x4 mesh NoC, modelled as four 2x2 quadrants ' +
    'of 4 cores; adjacent quadrants share 32 GB/s of mesh links at 0.5 pJ/bit/hop. All figures are estimates.',
  line: 'CAP (IEEE TC 2022)',
  processors: quadrants,
  links,
  sources: [...quadrants.flatMap(quadrantSources), ...links.flatMap(linkSources)],
};
