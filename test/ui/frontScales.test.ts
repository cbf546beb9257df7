import { describe, expect, it } from 'vitest';
import { frontScales, nearestPoint, FRONT_MARGIN } from '../../src/ui/charts/Front/frontScales';

const points = [
  { fps: 60, energyMj: 150 },
  { fps: 40, energyMj: 90 },
  { fps: 20, energyMj: 40 },
];

describe('front chart scales', () => {
  it('fit every point and the extra plan inside the plot, faster to the right and costlier higher up', () => {
    const s = frontScales(points, { fps: 70, energyMj: 30 }, 600, 260);
    for (const p of [...points, { fps: 70, energyMj: 30 }]) {
      expect(s.x(p.fps)).toBeGreaterThanOrEqual(FRONT_MARGIN.left);
      expect(s.x(p.fps)).toBeLessThanOrEqual(600 - FRONT_MARGIN.right);
      expect(s.y(p.energyMj)).toBeLessThanOrEqual(260 - FRONT_MARGIN.bottom);
      expect(s.y(p.energyMj)).toBeGreaterThanOrEqual(FRONT_MARGIN.top);
    }
    expect(s.x(60)).toBeGreaterThan(s.x(20));
    expect(s.y(150)).toBeLessThan(s.y(40));
  });

  it('ignores a plan that cannot run, and a single point still gets a span', () => {
    const s = frontScales([points[0]!], { fps: NaN, energyMj: NaN }, 600, 260);
    const [lo, hi] = s.x.domain();
    expect(hi! - lo!).toBeGreaterThan(0);
    expect(Number.isFinite(s.x(60))).toBe(true);
  });

  it('hits the nearest point within the radius and nothing farther', () => {
    const s = frontScales(points, undefined, 600, 260);
    const x = s.x(40);
    const y = s.y(90);
    expect(nearestPoint(points, s, x + 3, y - 2, 10)).toBe(1);
    expect(nearestPoint(points, s, x + 30, y, 10)).toBe(-1);
  });
});
