import { describe, expect, it } from 'vitest';
import { buildCostTables } from '../../../src/core/cost/tables';
import { buildNetwork } from '../../../src/core/model/build';
import type { Network } from '../../../src/core/model/types';
import type { Platform } from '../../../src/core/platform/types';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import type { Plan } from '../../../src/core/plan/types';
import { paretoFront } from '../../../src/core/search/pareto';
import { energyAboveIdleMj, fasterAtSameEnergy } from '../../../src/core/search/sameEnergy';
import { layer, vectors } from '../../fixtures/networks';
import { link, proc } from '../../fixtures/platforms';

/** A chain of 40 layers of 1 MMAC each, with `weights(i)` bytes of weights (default 1 kB). */
function equalChain(weights: (i: number) => number = () => 1000): Network {
  return buildNetwork({
    id: 'equal',
    name: 'Equal chain',
    dtype: 'float32',
    tensors: vectors(...Array.from({ length: 41 }, () => 16)),
    layers: Array.from({ length: 40 }, (_, i) => layer(`l${i}`, [i], i + 1, { macs: 1e6, weightBytes: weights(i) })),
    inputs: [0],
    outputs: [40],
  });
}

/**
 * One cluster of four identical cores, as a phone's CPU cluster or a CMP quad. A fifth of the work
 * is serial, so a stage on more cores costs more energy: the least-energy plans use one core per stage.
 */
function quad(memoryMB = 1000): Platform {
  return {
    id: 'quad',
    name: 'Quad',
    description: 'fixture',
    line: 'test',
    processors: [proc('quad', { units: 4, memoryMB, serialFraction: 0.2 })],
    links: [link()],
    sources: [],
  };
}

const onQuad = (...cuts: number[]): Plan => {
  const ends = [0, ...cuts, 40];
  return { stages: ends.slice(1).map((to, i) => ({ from: ends[i]!, to, processor: 'quad', units: 1 })) };
};
const lengths = (plan: Plan) => plan.stages.map((s) => s.to - s.from);

describe('fasterAtSameEnergy', () => {
  const t = buildCostTables(equalChain(), quad());
  const layerMs = evaluatePlan(t, onQuad(39)).stages[1]!.computeMs;
  const energy = energyAboveIdleMj(t, evaluatePlan(t, onQuad(35)));
  const limit = energy * (1 + 1e-11);

  it('splits a run of one-unit stages over the free cores, evenly, at the same energy', () => {
    const faster = fasterAtSameEnergy(t, onQuad(35), { maxAboveIdleMj: limit })!;
    expect(lengths(faster.plan)).toEqual([10, 10, 10, 10]);
    expect(faster.evaluation.metrics.periodMs).toBeCloseTo(10 * layerMs, 12);
    expect(energyAboveIdleMj(t, faster.evaluation)).toBeCloseTo(energy, 12);
  });

  it('keeps the stage limit, pinned cuts and each stage memory share', () => {
    expect(lengths(fasterAtSameEnergy(t, onQuad(35), { maxAboveIdleMj: limit, maxStages: 2 })!.plan)).toEqual([20, 20]);
    const pinned = fasterAtSameEnergy(t, onQuad(5), { maxAboveIdleMj: limit, maxStages: 3, pins: { cuts: [5] } })!;
    expect(lengths(pinned.plan)).toEqual([5, 18, 17]);
    // Weights only in the last 30 layers, 9.5 kB per core: at most 9 of them per one-core stage, so the
    // even split (10 each) does not fit and the best is 13 (3 with weights), then 9, 9, 9.
    const small = buildCostTables(
      equalChain((i) => (i < 10 ? 0 : 1000)),
      quad(0.038),
    );
    const start = onQuad(19, 28, 37);
    expect(evaluatePlan(small, start).valid).toBe(true);
    const fits = fasterAtSameEnergy(small, start, { maxAboveIdleMj: Infinity })!;
    expect(lengths(fits.plan)).toEqual([13, 9, 9, 9]);
    expect(fits.evaluation.valid).toBe(true);
    // A plan that does not fit is left alone.
    expect(fasterAtSameEnergy(small, onQuad(35), { maxAboveIdleMj: Infinity })).toBeUndefined();
  });

  it('finds nothing when the energy limit is below the plan or the bottleneck cannot move', () => {
    expect(fasterAtSameEnergy(t, onQuad(35), { maxAboveIdleMj: energy * 0.5 })).toBeUndefined();
    expect(fasterAtSameEnergy(t, onQuad(10, 20, 30), { maxAboveIdleMj: limit })).toBeUndefined();
  });
});

describe('paretoFront on identical cores', () => {
  it('reaches the balanced split in a few steps instead of one layer at a time', () => {
    const t = buildCostTables(equalChain(), quad());
    // Every plan on the quad costs the same energy above idle; the front is the fastest of them.
    const { front, truncated } = paretoFront(t, { maxPoints: 4 });
    expect(truncated).toBe(false);
    expect(front).toHaveLength(1);
    // Four one-core stages of ten layers: the fastest plan, and the cheapest (the loop used to meet
    // the one-core splits one layer apart: 39 + 1, 38 + 2, ...).
    expect(lengths(front[0]!.plan)).toEqual([10, 10, 10, 10]);
    const layerMs = evaluatePlan(t, onQuad(39)).stages[1]!.computeMs;
    expect(front[0]!.evaluation.metrics.periodMs).toBeCloseTo(10 * layerMs, 12);
  });
});
