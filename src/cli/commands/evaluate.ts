import { readFileSync, writeFileSync } from 'node:fs';
import { buildCostTables, type CostTableOptions, type CostTables } from '../../core/cost/tables';
import { ExplorerError } from '../../core/errors';
import { formatBytes, formatFps, formatMj, formatMs } from '../../core/format';
import type { Network } from '../../core/model/types';
import { chromeTrace } from '../../core/export/chromeTrace';
import { stagesCsv } from '../../core/export/stagesCsv';
import { evaluatePlan, type Evaluation } from '../../core/plan/evaluate';
import { planFromSpec, type PlanSpec } from '../../core/plan/types';
import type { Platform } from '../../core/platform/types';
import { simulate } from '../../core/schedule/simulate';
import { intList, list, required, type Args } from '../args';
import { shareLine, shareUrlFor } from '../share';
import { table } from '../table';

/** Turns a plan spec into a plan, naming unknown processors before anything else. */
function planFor(t: CostTables, spec: PlanSpec) {
  for (const id of spec.procs) {
    if (!t.processorIndex.has(id)) {
      const known = t.processors.map((p) => p.id).join(', ');
      throw new ExplorerError('UNKNOWN_PROCESSOR', `"${id}" is not on ${t.platform.id} (it has ${known})`);
    }
  }
  return planFromSpec(spec, t.n, (id) => t.processors[t.processorIndex.get(id)!]!.units);
}

/** The JSON shape `evaluate` prints (also used by tests and the UI test API). */
export function evaluationJson(e: Evaluation) {
  return {
    stages: e.stages.map((s) => ({
      from: s.from,
      to: s.to,
      processor: s.processor,
      units: s.units,
      computeMs: s.computeMs,
      transferMs: s.transferMs,
      transferBytes: s.transferBytes,
      busyMs: s.busyMs,
      memoryBytes: s.memoryBytes,
    })),
    metrics: {
      fps: e.metrics.fps,
      periodMs: e.metrics.periodMs,
      latencyMs: e.metrics.latencyMs,
      energyPerFrameMj: e.metrics.energyPerFrameMj,
      avgPowerW: e.metrics.avgPowerW,
      bottleneck: e.metrics.bottleneck,
      speedupOverBestSingle: e.metrics.speedupOverBestSingle,
      bestSingleProcessor: e.metrics.bestSingleProcessor,
      utilization: e.metrics.utilization,
    },
    valid: e.valid,
    problems: e.problems,
  };
}

/** The metrics block `evaluate` and `open` print. */
export function human(net: Network, platform: Platform, e: Evaluation): string {
  const m = e.metrics;
  const rows = e.stages.map((s, i) => [
    i + 1,
    `${s.from}-${s.to - 1}`,
    `${net.layers[s.from]?.name ?? '?'} .. ${net.layers[s.to - 1]?.name ?? '?'}`,
    s.processor,
    s.units,
    formatMs(s.computeMs),
    formatMs(s.transferMs),
    formatBytes(s.memoryBytes),
  ]);
  return [
    `${net.name} on ${platform.name}`,
    table(['stage', 'layers', 'names', 'processor', 'units', 'compute ms', 'transfer ms', 'memory'], rows),
    '',
    `FPS ${formatFps(m.fps)}   period ${formatMs(m.periodMs)} ms   latency ${formatMs(m.latencyMs)} ms   ` +
      `energy ${formatMj(m.energyPerFrameMj)} mJ/frame   power ${m.avgPowerW.toFixed(2)} W`,
    `bottleneck: ${m.bottleneck.label}   speed-up over best single processor (${m.bestSingleProcessor}): ${m.speedupOverBestSingle.toFixed(2)}x`,
    e.valid ? 'valid plan' : `INVALID plan:\n${e.problems.map((p) => `  - ${p.message}`).join('\n')}`,
  ].join('\n');
}

