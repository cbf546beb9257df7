import { buildCostTables, type CostTableOptions, type CostTables } from '../../core/cost/tables';
import { ExplorerError } from '../../core/errors';
import { formatFps, formatMj, formatMs } from '../../core/format';
import type { Network } from '../../core/model/types';
import { describePlan } from '../../core/plan/describe';
import type { Evaluation } from '../../core/plan/evaluate';
import { specOfPlan, type Plan } from '../../core/plan/types';
import type { Platform } from '../../core/platform/types';
import type { DataParallel } from '../../core/search/baselines';
import { paretoFront } from '../../core/search/pareto';
import { searchPlan } from '../../core/search/searchPlan';
import type { Objective, Pins, SearchOptions } from '../../core/search/types';
import { unplaceableLayer } from '../../core/search/unplaceable';
import { intList, list, type Args } from '../args';
import { shareLine, shareUrlFor } from '../share';
import { table } from '../table';
import { evaluationJson } from './evaluate';

/** `--objective`, `--min-fps`, `--max-stages`, `--pin-cuts`, `--pin-layers` as search options. */
export function searchOptionsFrom(args: Args, t: CostTables): SearchOptions {
  const objective = (args.flags.get('objective') ?? 'fps') as Objective;
  if (!['fps', 'latency', 'energy'].includes(objective)) {
    throw new ExplorerError('BAD_ARGUMENT', `--objective "${objective}" must be fps, latency or energy`);
  }
  const minFpsText = args.flags.get('min-fps');
  const minFps = minFpsText === undefined ? undefined : Number(minFpsText);
  if (minFps !== undefined && !(Number.isFinite(minFps) && minFps > 0)) {
    throw new ExplorerError('BAD_ARGUMENT', `--min-fps "${minFpsText}" must be a positive number`);
  }
  const maxStagesText = args.flags.get('max-stages');
  const maxStages = maxStagesText === undefined ? undefined : Number(maxStagesText);
  if (maxStages !== undefined && !(Number.isInteger(maxStages) && maxStages >= 1)) {
    throw new ExplorerError('BAD_ARGUMENT', `--max-stages "${maxStagesText}" must be a positive integer`);
  }
  const pins: { cuts?: number[]; layers?: { layer: number; processor: string }[] } = {};
  const pinCuts = args.flags.get('pin-cuts');
  if (pinCuts !== undefined) pins.cuts = intList(pinCuts, 'pinned cut');
  const pinLayers = args.flags.get('pin-layers');
  if (pinLayers !== undefined) {
    pins.layers = list(pinLayers).map((item) => {
      const [layer, processor] = item.split(':');
      if (!/^\d+$/.test(layer ?? '') || !processor) {
        throw new ExplorerError('BAD_ARGUMENT', `--pin-layers item "${item}" must be layer:processor, e.g. 0:npu`);
      }
      if (!t.processorIndex.has(processor)) {
        throw new ExplorerError('UNKNOWN_PROCESSOR', `"${processor}" is not on ${t.platform.id}`);
      }
      return { layer: Number(layer), processor };
    });
  }
  return {
    objective,
    ...(minFps !== undefined ? { minFps } : {}),
    ...(maxStages !== undefined ? { maxStages } : {}),
    ...(pins.cuts || pins.layers ? { pins: pins as Pins } : {}),
  };
}

const metricsOf = (e: Evaluation) => evaluationJson(e).metrics;

/** A plan in the form `evaluate` accepts, plus its stages. */
export function planJson(plan: Plan, e: Evaluation) {
  return { ...specOfPlan(plan), stages: evaluationJson(e).stages };
}

function dataParallelJson(d: DataParallel) {
  return d.available
    ? {
        available: true,
        replicas: d.replicas,
        metrics: {
          fps: d.fps,
          periodMs: d.periodMs,
          latencyMs: d.latencyMs,
          energyPerFrameMj: d.energyPerFrameMj,
          avgPowerW: d.avgPowerW,
        },
      }
    : { available: false, reason: d.reason };
}

