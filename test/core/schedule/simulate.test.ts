import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCostTables } from '../../../src/core/cost/tables';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import { planFromSpec } from '../../../src/core/plan/types';
import type { Platform } from '../../../src/core/platform/types';
import { EVENT_KIND, measuredPeriodMs, simulate } from '../../../src/core/schedule/simulate';
import { arbNetwork, arbPlanSpec, arbPlatform } from '../../fixtures/arbitraries';
import { chain } from '../../fixtures/networks';
import { twoProcessors } from '../../fixtures/platforms';

const unitsOf = (platform: Platform) => (id: string) => platform.processors.find((p) => p.id === id)?.units ?? 1;

describe('simulate', () => {
  it('produces one box per stage and frame plus link boxes, in lanes for processors and links', () => {
    const platform = twoProcessors();
    const e = evaluatePlan(
      buildCostTables(chain(), platform),
      planFromSpec({ cuts: [1], procs: ['fast', 'slow'] }, 3, unitsOf(platform)),
    );
    const s = simulate(e, { frames: 10 });
    expect(s.lanes.map((l) => l.kind)).toEqual(['processor', 'link', 'processor']);
    expect(s.start.length).toBe(30);
    // The first frame goes straight through: compute, transfer, compute.
    expect(s.frameDone[0]).toBeCloseTo(e.metrics.latencyMs, 12);
    for (let i = 0; i < s.start.length; i++) expect(s.end[i]).toBeGreaterThanOrEqual(s.start[i]!);
  });

  it('shows a transfer without DMA as a send box on the sender lane', () => {
    const platform = twoProcessors({ link: { overlapsCompute: false } });
    const e = evaluatePlan(
      buildCostTables(chain(), platform),
      planFromSpec({ cuts: [1], procs: ['fast', 'slow'] }, 3, unitsOf(platform)),
    );
    const s = simulate(e, { frames: 3 });
    const sends = [...s.kind].map((k, i) => [k, s.lane[i]]).filter(([k]) => k === EVENT_KIND.send);
    expect(sends).toHaveLength(3);
    expect(sends.every(([, lane]) => lane === 0)).toBe(true);
  });

  it('paces frames at the input interval when input is slower than the pipeline', () => {
    const platform = twoProcessors();
    const e = evaluatePlan(
      buildCostTables(chain(), platform),
      planFromSpec({ cuts: [1], procs: ['fast', 'slow'] }, 3, unitsOf(platform)),
    );
    const s = simulate(e, { frames: 5, inputIntervalMs: 1 });
    expect(measuredPeriodMs(s)).toBeCloseTo(1, 12);
  });

  it('reaches the evaluated period in steady state, never overlaps boxes on a lane, and keeps frames in order', () => {
    const cases = fc
      .tuple(arbNetwork(10), arbPlatform(4), fc.integer({ min: 1, max: 3 }))
      .chain(([net, platform, q]) =>
        fc.tuple(
          fc.constant(net),
          fc.constant(platform),
          fc.constant(q),
          arbPlanSpec(net.layers.length, platform.processors),
        ),
      );
    fc.assert(
      fc.property(cases, ([net, platform, q, spec]) => {
        const e = evaluatePlan(
          buildCostTables(net, platform),
          planFromSpec(spec, net.layers.length, unitsOf(platform)),
        );
        const frames = 8 * (e.stages.length * 2 + 2);
        const s = simulate(e, { frames, queueCapacity: q });
        expect(measuredPeriodMs(s)).toBeCloseTo(e.metrics.periodMs, 6);
        // Boxes on one lane never overlap (a resource serves one frame at a time).
        const byLane = new Map<number, [number, number][]>();
        for (let i = 0; i < s.start.length; i++) {
          const list = byLane.get(s.lane[i]!) ?? [];
          list.push([s.start[i]!, s.end[i]!]);
          byLane.set(s.lane[i]!, list);
        }
        for (const list of byLane.values()) {
          list.sort((a, b) => a[0] - b[0]);
          for (let i = 1; i < list.length; i++) expect(list[i]![0]).toBeGreaterThanOrEqual(list[i - 1]![1] - 1e-9);
        }
        for (let f = 1; f < frames; f++) expect(s.frameDone[f]).toBeGreaterThanOrEqual(s.frameDone[f - 1]!);
      }),
      { numRuns: 200 },
    );
  });
});
