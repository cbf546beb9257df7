import { describe, expect, it } from 'vitest';
import { addCut, cutRange, moveCut, nearestCut, removeCut, stageOfPosition } from '../../../src/core/plan/edit';
import type { Plan } from '../../../src/core/plan/types';

const plan: Plan = {
  stages: [
    { from: 0, to: 10, processor: 'a', units: 1 },
    { from: 10, to: 20, processor: 'b', units: 2 },
    { from: 20, to: 30, processor: 'c', units: 1 },
  ],
};

describe('plan edits', () => {
  it('moveCut moves one boundary and clamps so no stage empties', () => {
    expect(moveCut(plan, 0, 15).stages.map((s) => [s.from, s.to])).toEqual([
      [0, 15],
      [15, 20],
      [20, 30],
    ]);
    expect(moveCut(plan, 0, 25).stages[1]).toMatchObject({ from: 19, to: 20 });
    expect(moveCut(plan, 1, -5).stages[1]).toMatchObject({ from: 10, to: 11 });
    expect(cutRange(plan, 1)).toEqual([11, 29]);
    expect(moveCut(plan, 0, 10)).toBe(plan);
    expect(moveCut(plan, 5, 3)).toBe(plan);
  });
  it('addCut splits the stage holding the position; boundaries are no-ops', () => {
    const p = addCut(plan, 25, 'd', 3);
    expect(p.stages.map((s) => [s.from, s.to, s.processor, s.units])).toEqual([
      [0, 10, 'a', 1],
      [10, 20, 'b', 2],
      [20, 25, 'c', 1],
      [25, 30, 'd', 3],
    ]);
    expect(addCut(plan, 20, 'd', 1)).toBe(plan);
    expect(addCut(plan, 0, 'd', 1)).toBe(plan);
  });
  it('removeCut merges the right stage into the left one', () => {
    expect(removeCut(plan, 0).stages.map((s) => [s.from, s.to, s.processor])).toEqual([
      [0, 20, 'a'],
      [20, 30, 'c'],
    ]);
  });
  it('nearestCut and stageOfPosition find the right index', () => {
    expect(nearestCut(plan, 14)).toBe(0);
    expect(nearestCut(plan, 16)).toBe(1);
    expect(nearestCut(plan, 15)).toBe(0);
    expect(nearestCut({ stages: [plan.stages[0]!] }, 3)).toBe(-1);
    expect([0, 9, 10, 19, 20, 29, 30].map((x) => stageOfPosition(plan, x))).toEqual([0, 0, 1, 1, 2, 2, -1]);
  });
});
