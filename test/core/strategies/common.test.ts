import { describe, expect, it } from 'vitest';
import { platformById } from '../../../src/core/platform/presets';
import { gainOver, restrictPlatform } from '../../../src/core/strategies/common';

describe('strategy helpers', () => {
  it('restrictPlatform keeps the named processors, their links and their sources', () => {
    const p = restrictPlatform(platformById('hikey970'), ['big', 'little'], 'cpu', 'CPU');
    expect(p.processors.map((x) => x.id)).toEqual(['big', 'little']);
    expect(p.links.map((l) => l.id)).toEqual(['big-little']);
    expect(p.sources.some((s) => s.path.startsWith('processors.gpu'))).toBe(false);
    expect(p.sources.some((s) => s.path === 'links.big-little.bandwidthGBs')).toBe(true);
    expect(() => restrictPlatform(platformById('hikey970'), ['tpu'], 'x', 'x')).toThrow(/tpu/);
  });

  it('gainOver is the ratio minus one', () => {
    expect(gainOver(139, 100)).toBeCloseTo(0.39, 12);
    expect(gainOver(1, 0)).toBeNaN();
  });
});