/** `plan <model> --platform <id> [--objective ...] [--min-fps X] [--max-stages K] [--json]`. */
export function planCommand(
  net: Network,
  platform: Platform,
  args: Args,
  json: boolean,
  tableOptions: CostTableOptions = {},
): string {
  const t = buildCostTables(net, platform, tableOptions);
  const r = searchPlan(t, searchOptionsFrom(args, t));
  const b = r.baselines;
  const url = shareUrlFor(args, net, platform, r.plan, r.objective, r.minFps);
  if (json) {
    return JSON.stringify({
      model: net.id,
      platform: platform.id,
      objective: r.objective,
      ...(r.minFps !== undefined ? { minFps: r.minFps } : {}),
      plan: planJson(r.plan, r.evaluation),
      metrics: metricsOf(r.evaluation),
      valid: r.evaluation.valid,
      baselines: {
        singleBest: b.singleBest
          ? { plan: planJson(b.singleBest.plan, b.singleBest.evaluation), metrics: metricsOf(b.singleBest.evaluation) }
          : null,
        equalMacs: b.equalMacs
          ? {
              plan: planJson(b.equalMacs.plan, b.equalMacs.evaluation),
              metrics: metricsOf(b.equalMacs.evaluation),
              valid: b.equalMacs.evaluation.valid,
            }
          : null,
        dataParallel: dataParallelJson(b.dataParallel),
      },
      searchMs: r.searchMs,
      shareUrl: url,
    });
  }
  const m = r.evaluation.metrics;
  const spec = specOfPlan(r.plan);
  const row = (name: string, fps: number, latency: number, energy: number, note: string) => [
    name,
    formatFps(fps),
    formatMs(latency),
    formatMj(energy),
    Number.isFinite(fps) ? `${(m.fps / fps).toFixed(2)}x` : '—',
    note,
  ];
  const rows = [row('optimal plan', m.fps, m.latencyMs, m.energyPerFrameMj, describePlan(r.plan))];
  if (b.singleBest) {
    const e = b.singleBest.evaluation.metrics;
    rows.push(row('best single processor', e.fps, e.latencyMs, e.energyPerFrameMj, describePlan(b.singleBest.plan)));
  }
  if (b.equalMacs) {
    const e = b.equalMacs.evaluation;
    rows.push(
      row(
        'equal-MAC split',
        e.metrics.fps,
        e.metrics.latencyMs,
        e.metrics.energyPerFrameMj,
        (e.valid ? '' : 'INVALID: ') + describePlan(b.equalMacs.plan),
      ),
    );
  }
  const d = b.dataParallel;
  if (d.available)
    rows.push(
      row(
        'data-parallel replicas',
        d.fps,
        d.latencyMs,
        d.energyPerFrameMj,
        d.replicas.map((x) => x.processor).join(' + '),
      ),
    );
  else rows.push(['data-parallel replicas', '—', '—', '—', '—', `unavailable: ${d.reason}`]);
  return [
    `${net.name} on ${platform.name}: objective ${r.objective}${r.minFps !== undefined ? ` at FPS >= ${r.minFps}` : ''}`,
    `plan: --cuts ${spec.cuts.join(',') || "''"} --procs ${spec.procs.join(',')} --units ${spec.units.join(',')}`,
    '',
    table(['', 'FPS', 'latency ms', 'energy mJ', 'optimal is', 'stages'], rows),
    '',
    `bottleneck: ${m.bottleneck.label}; search took ${r.searchMs.toFixed(1)} ms`,
    shareLine(url),
  ].join('\n');
}

/** `pareto <model> --platform <id> [--max-stages K] [--json]`. */
export function paretoCommand(
  net: Network,
  platform: Platform,
  args: Args,
  json: boolean,
  tableOptions: CostTableOptions = {},
): string {
  const t = buildCostTables(net, platform, tableOptions);
  const options = searchOptionsFrom(args, t);
  const started = Date.now();
  const { front, truncated } = paretoFront(t, {
    ...(options.maxStages !== undefined ? { maxStages: options.maxStages } : {}),
    ...(options.pins ? { pins: options.pins } : {}),
  });
  const searchMs = Date.now() - started;
  // No plan at all: say why, as \`plan\` does, rather than print an empty front.
  if (front.length === 0) throw new ExplorerError('INFEASIBLE', unplaceableLayer(t));
  if (json) {
    return JSON.stringify({
      model: net.id,
      platform: platform.id,
      front: front.map((f) => ({ plan: planJson(f.plan, f.evaluation), metrics: metricsOf(f.evaluation) })),
      truncated,
      searchMs,
    });
  }
  return [
    `${net.name} on ${platform.name}: ${front.length} Pareto-optimal plans (FPS vs energy per frame), ${searchMs} ms${truncated ? ' (truncated)' : ''}`,
    table(
      ['#', 'FPS', 'energy mJ', 'latency ms', 'stages'],
      front.map((f, i) => [
        i + 1,
        formatFps(f.evaluation.metrics.fps),
        formatMj(f.evaluation.metrics.energyPerFrameMj),
        formatMs(f.evaluation.metrics.latencyMs),
        describePlan(f.plan),
      ]),
    ),
  ].join('\n');
}
