import { buildCostTables } from '../cost/tables';
import { ExplorerError } from '../errors';
import type { Network } from '../model/types';
import { platformById } from '../platform/presets';
import type { Platform } from '../platform/types';
import { zooNetwork } from '../zoo';
import { CMP16_MESH } from './cap';
import { gainOver, restrictPlatform, type ComparisonRow } from './common';
import {
  capComparison,
  lcpComparison,
  pipeItComparison,
  pipelineComparison,
  quiltNetComparison,
  type Comparison,
} from './comparisons';

/** The paper's headline figure, shown beside the model's and labelled as the paper's. */
export interface PaperClaim {
  readonly claim: string;
  readonly source: string;
}

/** A preset per research line: a network, a platform and a strategy, and the comparison it makes. */
export interface Scenario {
  readonly id: string;
  readonly line: string;
  readonly title: string;
  readonly networkId: string;
  /** The platform preset it starts from; `platform()` may restrict or adjust it (see `setting`). */
  readonly basePlatformId: string;
  readonly platform: () => Platform;
  /** How the platform differs from the preset, if it does. */
  readonly setting?: string;
  readonly strategy: 'pipeline' | 'pipe-it' | 'quiltnet' | 'cap' | 'lcp';
  readonly paper: PaperClaim;
  readonly compare: (net: Network, platform: Platform) => Comparison;
}

/** A scenario's comparison, computed by the cost model, with the paper's headline beside it. */
export interface ScenarioResult extends Comparison {
  readonly id: string;
  readonly line: string;
  readonly title: string;
  readonly network: { readonly id: string; readonly name: string };
  readonly platform: Platform;
  readonly setting?: string;
  readonly paper: PaperClaim;
  /** The strategy row over the reference row: FPS ratio - 1 and energy-per-frame ratio (ref / strategy) - 1. */
  readonly modelGain: { readonly fps: number; readonly energyEfficiency: number };
}

const hikeyCpu = (): Platform =>
  restrictPlatform(platformById('hikey970'), ['big', 'little'], 'hikey970-cpu', 'HiKey 970 CPU clusters (A73 + A53)');

const hikeyNoNpu = (): Platform =>
  restrictPlatform(
    platformById('hikey970'),
    ['big', 'little', 'gpu'],
    'hikey970-no-npu',
    'HiKey 970 without its NPU (CPU clusters + Mali GPU)',
  );

/** Chip-to-chip bandwidth of the QuiltNet scenario: a 1 Gb/s-class serial lane (estimate). */
export const QUILT_LINK_GBS = 0.125;

const accelSlowLinks = (): Platform => {
  const base = platformById('accel4');
  return {
    ...base,
    id: 'accel4-serial',
    name: '4-chip accelerator board, 1 Gb/s-class chip links',
    description: `${base.description} Links slowed to ${QUILT_LINK_GBS} GB/s for the QuiltNet scenario.`,
    links: base.links.map((l) => ({ ...l, bandwidthGBs: QUILT_LINK_GBS })),
    sources: base.sources.map((s) =>
      s.path.endsWith('.bandwidthGBs')
        ? { ...s, status: 'estimate' as const, source: 'scenario setting: one 1 Gb/s-class serial lane per chip pair' }
        : s,
    ),
  };
};

const tablesOf = (net: Network, platform: Platform) => buildCostTables(net, platform);

