import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCostTables } from '../../../src/core/cost/tables';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import type { Plan } from '../../../src/core/plan/types';
import { bruteForceBest } from '../../../src/core/search/bruteForce';
import { searchMinCost } from '../../../src/core/search/minCost';
import { searchMinPeriod, searchMinPeriodFast } from '../../../src/core/search/minPeriod';
import type { Pins } from '../../../src/core/search/types';
import { arbConstrainedInstance, pinsOf } from '../../fixtures/arbitraries';

const RUNS = { numRuns: 80, endOnFailure: true };
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Instances plus pins and a stage limit drawn to fit them. */
const withConstraints = fc
  .tuple(arbConstrainedInstance(10, 4), fc.double({ min: 1, max: 3, noNaN: true }))
  .map(([instance, periodScale]) => ({ ...instance, periodScale }));

function respectsPins(plan: Plan, pins: Pins): boolean {
  const cuts = plan.stages.slice(1).map((s) => s.from);
  if ((pins.cuts ?? []).some((c) => !cuts.includes(c))) return false;
  return (pins.layers ?? []).every((l) =>
    plan.stages.some((s) => s.from <= l.layer && l.layer < s.to && s.processor === l.processor),
  );
}

describe('exact search against brute force', () => {
  it('max FPS with a stage limit and pins (both passes agree)', () => {
    fc.assert(
      fc.property(withConstraints, (c) => {
        const t = buildCostTables(c.net, c.platform);
        const pins = pinsOf(t, c);
        const opts = { ...(c.maxStages !== undefined ? { maxStages: c.maxStages } : {}), pins };
        const brute = bruteForceBest(t, (e) => e.metrics.periodMs, opts);
        for (const found of [searchMinPeriod(t, opts), searchMinPeriodFast(t, opts, 2)]) {
          if (!brute) {
            expect(found).toBeUndefined();
            continue;
          }
          expect(found).toBeDefined();
          const e = evaluatePlan(t, found!.plan);
          expect(e.valid).toBe(true);
          expect(respectsPins(found!.plan, pins)).toBe(true);
          if (c.maxStages !== undefined) expect(found!.plan.stages.length).toBeLessThanOrEqual(c.maxStages);
          expect(close(e.metrics.periodMs, brute.score)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it.each(['latency', 'energy'] as const)(
    'min %s subject to an FPS target, with a stage limit and pins',
    (objective) => {
      fc.assert(
        fc.property(withConstraints, (c) => {
          const t = buildCostTables(c.net, c.platform);
          const pins = pinsOf(t, c);
          const base = { ...(c.maxStages !== undefined ? { maxStages: c.maxStages } : {}), pins };
          const fastest = bruteForceBest(t, (e) => e.metrics.periodMs, base);
          if (!fastest) return;
          // A target between the best period and three times it, so the constraint binds sometimes.
          const T = fastest.score * c.periodScale;
          const inputFps = 1000 / T;
          const brute = bruteForceBest(
            t,
            (e) =>
              e.metrics.periodMs > T * (1 + 1e-13)
                ? Infinity
                : objective === 'latency'
                  ? e.metrics.latencyMs
                  : e.metrics.energyPerFrameMj,
            { ...base, inputFps },
          );
          const found = searchMinCost(t, { objective, maxPeriodMs: T, ...base });
          expect(found).toBeDefined();
          const e = evaluatePlan(t, found!.plan, { inputFps });
          expect(e.valid).toBe(true);
          expect(respectsPins(found!.plan, pins)).toBe(true);
          expect(e.metrics.periodMs).toBeLessThanOrEqual(T * (1 + 1e-13));
          const score = objective === 'latency' ? e.metrics.latencyMs : e.metrics.energyPerFrameMj;
          expect(close(score, brute!.score)).toBe(true);
          if (objective === 'latency') expect(close(found!.cost, score)).toBe(true);
        }),
        RUNS,
      );
    },
  );
});
