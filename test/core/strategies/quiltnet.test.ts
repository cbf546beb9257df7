import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCostTables } from '../../../src/core/cost/tables';
import { buildNetwork } from '../../../src/core/model/build';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import { planFromSpec } from '../../../src/core/plan/types';
import type { Platform } from '../../../src/core/platform/types';
import { codecLayer, codecTable, evaluateCompressedPlan } from '../../../src/core/strategies/quiltnet';
import { searchCompressedPlan } from '../../../src/core/strategies/quiltnetSearch';
import { EVENT_KIND, measuredPeriodMs, simulate } from '../../../src/core/schedule/simulate';
import { splitCodecBoxes } from '../../../src/core/strategies/quiltnetGantt';
import { arbNetwork, arbPlanSpec, arbPlatform } from '../../fixtures/arbitraries';
import { chain, layer } from '../../fixtures/networks';
import { link, proc } from '../../fixtures/platforms';

/** Two 1 GMAC/s chips on a DMA link of `bandwidthGBs`, no latency, 10 pJ/B. */
function twoChips(bandwidthGBs: number): Platform {
  return {
    id: 'chips',
    name: 'Two chips',
    description: 'fixture',
    line: 'test',
    processors: [proc('a'), proc('b')],
    links: [link({ bandwidthGBs })],
    sources: [],
  };
}

/** in[1,64,4,4] -> conv a -> t1[1,64,4,4] -> conv b -> t2[1,64,4,4]; 1e6 MACs each. */
function featureChain() {
  return buildNetwork({
    id: 'fc',
    name: 'Feature chain',
    dtype: 'float32',
    tensors: [0, 1, 2].map((i) => ({ name: `t${i}`, shape: [1, 64, 4, 4], dtype: 'float32' as const })),
    layers: [layer('a', [0], 1, { macs: 1e6 }), layer('b', [1], 2, { macs: 1e6 })],
    inputs: [0],
    outputs: [2],
  });
}

