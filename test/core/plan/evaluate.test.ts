import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerTimeMs, stageActivePowerW } from '../../../src/core/cost/layerCost';
import { buildCostTables } from '../../../src/core/cost/tables';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import { checkCuts, planFromSpec } from '../../../src/core/plan/types';
import type { Platform } from '../../../src/core/platform/types';
import { arbNetwork, arbPlanSpec, arbPlatform } from '../../fixtures/arbitraries';
import { chain, residual } from '../../fixtures/networks';
import { proc, twoProcessors } from '../../fixtures/platforms';

const unitsOf = (platform: Platform) => (id: string) => platform.processors.find((p) => p.id === id)?.units ?? 1;

describe('evaluatePlan', () => {
  it('puts the bottleneck on the slowest resource and derives FPS from it', () => {
    const platform = twoProcessors();
    const t = buildCostTables(chain(), platform);
    // a (100 MACs) on fast: 100 / 2e9 s = 5e-5 ms; b + c (500 MACs) on slow x4 (speed-up 1/(0.2+0.8/4)=2.5): 2e-4 ms.
    const e = evaluatePlan(t, planFromSpec({ cuts: [1], procs: ['fast', 'slow'] }, 3, unitsOf(platform)));
    expect(e.valid).toBe(true);
    expect(e.stages[0]!.computeMs).toBeCloseTo(5e-5, 12);
    expect(e.stages[1]!.computeMs).toBeCloseTo(2e-4, 12);
    // Transfer of 80 bytes at 1 GB/s: 8e-5 ms, on an overlapping link.
    expect(e.stages[0]!.transferMs).toBeCloseTo(8e-5, 12);
    expect(e.metrics.periodMs).toBeCloseTo(2e-4, 12);
    expect(e.metrics.bottleneck.kind).toBe('stage');
    expect(e.metrics.bottleneck.index).toBe(1);
    expect(e.metrics.fps).toBeCloseTo(1000 / 2e-4, 3);
    expect(e.metrics.latencyMs).toBeCloseTo(5e-5 + 8e-5 + 2e-4, 12);
  });

  it('charges idle power over the period, active power while busy and link energy per byte', () => {
    const platform = twoProcessors();
    const t = buildCostTables(chain(), platform);
    const e = evaluatePlan(
      t,
      planFromSpec({ cuts: [1], procs: ['fast', 'slow'], units: [1, 2] }, 3, unitsOf(platform)),
    );
    const period = e.metrics.periodMs;
    const [s0, s1] = e.stages;
    const expected =
      (1 + 0.5) * period + // idle of both processors over the period (W x ms = mJ)
      (4 - 1) * 1 * s0!.busyMs + // fast: full share
      (2 - 0.5) * (2 / 4) * s1!.busyMs + // slow: half its units
      (10 * 80) / 1e9; // 10 pJ/B x 80 B
    expect(e.metrics.energyPerFrameMj).toBeCloseTo(expected, 15);
    expect(e.metrics.avgPowerW).toBeCloseTo(expected / period, 9);
  });

  it('makes a transfer without DMA occupy the sender only', () => {
    const platform = twoProcessors({ link: { overlapsCompute: false, bandwidthGBs: 1e-6 } });
    const t = buildCostTables(chain(), platform);
    const e = evaluatePlan(t, planFromSpec({ cuts: [1], procs: ['fast', 'slow'] }, 3, unitsOf(platform)));
    const x = 80; // 80 B at 1e-6 GB/s (1 kB/s) = 80 ms
    expect(e.stages[0]!.busyMs).toBeCloseTo(e.stages[0]!.computeMs + x, 9);
    expect(e.stages[1]!.busyMs).toBe(e.stages[1]!.computeMs);
    expect(e.metrics.periodMs).toBeCloseTo(e.stages[0]!.busyMs, 9);
  });

  it('reports a slow overlapping link as the bottleneck', () => {
    const platform = twoProcessors({ link: { bandwidthGBs: 1e-9 } });
    const e = evaluatePlan(
      buildCostTables(residual(), platform),
      planFromSpec({ cuts: [2], procs: ['fast', 'slow'] }, 5, unitsOf(platform)),
    );
    expect(e.metrics.bottleneck.kind).toBe('transfer');
    expect(e.metrics.periodMs).toBeCloseTo((192 / 1) * 1000, 6); // 192 B at 1 B/s
  });

  it('reports units exceeded, unsupported ops, memory and unknown processors without throwing', () => {
    const platform: Platform = {
      ...twoProcessors(),
      processors: [proc('fast', { supports: ['conv'], memoryMB: 1e-6 }), proc('slow', { units: 4 })],
    };
    const t = buildCostTables(residual(), platform);
    const e = evaluatePlan(t, {
      stages: [
        { from: 0, to: 4, processor: 'fast', units: 1 },
        { from: 4, to: 5, processor: 'slow', units: 3 },
      ],
    });
    expect(e.valid).toBe(false);
    const codes = e.problems.map((p) => p.code);
    expect(codes).toContain('UNSUPPORTED_OP');
    expect(codes).toContain('MEMORY_EXCEEDED');
    expect(e.problems.find((p) => p.code === 'UNSUPPORTED_OP')!.message).toMatch(/"add"/);
    const twice = evaluatePlan(t, {
      stages: [
        { from: 0, to: 2, processor: 'slow', units: 3 },
        { from: 2, to: 4, processor: 'slow', units: 2 },
        { from: 4, to: 5, processor: 'ghost', units: 1 },
      ],
    });
    expect(twice.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['UNITS_EXCEEDED', 'UNKNOWN_PROCESSOR']));
    const empty = evaluatePlan(t, {
      stages: [
        { from: 0, to: 0, processor: 'slow', units: 1 },
        { from: 0, to: 5, processor: 'fast', units: 1 },
      ],
    });
    expect(empty.problems.map((p) => p.code)).toContain('EMPTY_STAGE');
  });

  it('computes the speed-up over the best single processor', () => {
    const platform = twoProcessors();
    const t = buildCostTables(chain(), platform);
    const single = evaluatePlan(t, planFromSpec({ cuts: [], procs: ['fast'] }, 3, unitsOf(platform)));
    // fast: 600 MACs / 2e9 = 3e-4 ms; slow x4: 600 / 1e9 / 2.5 = 2.4e-4 ms -> slow is best.
    expect(single.metrics.bestSingleProcessor).toBe('slow');
    expect(single.metrics.speedupOverBestSingle).toBeCloseTo(2.4e-4 / 3e-4, 9);
  });

  it('rejects unsorted, duplicated and out-of-range cuts', () => {
    expect(() => checkCuts([3, 2], 10)).toThrow(/sort/);
    expect(() => checkCuts([2, 2], 10)).toThrow(/twice/);
    expect(() => checkCuts([0], 10)).toThrow(/outside/);
    expect(() => checkCuts([10], 10)).toThrow(/outside/);
    expect(() => checkCuts([1.5], 10)).toThrow(/integer/);
  });

  describe('properties on random networks, platforms and plans', () => {
    const cases = fc
      .tuple(arbNetwork(12), arbPlatform(4))
      .chain(([net, platform]) =>
        fc.tuple(fc.constant(net), fc.constant(platform), arbPlanSpec(net.layers.length, platform.processors)),
      );

    it('never reports FPS above 1 / the slowest stage compute', () => {
      fc.assert(
        fc.property(cases, ([net, platform, spec]) => {
          const e = evaluatePlan(
            buildCostTables(net, platform),
            planFromSpec(spec, net.layers.length, unitsOf(platform)),
          );
          const slowest = Math.max(...e.stages.map((s) => s.computeMs));
          expect(e.metrics.fps).toBeLessThanOrEqual((1000 / slowest) * (1 + 1e-12));
        }),
      );
    });

    it("never reports energy below the sum of the stages' active energy", () => {
      fc.assert(
        fc.property(cases, ([net, platform, spec]) => {
          const e = evaluatePlan(
            buildCostTables(net, platform),
            planFromSpec(spec, net.layers.length, unitsOf(platform)),
          );
          const active = e.stages.reduce((a, s) => a + s.activeEnergyMj, 0);
          if (e.problems.some((p) => p.code === 'UNITS_EXCEEDED')) return; // over-subscribed units have no physical energy
          expect(e.metrics.energyPerFrameMj).toBeGreaterThanOrEqual(active * (1 - 1e-12));
        }),
      );
    });

    it('gives stage times equal to the sum of per-layer roofline times', () => {
      fc.assert(
        fc.property(cases, ([net, platform, spec]) => {
          const e = evaluatePlan(
            buildCostTables(net, platform),
            planFromSpec(spec, net.layers.length, unitsOf(platform)),
          );
          for (const s of e.stages) {
            const p = platform.processors.find((q) => q.id === s.processor)!;
            let sum = 0;
            for (let i = s.from; i < s.to; i++) sum += layerTimeMs(net.layers[i]!, p, s.units, net.dtype);
            expect(s.computeMs).toBeCloseTo(sum, 9);
            expect(s.activeEnergyMj).toBeCloseTo(stageActivePowerW(p, s.units) * s.busyMs, 9);
          }
        }),
      );
    });

    it('has a period no shorter than any stage or overlapping transfer', () => {
      fc.assert(
        fc.property(cases, ([net, platform, spec]) => {
          const e = evaluatePlan(
            buildCostTables(net, platform),
            planFromSpec(spec, net.layers.length, unitsOf(platform)),
          );
          for (const s of e.stages) {
            expect(e.metrics.periodMs).toBeGreaterThanOrEqual(s.busyMs);
            if (s.transferOverlaps) expect(e.metrics.periodMs).toBeGreaterThanOrEqual(s.transferMs);
          }
          expect(
            Math.max(
              ...e.stages.map((s) => s.busyMs),
              ...e.stages.filter((s) => s.transferOverlaps).map((s) => s.transferMs),
            ),
          ).toBe(e.metrics.periodMs);
        }),
      );
    });
  });
});
