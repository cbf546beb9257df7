import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSweepKernel } from '../../../src/cli/sweepKernel';
import { buildCostTables } from '../../../src/core/cost/tables';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import { platformById } from '../../../src/core/platform/presets';
import { EnergySweep } from '../../../src/core/search/energySweep';
import {
  createEnergySweep,
  EnergySweepWasm,
  hasSweepKernel,
  setSweepKernel,
} from '../../../src/core/search/energySweepWasm';
import { searchMinPeriod } from '../../../src/core/search/minPeriod';
import { paretoFront } from '../../../src/core/search/pareto';
import { zooNetwork } from '../../../src/core/zoo';
import { arbConstrainedInstance, constraintsOf } from '../../fixtures/arbitraries';

/** Random instances with optional pins and stage limit, and limits around the best period. */
const cases = fc
  .tuple(
    arbConstrainedInstance(10, 4),
    fc.array(fc.double({ min: 0.8, max: 4, noNaN: true }), { minLength: 1, maxLength: 8 }),
  )
  .map(([instance, scales]) => ({ ...instance, scales }));

const stagesOf = (found: { plan: { stages: readonly object[] } } | undefined) => found?.plan.stages;

describe('EnergySweepWasm (the sweep compiled to WebAssembly)', () => {
  afterEach(() => {
    // Tests below take the kernel away; every other test expects it.
    if (!hasSweepKernel()) loadSweepKernel();
  });

  it('is what the test set-up gives the core', () => {
    expect(hasSweepKernel()).toBe(true);
    expect(createEnergySweep(buildCostTables(zooNetwork('alexnet'), platformById('hikey970')))).toBeInstanceOf(
      EnergySweepWasm,
    );
  });

  it('gives the JavaScript sweep’s answers, plans and work at every limit of a falling sequence', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const t = buildCostTables(c.net, c.platform);
        const base = constraintsOf(t, c);
        const best = searchMinPeriod(t, base)?.periodMs ?? 1;
        const limits = [Infinity, best, ...c.scales.map((s) => s * best)].sort((a, b) => b - a);
        const js = new EnergySweep(t, base);
        const wasm = new EnergySweepWasm(t, base);
        for (const limit of limits) {
          const a = js.solve(limit);
          const b = wasm.solve(limit);
          expect(b?.cost).toBe(a?.cost);
          expect(stagesOf(b)).toEqual(stagesOf(a));
          expect(wasm.recomputed).toBe(js.recomputed);
        }
      }),
      { numRuns: 120, endOnFailure: true },
    );
  });

  it('gives the same Pareto fronts as the JavaScript fallback on zoo networks', () => {
    for (const [model, preset] of [
      ['resnet50', 'snapdragon855'],
      ['mobilenet_v2', 'hikey970'],
      ['squeezenet1_1', 'rpi4x4'],
    ] as const) {
      const t = buildCostTables(zooNetwork(model), platformById(preset));
      const compiled = paretoFront(t).front;
      setSweepKernel(undefined);
      const fallback = paretoFront(t).front;
      loadSweepKernel();
      expect(compiled.length).toBeGreaterThan(0);
      expect(compiled.map((f) => f.plan)).toEqual(fallback.map((f) => f.plan));
      expect(compiled.map((f) => f.evaluation.metrics.energyPerFrameMj)).toEqual(
        fallback.map((f) => f.evaluation.metrics.energyPerFrameMj),
      );
    }
  });

  it('stops with CANCELLED when asked to, and the next sweep still works', () => {
    const t = buildCostTables(zooNetwork('resnet50'), platformById('snapdragon855'));
    let asked = 0;
    const sweep = new EnergySweepWasm(t, { isCancelled: () => ++asked > 3 });
    // The kernel asks every 1,024 recomputations; the front takes about 195,000.
    expect(() => {
      for (let limit = Infinity; ;) {
        const found = sweep.solve(limit);
        if (!found) break;
        limit = evaluatePlan(t, found.plan).metrics.periodMs * (1 - 1e-11);
      }
    }).toThrow(/cancelled/i);
    expect(asked).toBeGreaterThan(3);
    const again = new EnergySweepWasm(t);
    expect(again.solve(Infinity)?.cost).toBe(new EnergySweep(t).solve(Infinity)?.cost);
  });

  it('lets only the newest sweep run: an older one stops with CANCELLED', () => {
    const t = buildCostTables(zooNetwork('alexnet'), platformById('hikey970'));
    const older = new EnergySweepWasm(t);
    expect(older.solve(Infinity)).toBeDefined();
    const newer = new EnergySweepWasm(t);
    expect(() => older.solve(50)).toThrow(/cancelled/i);
    expect(newer.solve(50)?.cost).toBe(new EnergySweep(t).solve(50)?.cost);
  });

  it('gives a sweep above 64 MB a memory of its own, which a newer sweep does not take over', () => {
    const big = buildCostTables(zooNetwork('inception_v3'), platformById('rpi4x4'));
    const small = buildCostTables(zooNetwork('alexnet'), platformById('hikey970'));
    const own = new EnergySweepWasm(big);
    expect(own.ownsMemory).toBe(true);
    const shared = new EnergySweepWasm(small);
    expect(shared.ownsMemory).toBe(false);
    const reference = new EnergySweep(big);
    const first = reference.solve(Infinity)!;
    expect(own.solve(Infinity)?.cost).toBe(first.cost);
    const limit = evaluatePlan(big, first.plan).metrics.periodMs * 0.9;
    expect(own.solve(limit)?.cost).toBe(reference.solve(limit)?.cost);
    expect(shared.solve(Infinity)?.cost).toBe(new EnergySweep(small).solve(Infinity)?.cost);
  });

  it('falls back to the JavaScript sweep without a kernel', () => {
    setSweepKernel(undefined);
    const t = buildCostTables(zooNetwork('alexnet'), platformById('hikey970'));
    expect(createEnergySweep(t)).toBeInstanceOf(EnergySweep);
    expect(() => new EnergySweepWasm(t)).toThrow(/kernel/);
  });
});
