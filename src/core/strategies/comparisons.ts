import { transferCost, type CostTables } from '../cost/tables';
import type { Network } from '../model/types';
import { evaluatePlan } from '../plan/evaluate';
import { specOfPlan, type Plan, type PlanSpec } from '../plan/types';
import type { Platform } from '../platform/types';
import { equalMacsBaseline, type DataParallel } from '../search/baselines';
import { searchMinPeriod } from '../search/minPeriod';
import { searchPlan } from '../search/searchPlan';
import { intraLayerParallel, wholeChip, type MeshNoc, type IntraLayerRun } from './cap';
import { rowOfEvaluation, type ComparisonRow } from './common';
import { branchParallel, LCP_CAVEAT } from './lcp';
import type { CodecOptions } from './quiltnet';
import { searchCompressedPlan } from './quiltnetSearch';

/** Rows of one comparison and the plan of the line's own strategy (for opening it in the explorer). */
export interface Comparison {
  readonly rows: readonly ComparisonRow[];
  /** Label of the row the line's strategy is measured against. */
  readonly reference: string;
  /** Label of the row of the line's strategy. */
  readonly strategy: string;
  /** The strategy's plan where it is a pipeline plan; ratios per cut for QuiltNet. */
  readonly plan?: Required<PlanSpec> & { readonly ratios?: readonly number[] };
  readonly notes: readonly string[];
}

/** A row from the data-parallel baseline (invalid row with the reason when unavailable). O(1). */
export function dataParallelRow(d: DataParallel): ComparisonRow {
  return {
    label: 'data-parallel replicas',
    strategy: 'data-parallel',
    fps: d.available ? d.fps : 0,
    latencyMs: d.available ? d.latencyMs : Infinity,
    energyPerFrameMj: d.available ? d.energyPerFrameMj : Infinity,
    valid: d.available,
    detail: d.available ? d.replicas.map((r) => r.processor).join(' + ') : `unavailable: ${d.reason}`,
  };
}

/**
 * Processor pipelining (HiPC 2020): the exact max-FPS pipeline against the best single processor,
 * an equal-MAC split over the same stages and data-parallel replicas. One exact search. Throws
 * INFEASIBLE when nothing can run.
 * @example pipelineComparison(buildCostTables(zooNetwork('vgg19'), platformById('snapdragon855'))).rows[0].fps
 */
export function pipelineComparison(t: CostTables, pipelineLabel = 'pipeline (exact search)'): Comparison {
  const r = searchPlan(t);
  const rows: ComparisonRow[] = [rowOfEvaluation(pipelineLabel, 'pipeline', r.plan, r.evaluation)];
  const b = r.baselines;
  if (b.singleBest) {
    rows.push(rowOfEvaluation('best single processor', 'single', b.singleBest.plan, b.singleBest.evaluation));
  }
  if (b.equalMacs) {
    rows.push(
      rowOfEvaluation('equal-MAC split (same stages)', 'model-parallel', b.equalMacs.plan, b.equalMacs.evaluation),
    );
  }
  rows.push(dataParallelRow(b.dataParallel));
  return {
    rows,
    reference: 'best single processor',
    strategy: pipelineLabel,
    plan: specOfPlan(r.plan),
    notes: [],
  };
}

/**
 * Pipe-it (TCAD 2020): the exact pipeline where each stage takes 1..4 cores of a cluster, against
 * the best prior approaches: the best single cluster, a pipeline of whole clusters, data-parallel
 * clusters and an equal-MAC split. The reference is the fastest of those priors.
 */
export function pipeItComparison(t: CostTables): Comparison {
  const base = pipelineComparison(t, 'Pipe-it pipeline (core configurations)');
  const whole = searchMinPeriod(t, { wholeProcessors: true });
  const rows = [...base.rows];
  if (whole) {
    rows.splice(
      1,
      0,
      rowOfEvaluation('pipeline of whole clusters', 'pipeline', whole.plan, evaluatePlan(t, whole.plan)),
    );
  }
  const priors = rows.slice(1).filter((r) => r.valid);
  const best = priors.reduce((a, r) => (r.fps > a.fps ? r : a), priors[0] ?? rows[0]!);
  return { ...base, rows, reference: best.label };
}

