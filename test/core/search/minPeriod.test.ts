import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCostTables } from '../../../src/core/cost/tables';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import { bruteForceBest } from '../../../src/core/search/bruteForce';
import { LiveStates } from '../../../src/core/search/liveStates';
import { searchMinPeriod, searchMinPeriodFast } from '../../../src/core/search/minPeriod';
import { MinMaxStaircase } from '../../../src/core/search/staircase';
import { arbSearchInstance } from '../../fixtures/arbitraries';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

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
      { numRuns: 150, endOnFailure: true },
    );
  });

  it('with a floor, answers max(optimum, floor), and above the floor with an optimal plan', () => {
    fc.assert(
      fc.property(arbSearchInstance(), fc.double({ min: 0.3, max: 1.7, noNaN: true }), ({ net, platform }, f) => {
        const t = buildCostTables(net, platform);
        const best = searchMinPeriod(t);
        if (!best) return;
        const floorMs = best.periodMs * f;
        const found = searchMinPeriod(t, { floorMs });
        expect(found).toBeDefined();
        expect(close(found!.periodMs, Math.max(best.periodMs, floorMs))).toBe(true);
        if (found!.periodMs > floorMs) {
          expect(close(evaluatePlan(t, found!.plan).metrics.periodMs, best.periodMs)).toBe(true);
        }
      }),
      { numRuns: 100, endOnFailure: true },
    );
  });

  it('finds nothing below an upper bound under the optimum, and the optimum at the bound', () => {
    fc.assert(
      fc.property(arbSearchInstance(), ({ net, platform }) => {
        const t = buildCostTables(net, platform);
        const best = searchMinPeriod(t);
        if (!best) return;
        expect(searchMinPeriod(t, { upperBoundMs: best.periodMs * (1 - 1e-6) })).toBeUndefined();
        const atBound = searchMinPeriod(t, { upperBoundMs: best.periodMs });
        expect(atBound && close(atBound.periodMs, best.periodMs)).toBe(true);
      }),
      { numRuns: 100, endOnFailure: true },
    );
  });

  it('the passes agree with the plain search for every grid size, coarse grids included', () => {
    fc.assert(
      fc.property(arbSearchInstance(), fc.integer({ min: 1, max: 4 }), ({ net, platform }, grid) => {
        const t = buildCostTables(net, platform);
        const plain = searchMinPeriod(t);
        const fast = searchMinPeriodFast(t, {}, grid);
        expect(fast?.periodMs === undefined).toBe(plain?.periodMs === undefined);
        if (plain && fast) {
          expect(close(fast.periodMs, plain.periodMs)).toBe(true);
          expect(close(evaluatePlan(t, fast.plan).metrics.periodMs, plain.periodMs)).toBe(true);
        }
      }),
      { numRuns: 150, endOnFailure: true },
    );
  });

  it('with the default grid, short networks (16-40 layers) take a grid of a quarter of their layers and agree', () => {
    fc.assert(
      fc.property(arbSearchInstance(40), ({ net, platform }) => {
        fc.pre(net.layers.length >= 16);
        const t = buildCostTables(net, platform);
        const plain = searchMinPeriod(t);
        const fast = searchMinPeriodFast(t);
        expect(fast?.periodMs === undefined).toBe(plain?.periodMs === undefined);
        if (plain && fast) expect(close(evaluatePlan(t, fast.plan).metrics.periodMs, plain.periodMs)).toBe(true);
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });
});

describe('LiveStates', () => {
  it('removes in place by moving the last entry, and re-adds', () => {
    const live = new LiveStates(10);
    const stairs = [0, 1, 2].map(() => new MinMaxStaircase());
    live.add(3, stairs[0]!, 1, 2, 0, 1, 4);
    live.add(5, stairs[1]!, 2, 3, 0, 1, 1);
    live.add(7, stairs[2]!, 0, 1, 1, 2, 2);
    live.removeAt(0);
    expect(live.length).toBe(2);
    expect(live.has(3)).toBe(false);
    expect([live.state[0], live.r[0], live.U[0], live.s[0], live.kLo[0], live.kHi[0]]).toEqual([7, 0, 1, 1, 2, 2]);
    expect(live.stair[0]).toBe(stairs[2]);
    live.removeAt(1);
    expect(live.has(5)).toBe(false);
    expect(live.has(7)).toBe(true);
    live.add(3, stairs[0]!, 1, 2, 0, 1, 4);
    expect(live.length).toBe(2);
    expect(live.state[1]).toBe(3);
    live.removeAt(0);
    expect(live.state[0]).toBe(3);
    expect(live.has(3)).toBe(true);
    expect(live.has(7)).toBe(false);
  });
});
