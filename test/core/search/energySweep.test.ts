import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCostTables, type CostTables } from '../../../src/core/cost/tables';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import type { Plan } from '../../../src/core/plan/types';
import { EnergySweep } from '../../../src/core/search/energySweep';
import { searchMinCost } from '../../../src/core/search/minCost';
import { searchMinPeriod } from '../../../src/core/search/minPeriod';
import type { Pins } from '../../../src/core/search/types';
import { arbSearchInstance } from '../../fixtures/arbitraries';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Energy above idle of a plan: what both searches minimize. */
function aboveIdle(t: CostTables, plan: Plan): number {
  const m = evaluatePlan(t, plan).metrics;
  const idle = t.processors.reduce((sum, p) => sum + p.idlePowerW, 0);
  return m.energyPerFrameMj - idle * m.periodMs;
}

/** Instances with optional pins and stage limit, and a falling sequence of period limits around the best period. */
const cases = arbSearchInstance(10).chain(({ net, platform }) =>
  fc.record({
    net: fc.constant(net),
    platform: fc.constant(platform),
    maxStages: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    pinCut: fc.option(fc.integer({ min: 1, max: Math.max(1, net.layers.length - 1) }), { nil: undefined }),
    pinLayer: fc.option(
      fc.record({
        layer: fc.integer({ min: 0, max: net.layers.length - 1 }),
        p: fc.nat(platform.processors.length - 1),
      }),
      { nil: undefined },
    ),
    // Limits as multiples of the best period, sorted falling below; some below 1 (infeasible).
    scales: fc.array(fc.double({ min: 0.8, max: 4, noNaN: true }), { minLength: 1, maxLength: 8 }),
  }),
);

describe('EnergySweep', () => {
  it('finds the optimum of searchMinCost at every limit of a falling sequence, with pins and stage limits', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const t = buildCostTables(c.net, c.platform);
        const pins: Pins = {
          ...(c.pinCut !== undefined && c.pinCut < t.n ? { cuts: [c.pinCut] } : {}),
          ...(c.pinLayer ? { layers: [{ layer: c.pinLayer.layer, processor: t.processors[c.pinLayer.p]!.id }] } : {}),
        };
        const base = { ...(c.maxStages !== undefined ? { maxStages: c.maxStages } : {}), pins };
        const fastest = searchMinPeriod(t, base);
        const sweep = new EnergySweep(t, base);
        // The exact best period itself is the tightest limit a plan meets: a tie case worth covering.
        const best = fastest?.periodMs ?? 1;
        const limits = [Infinity, best, ...c.scales.map((s) => s * best)].sort((a, b) => b - a);
        for (const limit of limits) {
          const expected = searchMinCost(t, { objective: 'energy', maxPeriodMs: limit, ...base });
          const got = sweep.solve(limit);
          expect(got === undefined).toBe(expected === undefined);
          if (!got || !expected) continue;
          const e = evaluatePlan(t, got.plan);
          expect(e.valid).toBe(true);
          expect(e.metrics.periodMs).toBeLessThanOrEqual(limit * (1 + 1e-12));
          if (c.maxStages !== undefined) expect(got.plan.stages.length).toBeLessThanOrEqual(c.maxStages);
          const cuts = got.plan.stages.slice(1).map((s) => s.from);
          for (const cut of pins.cuts ?? []) expect(cuts).toContain(cut);
          expect(close(got.cost, expected.cost)).toBe(true);
          expect(close(aboveIdle(t, got.plan), got.cost)).toBe(true);
        }
      }),
      { numRuns: 80, endOnFailure: true },
    );
  });

  it('answers the same limit again without recomputing anything', () => {
    fc.assert(
      fc.property(arbSearchInstance(8), fc.double({ min: 1, max: 3, noNaN: true }), ({ net, platform }, scale) => {
        const t = buildCostTables(net, platform);
        const fastest = searchMinPeriod(t);
        if (!fastest) return;
        const sweep = new EnergySweep(t);
        const first = sweep.solve(fastest.periodMs * scale);
        const work = sweep.recomputed;
        const again = sweep.solve(fastest.periodMs * scale);
        expect(sweep.recomputed).toBe(work);
        expect(again?.cost).toBe(first?.cost);
      }),
      { numRuns: 30 },
    );
  });

  it('answers the same limit again without recomputing, even among equal-energy plans (twin processors)', () => {
    // Twins give many plans of exactly equal energy; the answer must stay on top of the finals.
    const twins = arbSearchInstance(8).map(({ net, platform }) => ({
      net,
      platform: { ...platform, processors: [platform.processors[0]!, { ...platform.processors[0]!, id: 'twin' }] },
    }));
    fc.assert(
      fc.property(twins, fc.constantFrom(1, 1.5, 2, Infinity), ({ net, platform }, scale) => {
        const t = buildCostTables(net, platform);
        const fastest = searchMinPeriod(t);
        if (!fastest) return;
        const sweep = new EnergySweep(t);
        for (const limit of [fastest.periodMs * scale, fastest.periodMs]) {
          const first = sweep.solve(limit);
          const work = sweep.recomputed;
          expect(sweep.solve(limit)?.cost).toBe(first?.cost);
          expect(sweep.recomputed).toBe(work);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a limit above the previous one (its saved states only hold for falling limits)', () => {
    fc.assert(
      fc.property(arbSearchInstance(6), ({ net, platform }) => {
        const t = buildCostTables(net, platform);
        const sweep = new EnergySweep(t);
        sweep.solve(100);
        expect(() => sweep.solve(200)).toThrow(/must not increase/);
      }),
      { numRuns: 5 },
    );
  });
});