/**
 * QuiltNet (DAC 2022): pipelined chips with an autoencoder per cut against the same chips without
 * them (exact max-FPS search) and the best single chip. Two strategy rows: max FPS, and least energy
 * at no lower FPS than the uncompressed optimum.
 */
export function quiltNetComparison(t: CostTables, codec: CodecOptions = {}): Comparison {
  const fast = searchCompressedPlan(t, codec);
  if (!fast) return pipelineComparison(t);
  const frugal = searchCompressedPlan(t, { ...codec, objective: 'energy' });
  const plain = fast.uncompressed;
  const rowOf = (label: string, r: NonNullable<typeof fast>): ComparisonRow => ({
    ...rowOfEvaluation(label, 'pipeline+autoencoders', r.plan, r.evaluation),
    detail: `${rowOfEvaluation('', '', r.plan, r.evaluation).detail}; ratios ${r.evaluation.ratios.join(',') || '—'}; accuracy −${r.evaluation.accuracyLossPct.toFixed(1)} pt (estimate)`,
  });
  const rows: ComparisonRow[] = [
    rowOf('pipeline + autoencoders (max FPS)', fast),
    ...(frugal ? [rowOf('pipeline + autoencoders (min energy)', frugal)] : []),
    rowOfEvaluation('pipeline without autoencoders (exact)', 'pipeline', plain.plan, plain.evaluation),
  ];
  const single = searchPlan(t).baselines.singleBest;
  if (single) rows.push(rowOfEvaluation('best single chip', 'single', single.plan, single.evaluation));
  return {
    rows,
    reference: 'pipeline without autoencoders (exact)',
    strategy: 'pipeline + autoencoders (max FPS)',
    plan: { ...specOfPlan(fast.plan), ratios: fast.evaluation.ratios },
    notes: [
      `Autoencoder accuracy loss per ratio is an estimate; budget ${codec.maxAccuracyLossPct ?? 1} pt over all cuts.`,
      `Link energy is ${(100 * linkEnergyShare(t, plain.plan, plain.evaluation.metrics.energyPerFrameMj)).toFixed(2)}% of the ` +
        'uncompressed pipeline’s energy per frame here, so autoencoders save energy mostly by shortening the period.',
      fast.optimal
        ? 'The max-FPS plan is optimal over every cut, chip order and ratio per cut (exact search).'
        : `Searched ${fast.candidates} candidate cut sets x every ratio per cut (${fast.assignments} assignments) and every plan of whole processors.`,
    ],
  };
}

/** Link energy of a plan's transfers over its energy per frame. O(stages). */
function linkEnergyShare(t: CostTables, plan: Plan, energyPerFrameMj: number): number {
  let mj = 0;
  for (let i = 0; i + 1 < plan.stages.length; i++) {
    const p = t.processorIndex.get(plan.stages[i]!.processor)!;
    const q = t.processorIndex.get(plan.stages[i + 1]!.processor)!;
    mj += transferCost(t, plan.stages[i]!.to, p, q).mj;
  }
  return mj / energyPerFrameMj;
}

const runRow = (label: string, run: IntraLayerRun): ComparisonRow => ({
  label,
  strategy: 'intra-layer',
  fps: run.fps,
  latencyMs: run.latencyMs,
  energyPerFrameMj: run.energyPerFrameMj,
  valid: true,
  detail:
    `${run.cores} cores; NoC ${(run.nocBytes / 1e6).toFixed(2)} MB, ${run.nocMs.toFixed(3)} ms, ` +
    `${run.nocEnergyMj.toFixed(3)} mJ; schemes OC ${run.counts['output-channels']} / IC ${run.counts['input-channels']} / spatial ${run.counts.spatial}`,
});

