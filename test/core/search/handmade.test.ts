import { describe, expect, it } from 'vitest';
import { buildCostTables } from '../../../src/core/cost/tables';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import { searchMinCost } from '../../../src/core/search/minCost';
import { searchMinPeriod } from '../../../src/core/search/minPeriod';
import type { Platform } from '../../../src/core/platform/types';
import { buildNetwork } from '../../../src/core/model/build';
import { layer, vectors } from '../../fixtures/networks';
import { link, proc } from '../../fixtures/platforms';

/** Two layers of 1000 MACs; the tensor between them is 80 bytes. */
const twoLayers = buildNetwork({
  id: 'two',
  name: 'Two',
  dtype: 'float32',
  tensors: vectors(1, 20, 1),
  layers: [layer('a', [0], 1, { macs: 1000 }), layer('b', [1], 2, { macs: 1000 })],
  inputs: [0],
  outputs: [2],
});

/** Two identical processors at 1000 MAC/s (1000 ms per layer) on one link of the given speed. */
function pair(bytesPerSecond: number, overlapsCompute: boolean): Platform {
  const slow = { peakGmacsPerUnit: 1e-6 };
  return {
    id: 'pair',
    name: 'Pair',
    description: '',
    line: 'test',
    processors: [proc('p', slow), proc('q', slow)],
    links: [link({ bandwidthGBs: bytesPerSecond / 1e9, overlapsCompute })],
    sources: [],
  };
}

describe('search on hand-computed cases', () => {
  it('max FPS counts a slow DMA link as a resource: 80 B at 50 B/s = 1600 ms beats 2000 ms alone', () => {
    const t = buildCostTables(twoLayers, pair(50, true));
    const found = searchMinPeriod(t)!;
    expect(found.plan.stages).toHaveLength(2);
    expect(found.periodMs).toBeCloseTo(1600, 9);
    expect(evaluatePlan(t, found.plan).metrics.periodMs).toBeCloseTo(1600, 9);
  });

  it('max FPS keeps one stage when the link is slower than running everything on one processor', () => {
    const t = buildCostTables(twoLayers, pair(10, true)); // 8000 ms transfer
    const found = searchMinPeriod(t)!;
    expect(found.plan.stages).toHaveLength(1);
    expect(found.periodMs).toBeCloseTo(2000, 9);
  });

  it('min latency at a period of 1900 ms must split, and the send without DMA must fit in the sender', () => {
    // Send of 80 B at 160 B/s = 500 ms: stage 1 busy 1500 <= 1900; latency 1000 + 500 + 1000.
    const ok = searchMinCost(buildCostTables(twoLayers, pair(160, false)), {
      objective: 'latency',
      maxPeriodMs: 1900,
    })!;
    expect(ok.plan.stages).toHaveLength(2);
    expect(ok.cost).toBeCloseTo(2500, 9);
    // Send of 80 B at 80/1200 B/s = 1200 ms: stage 1 busy 2200 > 1900, and one stage takes 2000: impossible.
    expect(
      searchMinCost(buildCostTables(twoLayers, pair(80 / 1.2, false)), { objective: 'latency', maxPeriodMs: 1900 }),
    ).toBeUndefined();
  });

  it('min energy charges active-above-idle power for busy time and link energy per byte', () => {
    // Without a target both layers on one processor: (2 - 0.5) W x 2000 ms = 3000 mJ above idle.
    const t = buildCostTables(twoLayers, pair(1e9, true));
    const found = searchMinCost(t, { objective: 'energy', maxPeriodMs: Infinity })!;
    expect(found.plan.stages).toHaveLength(1);
    expect(found.cost).toBeCloseTo(3000, 6);
    // At a 1500 ms period the split is forced: 2 x 1.5 W x 1000 ms + 10 pJ/B x 80 B.
    const split = searchMinCost(t, { objective: 'energy', maxPeriodMs: 1500 })!;
    expect(split.plan.stages).toHaveLength(2);
    expect(split.cost).toBeCloseTo(3000 + 800e-9, 9);
  });
});