/** `evaluate <model> --platform <id> --cuts a,b --procs x,y,z [--units ...] | --plans FILE`. */
export function evaluate(
  net: Network,
  platform: Platform,
  args: Args,
  json: boolean,
  tableOptions: CostTableOptions = {},
): { out: string; failed: boolean } {
  const t = buildCostTables(net, platform, tableOptions);
  const plansFile = args.flags.get('plans');
  if (plansFile !== undefined) return evaluateMany(t, plansFile);
  const unitsFlag = args.flags.get('units');
  const spec: PlanSpec = {
    cuts: intList(required(args, 'cuts'), 'cut'),
    procs: list(required(args, 'procs')),
    ...(unitsFlag !== undefined ? { units: intList(unitsFlag, 'units') } : {}),
  };
  const plan = planFor(t, spec);
  const e = evaluatePlan(t, plan);
  const written = writeExports(args, net, platform, e);
  const url = shareUrlFor(args, net, platform, plan);
  const out = json
    ? JSON.stringify({ ...evaluationJson(e), shareUrl: url })
    : [human(net, platform, e), shareLine(url), ...written].join('\n');
  return { out, failed: false };
}

/** Default number of frames simulated for `--trace`. */
const TRACE_FRAMES = 10;

/**
 * `--trace FILE` (Chrome / Perfetto trace of `--frames` simulated frames, default 10) and
 * `--csv FILE` (the stages); returns a line per file written.
 */
function writeExports(args: Args, net: Network, platform: Platform, e: Evaluation): string[] {
  const lines: string[] = [];
  const write = (flag: string, text: string) => {
    const file = args.flags.get(flag)!;
    try {
      writeFileSync(file, text);
    } catch {
      throw new ExplorerError('BAD_ARGUMENT', `cannot write --${flag} file "${file}"`);
    }
    lines.push(`wrote ${file}`);
  };
  if (args.flags.has('trace')) {
    const framesText = args.flags.get('frames') ?? String(TRACE_FRAMES);
    const frames = Number(framesText);
    if (!Number.isInteger(frames) || frames < 1 || frames > 10_000) {
      throw new ExplorerError('BAD_ARGUMENT', `--frames "${framesText}" must be an integer from 1 to 10000`);
    }
    write(
      'trace',
      JSON.stringify(chromeTrace({ network: net, platform, evaluation: e, schedule: simulate(e, { frames }) })),
    );
  }
  if (args.flags.has('csv')) write('csv', stagesCsv(net, e));
  return lines;
}

/** One JSON plan per line in, one JSON answer per line out; a bad line answers `{ line, error }`. */
function evaluateMany(t: CostTables, file: string): { out: string; failed: boolean } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ExplorerError('BAD_ARGUMENT', `cannot read --plans file "${file}"`);
  }
  let failed = false;
  const out = text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, n }) => {
      try {
        const raw: unknown = JSON.parse(line);
        return JSON.stringify(evaluationJson(evaluatePlan(t, planFor(t, planSpecFromJson(raw)))));
      } catch (e) {
        failed = true;
        return JSON.stringify({ line: n, error: e instanceof Error ? e.message : String(e) });
      }
    })
    .join('\n');
  return { out, failed };
}

/** Validates an untrusted `{cuts, procs, units?}` object. */
export function planSpecFromJson(raw: unknown): PlanSpec {
  if (typeof raw !== 'object' || raw === null) throw new ExplorerError('BAD_PLAN', 'a plan must be a JSON object');
  const o = raw as Record<string, unknown>;
  const ints = (v: unknown, what: string): number[] => {
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isInteger(x))) {
      throw new ExplorerError('BAD_PLAN', `"${what}" must be an array of integers`);
    }
    return v as number[];
  };
  if (!Array.isArray(o.procs) || !o.procs.every((x) => typeof x === 'string')) {
    throw new ExplorerError('BAD_PLAN', '"procs" must be an array of processor ids');
  }
  return {
    cuts: ints(o.cuts, 'cuts'),
    procs: o.procs as string[],
    ...(o.units !== undefined ? { units: ints(o.units, 'units') } : {}),
  };
}