/**
 * CAP (IEEE TC 2022): one frame at a time over all cores, comm-aware partition per layer against a
 * fixed output-channel partition (naive) and a fixed spatial one; the exact pipeline over the
 * platform's whole processors as context (it trades latency for throughput).
 */
export function capComparison(net: Network, platform: Platform, t: CostTables, mesh: MeshNoc): Comparison {
  const chip = wholeChip(platform);
  const aware = intraLayerParallel(net, chip, mesh, 'comm-aware');
  const naive = intraLayerParallel(net, chip, mesh, 'output-channels');
  const spatial = intraLayerParallel(net, chip, mesh, 'spatial');
  // Whole quadrants keep this context row cheap (tens of ms); with per-stage core counts the exact
  // search on 4 x 4 units takes seconds and is not what CAP compares against.
  const pipe = searchMinPeriod(t, { wholeProcessors: true });
  const pipeRow = pipe
    ? [
        rowOfEvaluation(
          'pipeline over whole quadrants (exact, context)',
          'pipeline',
          pipe.plan,
          evaluatePlan(t, pipe.plan),
        ),
      ]
    : [];
  return {
    rows: [
      runRow('CAP: comm-aware partition per layer', aware),
      runRow('naive: output channels everywhere', naive),
      runRow('spatial everywhere (halo exchange)', spatial),
      ...pipeRow,
    ],
    reference: 'naive: output channels everywhere',
    strategy: 'CAP: comm-aware partition per layer',
    notes: [
      'Intra-layer rows run one frame at a time on all cores (FPS = 1 / latency); the pipeline row overlaps frames.',
      'Structured sparsity (CAP’s second lever, less data to move) is not modelled.',
      'NoC figures (16 GB/s per link, 0.5 pJ/bit/hop) are estimates.',
    ],
  };
}

/**
 * LCP (2020): branch-parallel execution (B narrow branches on B devices) against the pipeline
 * (exact search), data-parallel replicas, layer-wise model-parallel (equal-MAC split over the same
 * devices) and the original model on one device.
 */
export function lcpComparison(t: CostTables, devices: readonly string[]): Comparison {
  const b = branchParallel(t, devices);
  const r = searchPlan(t);
  const layerWise = equalMacsBaseline(t, {
    stages: devices.map((d) => ({
      from: 0,
      to: 0,
      processor: d,
      units: t.processors[t.processorIndex.get(d)!]!.units,
    })),
  });
  const rows: ComparisonRow[] = [
    {
      label: `LCP: ${b.branches} branches, one per device`,
      strategy: 'branch-parallel',
      fps: b.fps,
      latencyMs: b.latencyMs,
      energyPerFrameMj: b.energyPerFrameMj,
      valid: b.valid,
      detail: b.valid
        ? `branch ${b.branchMs.toFixed(1)} ms, tail ${b.tailMs.toFixed(2)} ms on ${devices[0]}, scatter ${b.scatterMs.toFixed(2)} / gather ${b.gatherMs.toFixed(2)} ms; ${(b.macsFraction * 100).toFixed(1)}% of the MACs per device (a different, retrained model)`
        : `unavailable: ${b.reason}`,
    },
    rowOfEvaluation('pipeline (exact search)', 'pipeline', r.plan, r.evaluation),
    dataParallelRow(r.baselines.dataParallel),
  ];
  if (layerWise) {
    rows.push(
      rowOfEvaluation('layer-wise model-parallel (equal MACs)', 'model-parallel', layerWise.plan, layerWise.evaluation),
    );
  }
  if (r.baselines.singleBest) {
    const s = r.baselines.singleBest;
    rows.push(rowOfEvaluation('original model on one device', 'single', s.plan, s.evaluation));
  }
  return {
    rows,
    reference: 'original model on one device',
    strategy: `LCP: ${b.branches} branches, one per device`,
    notes: [LCP_CAVEAT],
  };
}
