import type { CostTables } from '../cost/tables';
import { ExplorerError } from '../errors';
import { evaluatePlan } from '../plan/evaluate';
import { energySweepBytes } from './energySweep';
import { createEnergySweep } from './energySweepWasm';
import { searchMinCost } from './minCost';
import { searchMinPeriodFast } from './minPeriod';
import { energyAboveIdleMj, fasterAtSameEnergy, idlePowerW } from './sameEnergy';
import type { Found, Pins } from './types';

export interface ParetoOptions {
  readonly maxStages?: number;
  readonly pins?: Pins;
  readonly isCancelled?: () => boolean;
  readonly onProgress?: (fraction: number) => void;
  /** Safety stop; the front is marked truncated when reached. */
  readonly maxPoints?: number;
  /** Memory the shared sweep may take (bytes, default `SWEEP_MAX_BYTES`); above it one exact search per point. */
  readonly maxSweepBytes?: number;
}

/**
 * The Pareto front of FPS against energy per frame (frames arriving as fast
 * as the pipeline takes them): every plan that no other plan beats on both.
 *
 * Energy per frame = (sum of idle powers) x period + energy above idle, so:
 * starting with no period limit, find the plan with the least energy above
 * idle under a period limit T (exact), then set T just below that plan's
 * period and repeat until no plan is fast enough. Every Pareto plan is weakly
 * dominated by one of the plans met on the way (the last one whose limit it
 * satisfied has no more energy above idle and no longer period), so filtering
 * them gives the exact front. The searches share one energy sweep (`createEnergySweep`: compiled
 * to WebAssembly where the kernel was given, else `EnergySweep`), which
 * keeps every state's exact value while the lower limit still allows its plan
 * prefix and recomputes, best-first, only what the answer needs.
 *
 * Complexity: `EnergySweep`'s set-up plus its recomputations over all limits.
 */
export function paretoFront(t: CostTables, options: ParetoOptions = {}): { front: Found[]; truncated: boolean } {
  const maxPoints = options.maxPoints ?? 500;
  const constraints = {
    ...(options.maxStages !== undefined ? { maxStages: options.maxStages } : {}),
    ...(options.pins ? { pins: options.pins } : {}),
    ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
  };
  // The sweep keeps every state's value; past a memory budget (huge unit spaces times a stage
  // limit) fall back to one exact search per front point, slower but small.
  const solver =
    energySweepBytes(t, options.maxStages) <= (options.maxSweepBytes ?? SWEEP_MAX_BYTES)
      ? createEnergySweep(t, constraints)
      : { solve: (maxPeriodMs: number) => searchMinCost(t, { objective: 'energy', maxPeriodMs, ...constraints }) };
  const met: Found[] = [];
  let limit = Infinity;
  let truncated = false;
  const idleW = idlePowerW(t);
  // The fastest plan, once idle energy weighs (see below); undefined until needed, null if none.
  let anchor: Found | null | undefined;
  for (;;) {
    if (options.isCancelled?.()) throw new ExplorerError('CANCELLED');
    if (met.length >= maxPoints) {
      truncated = true;
      break;
    }
    const solved = solver.solve(limit);
    if (!solved) break;
    let found: Found = { plan: solved.plan, evaluation: evaluatePlan(t, solved.plan) };
    // A faster plan at the same energy covers every limit down to its period: all plans met there
    // would use at least this energy (the least under `limit`) and be slower, so skip to it.
    const aboveIdle = energyAboveIdleMj(t, found.evaluation);
    const faster = fasterAtSameEnergy(
      t,
      found.plan,
      {
        maxAboveIdleMj: aboveIdle + Math.abs(aboveIdle) * PARETO_EPS,
        ...(options.maxStages !== undefined ? { maxStages: options.maxStages } : {}),
        ...(options.pins ? { pins: options.pins } : {}),
      },
      found.evaluation,
    );
    if (faster) found = faster;
    const period = found.evaluation.metrics.periodMs;
    met.push(found);
    // Below this period by more than rounding next time (periods within PARETO_EPS count as equal).
    limit = Math.min(period, limit) * (1 - PARETO_EPS);
    // Every plan under the last limit uses at least `aboveIdle` above idle, so one with period p at
    // least idleW * p + aboveIdle per frame: from the period where that reaches the fastest plan's
    // energy up to here, the fastest plan beats them all. Worth a max-FPS search only where idle
    // power makes up much of a frame's energy (clusters of boards): there most plans met are beaten so.
    if (anchor === undefined && idleW * period >= aboveIdle) {
      const fastest = searchMinPeriodFast(t, constraints);
      anchor = fastest ? { plan: fastest.plan, evaluation: evaluatePlan(t, fastest.plan) } : null;
      if (anchor) met.push(anchor);
    }
    if (anchor) {
      const skipTo = Math.max(
        anchor.evaluation.metrics.periodMs,
        (anchor.evaluation.metrics.energyPerFrameMj - aboveIdle) / idleW,
      );
      if (skipTo < limit) limit = skipTo;
    }
    if (met.length === 1) options.onProgress?.(0.1);
    else {
      const first = met[0]!.evaluation.metrics.periodMs;
      options.onProgress?.(Math.min(0.95, 0.1 + 0.85 * (1 - period / first)));
    }
  }
  options.onProgress?.(1);
  return { front: nonDominated(met), truncated };
}

/** Memory above which `paretoFront` does not build an `EnergySweep` (bytes). */
export const SWEEP_MAX_BYTES = 512e6;

/**
 * Relative difference below which two periods or two energies are one value. It sits far above
 * float rounding (~1e-15) and the search's slack on the period limit (1e-13), and below real
 * differences between plans. One tolerance for both axes keeps "covered" and "dominated"
 * consistent: the plan the loop keeps for a period is within PARETO_EPS of any plan it skipped.
 */
export const PARETO_EPS = 1e-11;

/**
 * Plans not beaten on both period and energy, fastest first. A slower plan must save more than
 * PARETO_EPS of energy to count; periods within PARETO_EPS are one point. O(m log m).
 */
export function nonDominated(plans: readonly Found[]): Found[] {
  const sorted = [...plans].sort(
    (a, b) =>
      a.evaluation.metrics.periodMs - b.evaluation.metrics.periodMs ||
      a.evaluation.metrics.energyPerFrameMj - b.evaluation.metrics.energyPerFrameMj,
  );
  const front: Found[] = [];
  let bestEnergy = Infinity;
  for (const f of sorted) {
    const { periodMs, energyPerFrameMj } = f.evaluation.metrics;
    if (energyPerFrameMj >= bestEnergy * (1 - PARETO_EPS)) continue;
    const last = front[front.length - 1];
    // Periods equal up to rounding: one point, the lower energy.
    if (last && periodMs <= last.evaluation.metrics.periodMs * (1 + PARETO_EPS)) front[front.length - 1] = f;
    else front.push(f);
    bestEnergy = energyPerFrameMj;
  }
  return front;
}
