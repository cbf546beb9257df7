import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCostTables, type CostTables } from '../../../src/core/cost/tables';
import type { Plan } from '../../../src/core/plan/types';
import { evaluateCompressedPlan } from '../../../src/core/strategies/quiltnet';
import { searchCompressedExact } from '../../../src/core/strategies/quiltnetExact';
import { arbSearchInstance } from '../../fixtures/arbitraries';

const LOSS = { 2: 0.3, 4: 0.6 };

/** Every plan on distinct one-unit processors, every ratio per cut: the least period within the budget. */
function bruteForce(t: CostTables, budget: number): number {
  const n = t.n;
  const P = t.processors.length;
  let best = Infinity;
  for (let mask = 0; mask < 1 << (n - 1); mask++) {
    const cuts = Array.from({ length: n - 1 }, (_, i) => i + 1).filter((_, i) => mask & (1 << i));
    const S = cuts.length + 1;
    if (S > P) continue;
    const bounds = [0, ...cuts, n];
    const orders = (prefix: number[]): number[][] =>
      prefix.length === S
        ? [prefix]
        : Array.from({ length: P }, (_, p) => p)
            .filter((p) => !prefix.includes(p))
            .flatMap((p) => orders([...prefix, p]));
    for (const order of orders([])) {
      const plan: Plan = {
        stages: order.map((p, i) => ({
          from: bounds[i]!,
          to: bounds[i + 1]!,
          processor: t.processors[p]!.id,
          units: 1,
        })),
      };
      for (let a = 0; a < 3 ** (S - 1); a++) {
        const ratios = Array.from({ length: S - 1 }, (_, i) => [1, 2, 4][Math.floor(a / 3 ** i) % 3]!);
        const e = evaluateCompressedPlan(t, plan, ratios, undefined, LOSS);
        if (e.valid && e.accuracyLossPct <= budget + 1e-12) best = Math.min(best, e.metrics.periodMs);
      }
    }
  }
  return best;
}

describe('exact QuiltNet search (whole processors, one stage each)', () => {
  it('finds the period brute force finds, on random small networks and platforms', () => {
    fc.assert(
      fc.property(arbSearchInstance(6), fc.constantFrom(0, 0.3, 0.7, 1.5), ({ net, platform }, budget) => {
        const oneUnit = { ...platform, processors: platform.processors.slice(0, 3).map((p) => ({ ...p, units: 1 })) };
        const t = buildCostTables(net, oneUnit);
        const expected = bruteForce(t, budget);
        const found = searchCompressedExact(t, { ratios: [2, 4], accuracyLossPct: LOSS, maxAccuracyLossPct: budget });
        if (!Number.isFinite(expected)) {
          expect(found).toBeUndefined();
          return;
        }
        expect(found).toBeDefined();
        expect(found!.periodMs).toBeCloseTo(expected, 9);
        const e = evaluateCompressedPlan(t, found!.plan, found!.ratios, undefined, LOSS);
        expect(e.valid).toBe(true);
        expect(e.metrics.periodMs).toBeCloseTo(expected, 9);
        expect(e.accuracyLossPct).toBeLessThanOrEqual(budget + 1e-9);
      }),
      { numRuns: 120 },
    );
  }, 120_000);
});
