import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCostTables, type CostTables } from '../../../src/core/cost/tables';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import type { Plan } from '../../../src/core/plan/types';
import { EnergySweep } from '../../../src/core/search/energySweep';
import { searchMinCost } from '../../../src/core/search/minCost';
import { searchMinPeriod } from '../../../src/core/search/minPeriod';
import { buildNetwork } from '../../../src/core/model/build';
import { allPlans } from '../../../src/core/search/bruteForce';
import { arbConstrainedInstance, arbNetworkSpec, arbSearchInstance, constraintsOf } from '../../fixtures/arbitraries';
import { layer, vectors } from '../../fixtures/networks';
import { link, proc } from '../../fixtures/platforms';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Energy above idle of a plan: what both searches minimize. */
function aboveIdle(t: CostTables, plan: Plan): number {
  const m = evaluatePlan(t, plan).metrics;
  const idle = t.processors.reduce((sum, p) => sum + p.idlePowerW, 0);
  return m.energyPerFrameMj - idle * m.periodMs;
}

/** Instances with optional pins and stage limit, and a falling sequence of period limits around the best period. */
const cases = fc
  .tuple(
    arbConstrainedInstance(10, 4),
    // Limits as multiples of the best period, sorted falling below; some below 1 (infeasible).
    fc.array(fc.double({ min: 0.8, max: 4, noNaN: true }), { minLength: 1, maxLength: 8 }),
  )
  .map(([instance, scales]) => ({ ...instance, scales }));

