import type { Evaluation } from '../plan/evaluate';
import type { Plan } from '../plan/types';
import { ExplorerError } from '../errors';
import type { Platform } from '../platform/types';

/**
 * One row of a strategy comparison: what a strategy achieves on one network and platform,
 * computed by the cost model. Times in ms, energy in mJ per frame.
 */
export interface ComparisonRow {
  /** What the row is (`Pipe-it pipeline`, `best single cluster`...). */
  readonly label: string;
  /** Strategy family: pipeline, single, data-parallel, model-parallel, branch-parallel, intra-layer... */
  readonly strategy: string;
  readonly fps: number;
  readonly latencyMs: number;
  readonly energyPerFrameMj: number;
  /** False when the strategy cannot run as given (the detail says why). */
  readonly valid: boolean;
  /** How it runs: the stages, the replicas, the schemes chosen. */
  readonly detail: string;
}

/** A row from an evaluated plan. O(stages). */
export function rowOfEvaluation(label: string, strategy: string, plan: Plan, e: Evaluation): ComparisonRow {
  return {
    label,
    strategy,
    fps: e.metrics.fps,
    latencyMs: e.metrics.latencyMs,
    energyPerFrameMj: e.metrics.energyPerFrameMj,
    valid: e.valid,
    detail: (e.valid ? '' : `INVALID (${e.problems[0]?.message ?? 'see problems'}): `) + describeStages(plan),
  };
}

/** `big×4[0-40] | little×2[41-87]`: stages as processor×units[first-last layer]. O(stages). */
export function describeStages(plan: Plan): string {
  return plan.stages.map((s) => `${s.processor}${s.units > 1 ? `×${s.units}` : ''}[${s.from}-${s.to - 1}]`).join(' | ');
}

/**
 * The platform with only the named processors (in the given order) and the links between them.
 * Wildcard links stay. Throws UNKNOWN_PROCESSOR for an id the platform does not have. O(P + links).
 * @example restrictPlatform(hikey970, ['big', 'little'], 'hikey970-cpu', 'HiKey 970 CPU clusters')
 */
export function restrictPlatform(platform: Platform, ids: readonly string[], id: string, name: string): Platform {
  const processors = ids.map((pid) => {
    const p = platform.processors.find((q) => q.id === pid);
    if (!p) throw new ExplorerError('UNKNOWN_PROCESSOR', `"${pid}" is not on ${platform.id}`);
    return p;
  });
  const keep = new Set(ids);
  const linkOk = (end: string) => end === '*' || keep.has(end);
  const links = platform.links.filter((l) => linkOk(l.from) && linkOk(l.to));
  const linkIds = new Set(links.map((l) => l.id));
  const sources = platform.sources.filter((s) => {
    const [group, owner] = s.path.split('.');
    return group === 'processors' ? keep.has(owner!) : group === 'links' ? linkIds.has(owner!) : true;
  });
  return {
    ...platform,
    id,
    name,
    description: `${platform.name} restricted to ${ids.join(', ')}. ${platform.description}`,
    processors,
    links,
    sources,
  };
}

/** Relative gain of `value` over `reference` (0.39 = +39%); NaN when the reference is not positive. O(1). */
export function gainOver(value: number, reference: number): number {
  return reference > 0 && Number.isFinite(reference) ? value / reference - 1 : NaN;
}
