import type { CostTables } from '../cost/tables';
import { ExplorerError } from '../errors';
import { evaluatePlan, type EvaluateOptions } from '../plan/evaluate';
import type { Plan } from '../plan/types';
import { dataParallelBaseline, equalMacsBaseline, singleBestBaseline, type Baselines } from './baselines';
import { searchMinCost } from './minCost';
import { searchMinPeriodFast } from './minPeriod';
import { paretoFront } from './pareto';
import type { Found, Objective, SearchOptions } from './types';
import { unplaceableLayer } from './unplaceable';

/** A monotonic clock in ms where the host has one (browsers, workers, Node), else the wall clock. */
const now = (): number => (globalThis as { performance?: { now(): number } }).performance?.now() ?? Date.now();

export interface SearchResult extends Found {
  readonly objective: Objective;
  readonly minFps?: number;
  readonly baselines: Baselines;
  /** Wall time of the search itself (not the baselines), ms. */
  readonly searchMs: number;
}

/**
 * The optimal plan for an objective, with the baselines beside it.
 * - fps: the highest FPS (smallest period);
 * - latency: the smallest one-frame latency with FPS >= minFps (no target: any FPS);
 * - energy: the least energy per frame with FPS >= minFps, frames arriving at minFps; without a
 *   target, the least energy per frame over the whole FPS/energy Pareto front.
 * Throws INFEASIBLE when no plan meets the constraints, CANCELLED when cancelled.
 */
export function searchPlan(t: CostTables, options: SearchOptions = {}): SearchResult {
  const objective = options.objective ?? 'fps';
  const minFps = options.minFps;
  if (minFps !== undefined && !(minFps > 0 && Number.isFinite(minFps))) {
    throw new ExplorerError('BAD_ARGUMENT', `minimum FPS "${minFps}" must be a positive number`);
  }
  const maxPeriodMs = minFps !== undefined ? 1000 / minFps : Infinity;
  const common = {
    ...(options.maxStages !== undefined ? { maxStages: options.maxStages } : {}),
    ...(options.pins ? { pins: options.pins } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
  };
  const evalOptions: EvaluateOptions = objective === 'energy' && minFps !== undefined ? { inputFps: minFps } : {};
  const started = now();
  let plan: Plan | undefined;
  if (objective === 'fps') {
    plan = searchMinPeriodFast(t, common)?.plan;
  } else if (objective === 'energy' && minFps === undefined) {
    const { front } = paretoFront(t, common);
    let best: Found | undefined;
    for (const f of front) {
      if (!best || f.evaluation.metrics.energyPerFrameMj < best.evaluation.metrics.energyPerFrameMj) best = f;
    }
    plan = best?.plan;
  } else {
    plan = searchMinCost(t, { objective, maxPeriodMs, ...common })?.plan;
  }
  const searchMs = now() - started;
  if (!plan) {
    throw new ExplorerError(
      'INFEASIBLE',
      unplaceableLayer(t) ?? (minFps !== undefined ? `nothing reaches ${minFps} FPS` : undefined),
    );
  }
  const evaluation = evaluatePlan(t, plan, evalOptions);
  if (objective === 'fps' && minFps !== undefined && evaluation.metrics.fps < minFps) {
    throw new ExplorerError('INFEASIBLE', `the fastest plan reaches ${evaluation.metrics.fps.toFixed(2)} FPS`);
  }
  const singleBest = singleBestBaseline(t, evalOptions);
  const equalMacs = equalMacsBaseline(t, plan, evalOptions);
  return {
    objective,
    ...(minFps !== undefined ? { minFps } : {}),
    plan,
    evaluation,
    baselines: {
      ...(singleBest ? { singleBest } : {}),
      ...(equalMacs ? { equalMacs } : {}),
      dataParallel: dataParallelBaseline(t),
    },
    searchMs,
  };
}
