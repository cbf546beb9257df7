import { describe, expect, it } from 'vitest';
import { buildCostTables } from '../../../src/core/cost/tables';
import { buildNetwork } from '../../../src/core/model/build';
import type { Platform } from '../../../src/core/platform/types';
import { searchMinCost } from '../../../src/core/search/minCost';
import { searchMinPeriod } from '../../../src/core/search/minPeriod';
import { searchPlan } from '../../../src/core/search/searchPlan';
import { MAX_SEARCH_STATES, MAX_UNIT_CHOICES, UnitSpace } from '../../../src/core/search/unitSpace';
import { layer, vectors } from '../../fixtures/networks';
import { link, proc } from '../../fixtures/platforms';

const oneLayer = buildNetwork({
  id: 'one',
  name: 'One',
  dtype: 'float32',
  tensors: vectors(1, 1),
  layers: [layer('a', [0], 1, { macs: 1e9 })],
  inputs: [0],
  outputs: [1],
});

const platform = (units: number[]): Platform => ({
  id: 'many',
  name: 'Many units',
  description: '',
  line: 'test',
  processors: units.map((u, i) => proc(`p${i}`, { units: u })),
  links: [link()],
  sources: [],
});

describe('UnitSpace', () => {
  it('counts free units past 255 (a processor with 300 cores has 300 free)', () => {
    const space = new UnitSpace([300, 2]);
    expect(space.size).toBe(301 * 3);
    expect(space.room[0]).toBe(300);
    const used = space.add(0, 0, 257);
    expect(space.room[used * 2]).toBe(43);
    expect(space.room[used * 2 + 1]).toBe(2);
  });

  it('lets one stage take all 300 units of a perfectly parallel processor', () => {
    const t = buildCostTables(oneLayer, platform([300]));
    const found = searchMinPeriod(t)!;
    expect(found.plan.stages).toEqual([{ from: 0, to: 1, processor: 'p0', units: 300 }]);
    expect(found.periodMs).toBeCloseTo(1000 / 300, 9);
  });

  it('refuses unit spaces past the limits with SEARCH_TOO_LARGE, before allocating', () => {
    expect(() => new UnitSpace([1024, 1024, 1024, 1024])).toThrow(
      expect.objectContaining({ code: 'SEARCH_TOO_LARGE' }),
    );
    const t = buildCostTables(oneLayer, platform([300, 300, 1, 1]));
    for (const run of [
      () => searchPlan(t, { objective: 'fps' }),
      () => searchMinPeriod(t),
      () => searchMinCost(t, { objective: 'latency', maxPeriodMs: Infinity }),
    ]) {
      expect(run).toThrow(expect.objectContaining({ code: 'SEARCH_TOO_LARGE' }));
    }
    // The unit-choice limit is sharp: 4,096 vectors x 4,095 units fit under 2^24, 4,097 x 4,096 do not.
    expect(MAX_UNIT_CHOICES).toBe(2 ** 24);
    expect(new UnitSpace([4095]).size).toBe(4096);
    expect(() => new UnitSpace([4096])).toThrow(expect.objectContaining({ code: 'SEARCH_TOO_LARGE' }));
    expect(() => new UnitSpace([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toThrow(
      expect.objectContaining({ code: 'SEARCH_TOO_LARGE' }),
    );
    expect(MAX_SEARCH_STATES).toBeLessThan(2 ** 20 * 20);
  });
});
