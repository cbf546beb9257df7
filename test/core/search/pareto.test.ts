import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCostTables, type CostTables } from '../../../src/core/cost/tables';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import { allPlans } from '../../../src/core/search/bruteForce';
import { PARETO_EPS as EPS, paretoFront } from '../../../src/core/search/pareto';
import type { Pins } from '../../../src/core/search/types';
import { arbConstrainedInstance, arbSearchInstance, constraintsOf } from '../../fixtures/arbitraries';

type Point = readonly [period: number, energy: number];
/** a is at least as good as b on both, up to rounding. */
const weaklyBetter = (a: Point, b: Point) => a[0] <= b[0] * (1 + EPS) && a[1] <= b[1] * (1 + EPS);
/** Float rounding between two ways of adding up the same energy. */
const ROUNDING = 1e-14;
/**
 * a beats b clearly on one axis and is no worse on the other: on energy not even by rounding, so a
 * front point is truly non-dominated, while coverage (weaklyBetter) allows the front's tolerance.
 */
const dominates = (a: Point, b: Point) =>
  a[0] <= b[0] * (1 + EPS) && a[1] <= b[1] * (1 + ROUNDING) && (a[0] < b[0] * (1 - EPS) || a[1] < b[1] * (1 - EPS));

/** Instances with an optional stage limit and pins (a cut and a layer's processor). */
const constrained = arbConstrainedInstance(8, 3);

describe('paretoFront', () => {
  it('covers every valid plan and contains no dominated point (checked against all plans)', () => {
    fc.assert(
      fc.property(arbSearchInstance(8), ({ net, platform }) => checkFront(buildCostTables(net, platform), {})),
      { numRuns: 60, endOnFailure: true },
    );
  });

  it('does the same under a stage limit and pins', () => {
    fc.assert(
      fc.property(constrained, (c) => {
        const t = buildCostTables(c.net, c.platform);
        checkFront(t, constraintsOf(t, c));
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });
});

describe('paretoFront on one cluster of identical cores', () => {
  it('is exact where many plans share the least energy (re-cut runs of one-processor stages)', () => {
    // One processor with 3 or 4 units: every split into stages on it costs about the same energy.
    const clusters = arbSearchInstance(8).chain(({ net, platform }) =>
      fc.record({
        net: fc.constant(net),
        units: fc.integer({ min: 3, max: 4 }),
        maxStages: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
        pinCut: fc.option(fc.integer({ min: 1, max: Math.max(1, net.layers.length - 1) }), { nil: undefined }),
        platform: fc.constant(platform),
      }),
    );
    fc.assert(
      fc.property(clusters, (c) => {
        const cluster = { ...c.platform, processors: [{ ...c.platform.processors[0]!, units: c.units }] };
        const t = buildCostTables(c.net, cluster);
        checkFront(t, {
          ...(c.maxStages !== undefined ? { maxStages: c.maxStages } : {}),
          ...(c.pinCut !== undefined && c.pinCut < t.n ? { pins: { cuts: [c.pinCut] } } : {}),
        });
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });
});

describe('paretoFront where idle power dominates', () => {
  it('is exact when it skips to the fastest plan wherever that beats every plan in between', () => {
    // Idle at 60% of active power: a frame's energy is mostly idle x period, so the loop fetches
    // the fastest plan and jumps over the slow plans it beats.
    fc.assert(
      fc.property(constrained, (c) => {
        const idle = {
          ...c.platform,
          processors: c.platform.processors.map((p) => ({ ...p, idlePowerW: 0.6 * p.activePowerW })),
        };
        const t = buildCostTables(c.net, idle);
        checkFront(t, c.maxStages !== undefined ? { maxStages: c.maxStages } : {});
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });
});

describe('paretoFront without the shared sweep (memory fallback)', () => {
  it('gives the same front as with it', () => {
    fc.assert(
      fc.property(constrained, (c) => {
        const t = buildCostTables(c.net, c.platform);
        const options = c.maxStages !== undefined ? { maxStages: c.maxStages } : {};
        const points = (front: { evaluation: { metrics: { periodMs: number; energyPerFrameMj: number } } }[]) =>
          front.map((f) => [f.evaluation.metrics.periodMs, f.evaluation.metrics.energyPerFrameMj]);
        const swept = points(paretoFront(t, options).front);
        const repeated = points(paretoFront(t, { ...options, maxSweepBytes: 0 }).front);
        expect(swept.length).toBe(repeated.length);
        const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
        swept.forEach((p, i) => {
          expect(close(p[0]!, repeated[i]![0]!)).toBe(true);
          expect(close(p[1]!, repeated[i]![1]!)).toBe(true);
        });
      }),
      { numRuns: 40, endOnFailure: true },
    );
  });
});

/** The front against every valid plan brute force enumerates under the same constraints. */
function checkFront(t: CostTables, options: { maxStages?: number; pins?: Pins }): void {
  const all: Point[] = [];
  for (const plan of allPlans(t, options.maxStages, options.pins)) {
    const e = evaluatePlan(t, plan);
    if (e.valid) all.push([e.metrics.periodMs, e.metrics.energyPerFrameMj]);
  }
  const { front, truncated } = paretoFront(t, options);
  expect(truncated).toBe(false);
  const got: Point[] = front.map((f) => [f.evaluation.metrics.periodMs, f.evaluation.metrics.energyPerFrameMj]);
  expect(got.length > 0).toBe(all.length > 0);
  for (const p of all) expect(got.some((q) => weaklyBetter(q, p))).toBe(true);
  for (const q of got) expect(all.some((p) => dominates(p, q))).toBe(false);
  for (let i = 1; i < got.length; i++) {
    expect(got[i]![0]).toBeGreaterThan(got[i - 1]![0]); // faster first
    expect(got[i]![1]).toBeLessThan(got[i - 1]![1]); // and each slower point saves energy
  }
  for (const f of front) expect(f.evaluation.valid).toBe(true);
  if (options.maxStages !== undefined) {
    for (const f of front) expect(f.plan.stages.length).toBeLessThanOrEqual(options.maxStages);
  }
}
