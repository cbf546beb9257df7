import { describe, expect, it } from 'vitest';
import { layerTimeMs } from '../../../src/core/cost/layerCost';
import { ExplorerError } from '../../../src/core/errors';
import { OP_CLASSES, type Network } from '../../../src/core/model/types';
import { linkBetween } from '../../../src/core/platform/links';
import { PRESETS, platformById } from '../../../src/core/platform/presets';
import { PROCESSOR_KINDS, type Platform, type Processor } from '../../../src/core/platform/types';
import { mobilenetV1 } from '../../../src/core/zoo/mobilenetV1';
import { mobilenetV2 } from '../../../src/core/zoo/mobilenetV2';
import { densenet121 } from '../../../src/core/zoo/densenet';
import { resnet152, resnet50 } from '../../../src/core/zoo/resnet';
import { vgg19 } from '../../../src/core/zoo/vgg';

/** Numeric processor fields that must each have a `sources` entry (besides `efficiency.<class>`). */
const PROCESSOR_NUMBERS = [
  'units',
  'peakGmacsPerUnit',
  'serialFraction',
  'memBandwidthGBs',
  'overheadUs',
  'memoryMB',
  'activePowerW',
  'idlePowerW',
] as const;
const LINK_NUMBERS = ['bandwidthGBs', 'latencyUs', 'energyPjPerByte'] as const;

/** Every figure path a platform must cite. */
function figurePaths(platform: Platform): string[] {
  return [
    ...platform.processors.flatMap((p) => [
      ...PROCESSOR_NUMBERS.map((f) => `processors.${p.id}.${f}`),
      ...OP_CLASSES.map((c) => `processors.${p.id}.efficiency.${c}`),
    ]),
    ...platform.links.flatMap((l) => LINK_NUMBERS.map((f) => `links.${l.id}.${f}`)),
  ];
}

/** Whole-network time on k units of a processor, ms, through the cost model. */
const networkMs = (net: Network, proc: Processor, k: number): number =>
  net.layers.reduce((sum, layer) => sum + layerTimeMs(layer, proc, k, net.dtype), 0);

const processor = (platformId: string, id: string): Processor => {
  const p = platformById(platformId).processors.find((q) => q.id === id);
  if (!p) throw new Error(`${platformId} has no processor ${id}`);
  return p;
};

const within = (actual: number, target: number, tolerance: number): void => {
  expect(Math.abs(actual / target - 1), `${actual.toFixed(1)} ms vs ${target} ms`).toBeLessThanOrEqual(tolerance);
};

describe('PRESETS', () => {
  it('lists the five research-line platforms in order, with unique ids', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['hikey970', 'snapdragon855', 'accel4', 'cmp16', 'rpi4x4']);
  });

  describe.each(PRESETS.map((p) => [p.id, p] as const))('%s', (_id, platform) => {
    it('has named processors with unique ids', () => {
      expect(platform.name.length).toBeGreaterThan(0);
      expect(platform.description.length).toBeGreaterThan(0);
      expect(platform.line.length).toBeGreaterThan(0);
      expect(platform.processors.length).toBeGreaterThan(0);
      const ids = platform.processors.map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).not.toContain('*');
    });

    it.each(platform.processors.map((p) => [p.id, p] as const))('processor %s is well-formed', (_pid, p) => {
      expect(PROCESSOR_KINDS).toContain(p.kind);
      expect(Number.isInteger(p.units) && p.units >= 1).toBe(true);
      for (const v of [p.peakGmacsPerUnit, p.memBandwidthGBs, p.memoryMB, p.activePowerW]) {
        expect(Number.isFinite(v) && v > 0).toBe(true);
      }
      for (const v of [p.overheadUs, p.idlePowerW]) expect(Number.isFinite(v) && v >= 0).toBe(true);
      expect(p.idlePowerW).toBeLessThan(p.activePowerW);
      for (const c of OP_CLASSES) {
        const e = p.efficiency[c];
        expect(Number.isFinite(e) && e > 0 && e <= 1, `efficiency.${c} = ${e}`).toBe(true);
      }
      expect(p.serialFraction >= 0 && p.serialFraction < 1).toBe(true);
      if (p.units === 1) expect(p.serialFraction).toBe(0);
      expect(p.supports.length).toBeGreaterThan(0);
      for (const c of p.supports) expect(OP_CLASSES).toContain(c);
      expect(new Set(p.supports).size).toBe(p.supports.length);
      expect(['float32', 'float16', 'int8']).toContain(p.dtype);
    });

    it('has well-formed links whose endpoints exist, and a link for every processor pair', () => {
      const ids = new Set(platform.processors.map((p) => p.id));
      const linkIds = platform.links.map((l) => l.id);
      expect(new Set(linkIds).size).toBe(linkIds.length);
      for (const l of platform.links) {
        expect(l.from === '*' || ids.has(l.from), `${l.id}.from = ${l.from}`).toBe(true);
        expect(l.to === '*' || ids.has(l.to), `${l.id}.to = ${l.to}`).toBe(true);
        expect(Number.isFinite(l.bandwidthGBs) && l.bandwidthGBs > 0).toBe(true);
        expect(Number.isFinite(l.latencyUs) && l.latencyUs >= 0).toBe(true);
        expect(Number.isFinite(l.energyPjPerByte) && l.energyPjPerByte >= 0).toBe(true);
        expect(typeof l.overlapsCompute).toBe('boolean');
      }
      for (const a of platform.processors) {
        for (const b of platform.processors) {
          if (a !== b) expect(linkBetween(platform, a.id, b.id), `${a.id} -> ${b.id}`).toBeDefined();
        }
      }
    });

    it('cites every numeric processor and link figure, and only existing figures', () => {
      const cited = platform.sources.map((s) => s.path);
      expect(new Set(cited).size, 'duplicate source paths').toBe(cited.length);
      const required = figurePaths(platform);
      expect(required.filter((path) => !cited.includes(path))).toEqual([]);
      expect(cited.filter((path) => !required.includes(path))).toEqual([]);
      for (const s of platform.sources) {
        expect(['spec', 'measured', 'estimate', 'derived']).toContain(s.status);
        expect(s.source.trim().length).toBeGreaterThan(0);
      }
    });

    it('keeps efficiencies, overheads and serial fractions as estimate or derived figures', () => {
      for (const s of platform.sources) {
        if (/\.(efficiency\.\w+|overheadUs)$/.test(s.path)) expect(['estimate', 'derived']).toContain(s.status);
        if (s.path.endsWith('.serialFraction') && !s.source.includes('units = 1')) {
          expect(['estimate', 'derived']).toContain(s.status);
        }
      }
    });
  });
});

