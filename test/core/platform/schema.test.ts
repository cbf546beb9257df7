import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OP_CLASSES } from '../../../src/core/model/types';
import { hikey970, PRESETS } from '../../../src/core/platform/presets';
import {
  checkLinkField,
  checkProcessorField,
  describeIssues,
  LINK_BOUNDS,
  PROCESSOR_BOUNDS,
  validatePlatform,
} from '../../../src/core/platform/schema';
import type { Platform, Processor } from '../../../src/core/platform/types';

const withProcessor = (i: number, over: Record<string, unknown>): unknown => ({
  ...hikey970,
  processors: hikey970.processors.map((p, j) => (j === i ? { ...p, ...over } : p)),
});

const issuesOf = (input: unknown) => {
  const r = validatePlatform(input);
  if (r.ok) throw new Error('expected issues');
  return r.issues;
};

describe('validatePlatform', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('accepts the preset %s unchanged', (_, p) => {
    const r = validatePlatform(p);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.platform).toEqual(p);
  });

  it('names the processor and field of NaN, negative and absurd figures', () => {
    const issues = issuesOf(withProcessor(1, { units: 0, memBandwidthGBs: NaN, activePowerW: 5000 }));
    expect(issues.map((i) => i.path).sort()).toEqual([
      'processors.little.activePowerW',
      'processors.little.memBandwidthGBs',
      'processors.little.units',
    ]);
    expect(issues.find((i) => i.path.endsWith('units'))!.message).toBe('units must be an integer >= 1 and <= 1024');
    expect(issues.find((i) => i.path.endsWith('activePowerW'))!.message).toContain('<= 1000 W');
  });

  it('refuses infinities, strings and missing fields', () => {
    expect(issuesOf(withProcessor(0, { peakGmacsPerUnit: Infinity }))[0]!.path).toBe('processors.big.peakGmacsPerUnit');
    expect(issuesOf(withProcessor(0, { overheadUs: '20' }))[0]!.path).toBe('processors.big.overheadUs');
    const { memoryMB: _, ...rest } = hikey970.processors[0]!;
    expect(issuesOf({ ...hikey970, processors: [rest] })[0]!.path).toBe('processors.big.memoryMB');
  });

  it('checks efficiencies per op class, 0 < e <= 1', () => {
    const p = hikey970.processors[0]!;
    const issues = issuesOf(withProcessor(0, { efficiency: { ...p.efficiency, conv: 0, gemm: 1.5 } }));
    expect(issues.map((i) => i.path).sort()).toEqual([
      'processors.big.efficiency.conv',
      'processors.big.efficiency.gemm',
    ]);
  });

  it('refuses idle power above active power', () => {
    expect(issuesOf(withProcessor(0, { idlePowerW: 5 }))[0]).toEqual({
      path: 'processors.big.idlePowerW',
      message: 'idlePowerW must not exceed activePowerW',
    });
  });

  it('refuses unknown keys, duplicate ids and links to missing processors', () => {
    expect(issuesOf(withProcessor(0, { turbo: true }))[0]!.path).toBe('processors.big');
    const dup = { ...hikey970, processors: [hikey970.processors[0]!, hikey970.processors[0]!], links: [] };
    expect(describeIssues(issuesOf(dup))).toContain('processor id "big" is used twice');
    const dangling = { ...hikey970, links: [{ ...hikey970.links[0]!, to: 'tpu' }] };
    expect(issuesOf(dangling)[0]).toEqual({
      path: 'links.big-little.to',
      message: 'to "tpu" is not a processor of this platform',
    });
  });

  it('refuses a platform without processors and ids that are markup', () => {
    expect(issuesOf({ ...hikey970, processors: [], links: [] })[0]!.path).toBe('processors');
    expect(issuesOf(withProcessor(0, { id: '<script>' }))[0]!.message).toContain('letters, digits');
  });

  it('accepts any figure within the documented bounds (property)', () => {
    const within = (b: { min: number; max: number; minExclusive?: boolean; integer?: boolean }) =>
      b.integer
        ? fc.integer({ min: b.min, max: b.max })
        : fc.double({ min: b.min, max: b.max, noNaN: true, minExcluded: b.minExclusive ?? false });
    fc.assert(
      fc.property(
        within(PROCESSOR_BOUNDS.units),
        within(PROCESSOR_BOUNDS.memBandwidthGBs),
        within(PROCESSOR_BOUNDS.activePowerW),
        within(LINK_BOUNDS.bandwidthGBs),
        (units, bw, power, linkBw) => {
          const big: Processor = {
            ...hikey970.processors[0]!,
            units,
            memBandwidthGBs: bw,
            activePowerW: power,
            idlePowerW: 0,
          };
          const p: Platform = {
            ...hikey970,
            processors: [big],
            links: [{ ...hikey970.links[0]!, to: '*', bandwidthGBs: linkBw }],
          };
          expect(validatePlatform(p).ok).toBe(true);
        },
      ),
    );
  });
});

describe('field checks for the editor', () => {
  it('checks one processor field at a time', () => {
    expect(checkProcessorField('units', 4)).toBeNull();
    expect(checkProcessorField('units', 2.5)).toBe('units must be an integer >= 1 and <= 1024');
    expect(checkProcessorField('memBandwidthGBs', 0)).toBe('memBandwidthGBs must be a number > 0 and <= 10000 GB/s');
    expect(checkProcessorField('memBandwidthGBs', 10_000)).toBeNull();
    expect(checkProcessorField('serialFraction', -0.1)).not.toBeNull();
    expect(checkProcessorField('supports', ['conv', 'conv'])).toBe('supports lists an op class twice');
    expect(checkProcessorField('supports', [...OP_CLASSES])).toBeNull();
    expect(checkProcessorField('kind', 'quantum')).toContain('kind must be one of');
    expect(checkProcessorField('name', '')).toContain('name must be text');
  });

  it('checks one link field at a time', () => {
    expect(checkLinkField('latencyUs', 0)).toBeNull();
    expect(checkLinkField('latencyUs', -1)).toContain('latencyUs must be a number >= 0');
    expect(checkLinkField('bandwidthGBs', 1e5)).toContain('<= 10000 GB/s');
    expect(checkLinkField('from', '*')).toBeNull();
    expect(checkLinkField('overlapsCompute', 'yes')).toBe('overlapsCompute must be true or false');
  });

  it('answers unknown fields (even prototype names) with a message, not a crash', () => {
    expect(checkProcessorField('__proto__' as keyof Processor, 1)).toContain('unknown processor field');
    expect(checkLinkField('toString' as 'id', 1)).toContain('unknown link field');
  });
});