describe('EnergySweep', () => {
  it('finds the optimum of searchMinCost at every limit of a falling sequence, with pins and stage limits', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const t = buildCostTables(c.net, c.platform);
        const base = constraintsOf(t, c);
        const pins = base.pins;
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

  it("agrees with searchMinCost at limits equal to plans' own periods, even after a huge first layer", () => {
    // Prefixes far larger than the stages at the limit: each search must add up a stage's busy time
    // as evaluation does, or one keeps a plan right at the limit that the other loses to rounding.
    const instances = fc
      .tuple(arbNetworkSpec(4), arbSearchInstance(1), fc.constantFrom(1, 1e2, 1e3, 1e4))
      .map(([spec, { platform }, scale]) => ({
        net: buildNetwork({
          ...spec,
          layers: spec.layers.map((l, i) => (i === 0 ? { ...l, macs: l.macs * scale } : l)),
        }),
        platform,
      }));
    fc.assert(
      fc.property(instances, ({ net, platform }) => {
        const t = buildCostTables(net, platform);
        const periods = [...allPlans(t)].map((plan) => evaluatePlan(t, plan)).filter((e) => e.valid);
        // The periods evaluation gives, and the max-FPS search's own figure for the fastest plan.
        const fastest = searchMinPeriod(t)?.periodMs;
        const limits = [...new Set([...periods.map((e) => e.metrics.periodMs), ...(fastest ? [fastest] : [])])]
          .filter((limit) => limit >= (fastest ?? 0))
          .sort((a, b) => b - a);
        const sweep = new EnergySweep(t);
        for (const limit of limits) {
          const expected = searchMinCost(t, { objective: 'energy', maxPeriodMs: limit });
          const got = sweep.solve(limit);
          // A plan has exactly this period, so both must find one, of the same energy, within the
          // searches' slack of one part in 10^13 (checked by evaluation; a last bit more for transfers).
          expect(expected !== undefined && got !== undefined).toBe(true);
          expect(close(got!.cost, expected!.cost)).toBe(true);
          for (const plan of [got!.plan, expected!.plan]) {
            expect(evaluatePlan(t, plan).metrics.periodMs).toBeLessThanOrEqual(limit * (1 + 1.05e-13));
          }
        }
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });

  it('holds a limit just below a plan after a first layer a million times longer (both searches)', () => {
    // "slow" spends 1e6 ms on layer 0 and 100 ms on layer 1, so its stage [1, 2) is a difference of
    // prefixes near 1e6 ms: a search that rounds P[1] >= P[2] - T instead of adding P[2] - P[1] as
    // evaluation does lets the cheap split through at a limit just below its period.
    const net = buildNetwork({
      id: 'huge-first',
      name: 'Huge first layer',
      dtype: 'float32',
      tensors: vectors(4, 4, 4),
      layers: [layer('big', [0], 1, { macs: 1e10 }), layer('small', [1], 2, { ops: 1e6 }, 'elementwise')],
      inputs: [0],
      outputs: [2],
    });
    const effs = (elementwise: number) => ({ conv: 1, depthwise: 1, gemm: 1, elementwise, pooling: 1, memory: 1 });
    const t = buildCostTables(net, {
      id: 'two',
      name: 'Two',
      description: 'fixture',
      line: 'test',
      processors: [
        proc('fast', { peakGmacsPerUnit: 1e4, efficiency: effs(1e-4), activePowerW: 100, idlePowerW: 0 }),
        proc('slow', { peakGmacsPerUnit: 0.01, activePowerW: 0.01, idlePowerW: 0 }),
      ],
      links: [link({ bandwidthGBs: 1e6 })],
      sources: [],
    });
    const split = evaluatePlan(t, {
      stages: [
        { from: 0, to: 1, processor: 'fast', units: 1 },
        { from: 1, to: 2, processor: 'slow', units: 1 },
      ],
    });
    expect(split.valid).toBe(true);
    expect(split.metrics.bottleneck.index).toBe(1);
    for (const limit of [split.metrics.periodMs, split.metrics.periodMs * (1 - 3e-13)]) {
      const sweep = new EnergySweep(t);
      for (const found of [searchMinCost(t, { objective: 'energy', maxPeriodMs: limit }), sweep.solve(limit)]) {
        expect(evaluatePlan(t, found!.plan).metrics.periodMs).toBeLessThanOrEqual(limit * (1 + 1.05e-13));
        // At the split's own period the split is the cheapest plan; just below, only "fast" alone fits.
        expect(found!.plan.stages.length).toBe(limit === split.metrics.periodMs ? 2 : 1);
      }
    }
  });

  it('skips the states a falling limit makes unreachable instead of recomputing them one by one', () => {
    // 40 equal layers; "cheap" and "dear" are equally fast, "cheap" spends a tenth of the energy.
    // With no limit "cheap" runs everything. Under 25 ms "cheap" can reach layer 25 at most, so the
    // best plan is cheap [0, 25) + dear [25, 40). The stale bounds of cheap-only prefixes ending
    // after 25 look best of all; recomputing them would take one settle each (14 of them).
    const n = 40;
    const net = buildNetwork({
      id: 'equal-chain',
      name: 'Equal chain',
      dtype: 'float32',
      tensors: vectors(...Array.from({ length: n + 1 }, () => 1)),
      layers: Array.from({ length: n }, (_, i) => layer(`l${i}`, [i], i + 1, { macs: 1e6 })),
      inputs: [0],
      outputs: [n],
    });
    const t = buildCostTables(net, {
      id: 'pair',
      name: 'Pair',
      description: 'fixture',
      line: 'test',
      processors: [
        proc('cheap', { activePowerW: 0.1, idlePowerW: 0 }),
        proc('dear', { activePowerW: 1, idlePowerW: 0 }),
      ],
      links: [link({ bandwidthGBs: 1e6, latencyUs: 0 })],
      sources: [],
    });
    const layerMs = evaluatePlan(t, { stages: [{ from: 0, to: 1, processor: 'cheap', units: 1 }] }).metrics.periodMs;
    const sweep = new EnergySweep(t);
    expect(sweep.solve(Infinity)!.plan.stages).toHaveLength(1);
    const before = sweep.recomputed;
    const found = sweep.solve(25.5 * layerMs)!;
    expect(found.plan.stages.map((s) => [s.processor, s.from, s.to])).toEqual([
      ['cheap', 0, 25],
      ['dear', 25, 40],
    ]);
    expect(sweep.recomputed - before).toBeLessThanOrEqual(2);
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