describe('platformById', () => {
  it('returns each preset by id', () => {
    for (const p of PRESETS) expect(platformById(p.id)).toBe(p);
  });

  it('throws UNKNOWN_PLATFORM for an unknown id', () => {
    let error: unknown;
    try {
      platformById('nope');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExplorerError);
    expect((error as ExplorerError).code).toBe('UNKNOWN_PLATFORM');
    expect((error as ExplorerError).message).toContain('"nope"');
  });
});

describe('calibration against measured and public figures', () => {
  const mbv1 = mobilenetV1();
  const r50 = resnet50();
  const big = processor('hikey970', 'big');

  it('MobileNet v1 on the HiKey 970 A73 cluster is within 15% of 88.7 / 47.2 / 29.5 ms on 1 / 2 / 4 cores', () => {
    // REFERENCE.md "Kirin 970 big-core scaling" (measured, ARM Compute Library).
    within(networkMs(mbv1, big, 1), 88.7, 0.15);
    within(networkMs(mbv1, big, 2), 47.2, 0.15);
    within(networkMs(mbv1, big, 4), 29.5, 0.15);
  });

  it('the Kirin 970 LITTLE cluster is ~2.5x slower than big at ~1/4 of its power', () => {
    // REFERENCE.md "Kirin 970 power" (measured): ~4x power for a ~2.5x performance gap.
    const little = processor('hikey970', 'little');
    const gap = networkMs(mbv1, little, 4) / networkMs(mbv1, big, 4);
    expect(gap).toBeGreaterThan(2.2);
    expect(gap).toBeLessThan(2.8);
    expect(big.activePowerW / little.activePowerW).toBeCloseTo(4, 5);
  });

  it('ResNet-50 lands in the expected ranges on the Mali-G72, the Kirin NPU and a Raspberry Pi 4', () => {
    const ms = (platformId: string, id: string, k = 1): number => networkMs(r50, processor(platformId, id), k);
    const gpu = ms('hikey970', 'gpu');
    expect(gpu).toBeGreaterThan(20); // "tens of ms": a fraction of 244.8 GFLOPS
    expect(gpu).toBeLessThan(100);
    const npu = ms('hikey970', 'npu');
    expect(npu).toBeGreaterThan(10); // 10-40 ms, HiAI-era figures
    expect(npu).toBeLessThan(40);
    const pi = ms('rpi4x4', 'pi0', 4);
    expect(pi).toBeGreaterThan(500); // 0.5-1.5 s with 4 threads, public TFLite/PyTorch numbers
    expect(pi).toBeLessThan(1500);
  });

  it('MobileNet v2 on a Raspberry Pi 4 takes 50-150 ms on 4 cores', () => {
    const t = networkMs(mobilenetV2(), processor('rpi4x4', 'pi0'), 4);
    expect(t).toBeGreaterThan(50);
    expect(t).toBeLessThan(150);
  });

  it('the Kirin NPU runs every layer of the processor-pipelining networks, but no depthwise convolution', () => {
    // HiPC 2020 pipelined VGG19, DenseNet-121 and ResNet-152 with the NPU as a stage.
    const npu = processor('hikey970', 'npu');
    for (const net of [vgg19(), densenet121(), resnet152(), r50]) {
      const unsupported = net.layers.filter((l) => !npu.supports.includes(l.opClass)).map((l) => l.name);
      expect(unsupported, net.name).toEqual([]);
    }
    expect(npu.supports).not.toContain('depthwise');
    expect(mbv1.layers.some((l) => l.opClass === 'depthwise')).toBe(true);
  });
});