/** The built-in scenarios, one per research line (processor pipelining has a high- and a low-end one). */
export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'pipe-it',
    line: 'Pipe-it (TCAD 2020)',
    title: 'SqueezeNet 1.1 pipelined over the big and LITTLE clusters with 1-4 cores per stage',
    networkId: 'squeezenet1_1',
    basePlatformId: 'hikey970',
    platform: hikeyCpu,
    setting: 'CPU clusters only (A73 x4 + A53 x4), as in Pipe-it',
    strategy: 'pipe-it',
    paper: {
      claim: 'Pipe-it: on average 39% higher throughput than the best prior approach (5 CNNs, HiKey 970)',
      source: 'Wang et al., IEEE TCAD 39(10), 2020; arXiv 1903.05898',
    },
    compare: (net, platform) => pipeItComparison(tablesOf(net, platform)),
  },
  {
    id: 'processor-pipelining',
    line: 'Processor pipelining (HiPC 2020)',
    title: 'VGG-19 pipelined over CPU, GPU and DSP of a high-end phone SoC with an AI processor',
    networkId: 'vgg19',
    basePlatformId: 'snapdragon855',
    platform: () => platformById('snapdragon855'),
    strategy: 'pipeline',
    paper: {
      claim: 'Processor pipelining: up to 68% more FPS on high-end chipsets with an AI processor',
      source: 'Parashar et al., HiPC 2020',
    },
    compare: (net, platform) => pipelineComparison(tablesOf(net, platform)),
  },
  {
    id: 'processor-pipelining-lowend',
    line: 'Processor pipelining (HiPC 2020)',
    title: 'ResNet-152 pipelined over CPU clusters and GPU of a chipset without an AI processor',
    networkId: 'resnet152',
    basePlatformId: 'hikey970',
    platform: hikeyNoNpu,
    setting: 'HiKey 970 with its NPU removed, standing in for a chipset without an AI processor',
    strategy: 'pipeline',
    paper: {
      claim: 'Processor pipelining: up to 47% more FPS on low-end chipsets without an AI processor',
      source: 'Parashar et al., HiPC 2020',
    },
    compare: (net, platform) => pipelineComparison(tablesOf(net, platform)),
  },
  {
    id: 'quiltnet',
    line: 'QuiltNet (DAC 2022)',
    title: 'ResNet-50 over 4 accelerator chips with an autoencoder on each cut',
    networkId: 'resnet50',
    basePlatformId: 'accel4',
    platform: accelSlowLinks,
    setting: `chip-to-chip links at ${QUILT_LINK_GBS} GB/s (estimate), so that inter-chip traffic limits the pipeline`,
    strategy: 'quiltnet',
    paper: {
      claim:
        'QuiltNet: up to 30.5% higher performance and 28.4% higher energy efficiency than the same pipelined chips without autoencoders',
      source: 'Park et al., DAC 2022',
    },
    compare: (net, platform) => quiltNetComparison(tablesOf(net, platform)),
  },
  {
    id: 'cap',
    line: 'CAP (IEEE TC 2022)',
    title: 'DenseNet-121 layer by layer over 16 cores, communication-aware partitions vs output-channel partitions',
    networkId: 'densenet121',
    basePlatformId: 'cmp16',
    platform: () => platformById('cmp16'),
    strategy: 'cap',
    paper: {
      claim: 'CAP: 1.12-1.65x speedup and 1.14-2.70x energy efficiency',
      source: 'Zou et al., IEEE TC 71(7), 2022',
    },
    compare: (net, platform) => capComparison(net, platform, tablesOf(net, platform), CMP16_MESH),
  },
  {
    id: 'lcp',
    line: 'LCP (Hadidi et al. 2020)',
    title: 'AlexNet as 4 narrow branches on 4 Raspberry Pis vs pipeline, data- and model-parallel',
    networkId: 'alexnet',
    basePlatformId: 'rpi4x4',
    platform: () => platformById('rpi4x4'),
    strategy: 'lcp',
    paper: {
      claim: 'LCP: up to 56x and on average 7x speedup over the original models',
      source: 'Hadidi et al., arXiv 2003.06464',
    },
    compare: (net, platform) =>
      lcpComparison(
        tablesOf(net, platform),
        platform.processors.map((p) => p.id),
      ),
  },
];

/** The scenario with this id. Throws UNKNOWN_SCENARIO. O(scenarios). */
export function scenarioById(id: string): Scenario {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new ExplorerError('UNKNOWN_SCENARIO', `"${id}"`);
  return s;
}

const rowByLabel = (rows: readonly ComparisonRow[], label: string): ComparisonRow | undefined =>
  rows.find((r) => r.label === label);

/**
 * Runs a scenario: builds its network and platform, computes every row through the cost model and
 * the strategy's gain over the reference row. Cost: one or a few exact searches (tens to hundreds of ms).
 * @example runScenario('pipe-it').modelGain.fps // e.g. 0.14 = +14% over the best prior
 */
export function runScenario(id: string): ScenarioResult {
  const s = scenarioById(id);
  const net = zooNetwork(s.networkId);
  const platform = s.platform();
  const c = s.compare(net, platform);
  const strat = rowByLabel(c.rows, c.strategy);
  const ref = rowByLabel(c.rows, c.reference);
  return {
    ...c,
    id: s.id,
    line: s.line,
    title: s.title,
    network: { id: net.id, name: net.name },
    platform,
    ...(s.setting ? { setting: s.setting } : {}),
    paper: s.paper,
    modelGain: {
      fps: strat && ref ? gainOver(strat.fps, ref.fps) : NaN,
      energyEfficiency: strat && ref ? gainOver(ref.energyPerFrameMj, strat.energyPerFrameMj) : NaN,
    },
  };
}
