import { describe, expect, it } from 'vitest';
import { cheapestAtLeast } from '../../../src/core/search/frontQuery';

const front = [
  { fps: 50, energyMj: 120, id: 'fast' },
  { fps: 40, energyMj: 90, id: 'middle' },
  { fps: 20, energyMj: 60, id: 'slow' },
];

describe('cheapestAtLeast', () => {
  it('picks the least energy among the points at least as fast', () => {
    expect(cheapestAtLeast(front, 30)?.id).toBe('middle');
    expect(cheapestAtLeast(front, 41)?.id).toBe('fast');
    expect(cheapestAtLeast(front, 1)?.id).toBe('slow');
  });

  it('counts a throughput equal up to rounding as reaching the target', () => {
    expect(cheapestAtLeast(front, 40 * (1 + 1e-12))?.id).toBe('middle');
    expect(cheapestAtLeast(front, 40 * (1 + 1e-6))?.id).toBe('fast');
  });

  it('returns undefined when no point is fast enough, or for an empty front', () => {
    expect(cheapestAtLeast(front, 51)).toBeUndefined();
    expect(cheapestAtLeast([], 1)).toBeUndefined();
  });
});
