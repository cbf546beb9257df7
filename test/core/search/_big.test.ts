import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCostTables } from '../../../src/core/cost/tables';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import { bruteForceBest } from '../../../src/core/search/bruteForce';
import { searchMinPeriod } from '../../../src/core/search/minPeriod';
import { arbSearchInstance } from '../../fixtures/arbitraries';

describe('searchMinPeriod', () => {
  it('finds the period brute force finds, on random small networks and platforms', () => {
    fc.assert(
      fc.property(arbSearchInstance(), ({ net, platform }) => {
        const t = buildCostTables(net, platform);
        const brute = bruteForceBest(t, (e) => e.metrics.periodMs);
        const found = searchMinPeriod(t);
        if (!brute) {
          expect(found).toBeUndefined();
          return;
        }
        expect(found).toBeDefined();
        const e = evaluatePlan(t, found!.plan);
        expect(e.valid).toBe(true);
        expect(e.metrics.periodMs).toBeCloseTo(found!.periodMs, 9);
        expect(e.metrics.periodMs).toBeLessThanOrEqual(brute.score * (1 + 1e-9));
        expect(e.metrics.periodMs).toBeGreaterThanOrEqual(brute.score * (1 - 1e-9));
      }),
      { numRuns: 1000, endOnFailure: true },
    );
  });
});
