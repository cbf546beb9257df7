import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExplorerError } from '../../../src/core/errors';
import { hikey970, PRESETS } from '../../../src/core/platform/presets';
import { validatePlatform } from '../../../src/core/platform/schema';
import type { Platform } from '../../../src/core/platform/types';
import {
  applyPlatformEdits,
  diffPlatform,
  EDITED_SOURCE,
  platformEditsSchema,
} from '../../../src/core/share/platformEdits';
import { platformRef } from '../../../src/core/share/shareState';

const figures = (p: Platform) => ({ name: p.name, processors: p.processors, links: p.links });

/** Random valid edits of a preset: changed figures, a removed processor (with its links), an added one. */
const arbEdited: fc.Arbitrary<{ preset: Platform; edited: Platform }> = fc
  .record({
    preset: fc.constantFrom(...PRESETS),
    changes: fc.array(
      fc.record({
        at: fc.nat(),
        units: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
        bw: fc.option(fc.double({ min: 0.5, max: 500, noNaN: true }), { nil: undefined }),
        conv: fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: undefined }),
        supports: fc.option(fc.subarray(['conv', 'gemm', 'memory'] as const, { minLength: 1 }), { nil: undefined }),
      }),
      { maxLength: 4 },
    ),
    linkLatency: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
    remove: fc.boolean(),
    add: fc.boolean(),
    rename: fc.boolean(),
  })
  .map(({ preset, changes, linkLatency, remove, add, rename }) => {
    let processors = [...preset.processors];
    for (const c of changes) {
      const i = c.at % processors.length;
      const p = processors[i]!;
      processors[i] = {
        ...p,
        ...(c.units !== undefined ? { units: c.units } : {}),
        ...(c.bw !== undefined ? { memBandwidthGBs: c.bw } : {}),
        ...(c.conv !== undefined ? { efficiency: { ...p.efficiency, conv: c.conv } } : {}),
        ...(c.supports !== undefined ? { supports: c.supports } : {}),
      };
    }
    let links = preset.links.map((l, i) =>
      i === 0 && linkLatency !== undefined ? { ...l, latencyUs: linkLatency } : l,
    );
    if (remove && processors.length > 1) {
      const gone = processors[processors.length - 1]!.id;
      processors = processors.slice(0, -1);
      links = links.filter((l) => l.from !== gone && l.to !== gone);
    }
    if (add) {
      processors.push({ ...preset.processors[0]!, id: 'extra', name: 'Extra <b>chip</b>' });
      links.push({ ...preset.links[0]!, id: 'extra-link', from: 'extra', to: processors[0]!.id });
    }
    const edited: Platform = { ...preset, name: rename ? `${preset.name} (mine)` : preset.name, processors, links };
    return { preset, edited };
  });

describe('platform edits', () => {
  it('diff then apply reproduces the edited platform, and the diff is valid (property)', () => {
    fc.assert(
      fc.property(arbEdited, ({ preset, edited }) => {
        expect(validatePlatform(edited).ok).toBe(true);
        const edits = diffPlatform(preset, edited);
        expect(platformEditsSchema.safeParse(JSON.parse(JSON.stringify(edits))).success).toBe(true);
        expect(figures(applyPlatformEdits(preset, edits))).toEqual(figures(edited));
        expect(platformRef(edited)).toEqual(
          Object.keys(edits).length === 0 ? { preset: preset.id } : { preset: preset.id, edits },
        );
      }),
      { numRuns: 200 },
    );
  });

  it('is tiny for one changed figure and cites the edit', () => {
    const edited = {
      ...hikey970,
      processors: hikey970.processors.map((p) => (p.id === 'gpu' ? { ...p, memBandwidthGBs: 25 } : p)),
    };
    const edits = diffPlatform(hikey970, edited);
    expect(edits).toEqual({ processors: [{ id: 'gpu', memBandwidthGBs: 25 }] });
    expect(JSON.stringify(edits).length).toBeLessThan(60);
    const applied = applyPlatformEdits(hikey970, edits);
    expect(applied.sources.find((s) => s.path === 'processors.gpu.memBandwidthGBs')).toEqual({
      path: 'processors.gpu.memBandwidthGBs',
      status: 'estimate',
      source: EDITED_SOURCE,
    });
    expect(applied.sources.find((s) => s.path === 'processors.gpu.overheadUs')!.source).not.toBe(EDITED_SOURCE);
  });

  it('drops the sources of removed processors', () => {
    const withoutNpu = applyPlatformEdits(hikey970, {
      removeProcessors: ['npu'],
      removeLinks: ['big-npu', 'little-npu', 'gpu-npu'],
    });
    expect(withoutNpu.processors.map((p) => p.id)).toEqual(['big', 'little', 'gpu']);
    expect(withoutNpu.sources.some((s) => s.path.startsWith('processors.npu.'))).toBe(false);
  });

  it('refuses edits of unknown ids and edits that break the platform', () => {
    const bad = (edits: object) => () => applyPlatformEdits(hikey970, edits);
    expect(bad({ processors: [{ id: 'tpu', units: 2 }] })).toThrow(ExplorerError);
    expect(bad({ removeLinks: ['nope'] })).toThrow(/remove link "nope"/);
    // Removing the NPU but keeping links to it leaves links to a missing processor.
    expect(bad({ removeProcessors: ['npu'] })).toThrow(/links\.big-npu\.to: to "npu" is not a processor/);
    expect(bad({ processors: [{ id: 'big', idlePowerW: 900 }] })).toThrow(/idlePowerW must not exceed/);
  });

  it('falls back to the whole platform when a diff cannot express it', () => {
    const reordered = { ...hikey970, processors: [...hikey970.processors].reverse() };
    expect(platformRef(reordered)).toEqual({ custom: reordered });
    const custom = { ...hikey970, id: 'my-board' };
    expect(platformRef(custom)).toEqual({ custom });
    expect(platformRef(hikey970)).toEqual({ preset: 'hikey970' });
  });

  it('refuses absurd figures in the edits schema', () => {
    const r = platformEditsSchema.safeParse({ processors: [{ id: 'gpu', memBandwidthGBs: -1 }] });
    expect(r.success).toBe(false);
    expect(platformEditsSchema.safeParse({ links: [{ id: 'x', bogus: 1 }] }).success).toBe(false);
  });
});