describe('quiltnet', () => {
  it('codecTable sums E x C and C x C over the tensors crossing each cut', () => {
    // chain(): tensors [1,10], [1,20], [1,30], [1,40]; cut c carries tensor c.
    const t = buildCostTables(chain(), twoChips(1));
    const c = codecTable(t);
    expect([...c.macs]).toEqual([100, 400, 900, 1600]);
    expect([...c.weightElems]).toEqual([100, 400, 900, 1600]);
  });

  it('codecLayer is a 1x1 conv C -> C/r: MACs E*C/r, weights C*C/r, output bytes / r', () => {
    const t = buildCostTables(featureChain(), twoChips(1));
    const enc = codecLayer(t, codecTable(t), 1, 4, 'encode');
    // t1 has E = 64*16 = 1024 elements of C = 64 channels: 65,536 / 4 MACs, 4096 / 4 weights (x4 bytes).
    expect(enc.macs).toBe(16384);
    expect(enc.weightBytes).toBe(4096);
    expect(enc.bytesWritten).toBe(1024);
    expect(enc.bytesRead).toBe(4096 + 4096);
    const dec = codecLayer(t, codecTable(t), 1, 4, 'decode');
    expect(dec.bytesRead).toBe(1024 + 4096);
    expect(dec.bytesWritten).toBe(4096);
  });

  it('evaluateCompressedPlan adds encoder and decoder to the stages and divides the link bytes', () => {
    // 0.004 GB/s link: 4096 B of t1 take 1.024 ms, r = 4 takes 0.256 ms.
    const t = buildCostTables(featureChain(), twoChips(0.004));
    const plan = planFromSpec({ cuts: [1], procs: ['a', 'b'] }, 2, () => 1);
    const plain = evaluateCompressedPlan(t, plan, [1]);
    expect(plain.metrics.periodMs).toBeCloseTo(1.024, 9);
    const e = evaluateCompressedPlan(t, plan, [4]);
    // Stage a: 1e6 MACs at 1 GMAC/s = 1 ms, plus the encoder 16,384 MACs = 0.016384 ms.
    expect(e.stages[0]!.encodeMs).toBeCloseTo(0.016384, 9);
    expect(e.stages[1]!.decodeMs).toBeCloseTo(0.016384, 9);
    expect(e.stages[0]!.computeMs).toBeCloseTo(1.016384, 9);
    expect(e.stages[0]!.transferBytes).toBe(1024);
    expect(e.stages[0]!.transferMs).toBeCloseTo(0.256, 9);
    expect(e.metrics.periodMs).toBeCloseTo(1.016384, 9);
    expect(e.metrics.bottleneck.kind).toBe('stage');
    expect(e.ratios).toEqual([4]);
    expect(e.accuracyLossPct).toBeCloseTo(0.3, 12);
    // Link energy: 1024 B x 10 pJ/B.
    const idle = 2 * 0.5 * e.metrics.periodMs;
    const active = 2 * (2 - 0.5) * 1.016384;
    expect(e.metrics.energyPerFrameMj).toBeCloseTo(idle + active + (1024 * 10) / 1e9, 9);
  });

  it('with every ratio 1 it reproduces evaluatePlan on random plans', () => {
    fc.assert(
      fc.property(
        arbNetwork(8).chain((net) =>
          arbPlatform(3).chain((platform) =>
            arbPlanSpec(net.layers.length, platform.processors).map((spec) => ({ net, platform, spec })),
          ),
        ),
        ({ net, platform, spec }) => {
          const t = buildCostTables(net, platform);
          const plan = planFromSpec(spec, t.n, () => 1);
          const a = evaluatePlan(t, plan).metrics;
          const b = evaluateCompressedPlan(
            t,
            plan,
            spec.cuts.map(() => 1),
          ).metrics;
          for (const k of ['periodMs', 'latencyMs', 'energyPerFrameMj'] as const) {
            if (Number.isFinite(a[k])) expect(b[k]).toBeCloseTo(a[k], 9);
            else expect(b[k]).toBe(a[k]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the search compresses a link-bound cut, and never within a zero accuracy budget', () => {
    const t = buildCostTables(featureChain(), twoChips(0.001)); // 4096 B take 4.1 ms > 2 ms of compute
    const r = searchCompressedPlan(t)!;
    expect(r.uncompressed.evaluation.metrics.periodMs).toBeCloseTo(2, 9); // one chip runs both layers
    expect(r.evaluation.metrics.periodMs).toBeLessThan(1.1);
    expect(r.evaluation.ratios[0]).toBeGreaterThan(1);
    expect(r.evaluation.accuracyLossPct).toBeLessThanOrEqual(1);
    const none = searchCompressedPlan(t, { maxAccuracyLossPct: 0 })!;
    expect(none.evaluation.ratios.every((x) => x === 1)).toBe(true);
    expect(none.evaluation.metrics.periodMs).toBeCloseTo(2, 9);
  });

  it('the Gantt shows decode | compute | encode boxes and keeps the period', () => {
    const t = buildCostTables(featureChain(), twoChips(0.004));
    const plan = planFromSpec({ cuts: [1], procs: ['a', 'b'] }, 2, () => 1);
    const e = evaluateCompressedPlan(t, plan, [4]);
    const schedule = simulate(e, { frames: 6 });
    expect(measuredPeriodMs(schedule)).toBeCloseTo(e.metrics.periodMs, 9);
    const split = splitCodecBoxes(schedule, e);
    const kinds = [...split.kind];
    // 6 frames: stage 0 gains an encode box, stage 1 a decode box, per frame.
    expect(kinds.filter((k) => k === EVENT_KIND.encode)).toHaveLength(6);
    expect(kinds.filter((k) => k === EVENT_KIND.decode)).toHaveLength(6);
    expect(split.kind.length).toBe(schedule.kind.length + 12);
    const busy = (s: typeof schedule, lane: number) =>
      [...s.lane].reduce((a, l, i) => a + (l === lane ? s.end[i]! - s.start[i]! : 0), 0);
    for (const lane of [0, 1, 2]) expect(busy(split, lane)).toBeCloseTo(busy(schedule, lane), 9);
    const firstEncode = kinds.indexOf(EVENT_KIND.encode);
    expect(split.end[firstEncode]! - split.start[firstEncode]!).toBeCloseTo(e.stages[0]!.encodeMs, 12);
  });
});
