import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCostTables } from '../../../src/core/cost/tables';
import { ExplorerError } from '../../../src/core/errors';
import type { Network } from '../../../src/core/model/types';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import { planFromSpec } from '../../../src/core/plan/types';
import { hikey970 } from '../../../src/core/platform/presets';
import { compactNetwork, networkFromCompact, type CompactNetwork } from '../../../src/core/share/compactNetwork';
import { ZOO, zooNetwork } from '../../../src/core/zoo';
import { arbNetwork } from '../../fixtures/arbitraries';

/** Through JSON, as a URL or file carries it. */
const roundTrip = (net: Network): Network => networkFromCompact(JSON.parse(JSON.stringify(compactNetwork(net))));

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof ExplorerError) return e.code;
    throw e;
  }
  throw new Error('expected an ExplorerError');
};

describe('compact network', () => {
  it.each(ZOO.map((e) => [e.id] as const))('round-trips %s to an identical network and cost tables', (id) => {
    const net = zooNetwork(id);
    const back = roundTrip(net);
    expect(back).toEqual(net);
    const a = buildCostTables(net, hikey970);
    const b = buildCostTables(back, hikey970);
    expect(b.timePrefix).toEqual(a.timePrefix);
    expect(b.crossing).toEqual(a.crossing);
    expect(b.weightPrefix).toEqual(a.weightPrefix);
    const n = net.layers.length;
    const spec = { cuts: [Math.floor(n / 3), Math.floor((2 * n) / 3)], procs: ['big', 'gpu', 'npu'] };
    const units = (p: string) => hikey970.processors.find((q) => q.id === p)!.units;
    expect(evaluatePlan(b, planFromSpec(spec, n, units))).toEqual(evaluatePlan(a, planFromSpec(spec, n, units)));
  });

  it('round-trips random DAGs with branches (property)', () => {
    fc.assert(
      fc.property(arbNetwork(16), (net) => {
        expect(roundTrip(net)).toEqual(net);
      }),
    );
  });

  it('omits derivable fields: tensor names of producers, zero counts, derived block paths', () => {
    const c = compactNetwork(zooNetwork('resnet18'));
    expect(c.tensors[0]!.n).toBe('input');
    expect(c.tensors.slice(1).every((t) => t.n === undefined && t.d === undefined)).toBe(true);
    const relu = c.layers.find((l) => l.op === 'Relu')!;
    expect(relu).not.toHaveProperty('p');
    expect(relu).not.toHaveProperty('b');
    expect(relu).not.toHaveProperty('a');
  });

  it('keeps explicit block paths, other dtypes and attributes', () => {
    const base = compactNetwork(zooNetwork('alexnet'));
    const edited: CompactNetwork = {
      ...base,
      tensors: base.tensors.map((t, i) => (i === 1 ? { ...t, n: 'renamed', d: 'int8' } : t)),
      layers: base.layers.map((l, i) => (i === 0 ? { ...l, b: ['stem'], a: { mode: 'x', k: [3, 3] } } : l)),
    };
    const net = networkFromCompact(edited);
    expect(net.tensors[1]).toMatchObject({ name: 'renamed', dtype: 'int8' });
    expect(net.layers[0]!.block).toEqual(['stem']);
    expect(net.layers[0]!.attrs).toEqual({ mode: 'x', k: [3, 3] });
    expect(compactNetwork(net)).toEqual(JSON.parse(JSON.stringify(edited)));
  });

  it('refuses cycles, bad tensor ids, duplicates and absurd counts with catalogue codes', () => {
    const c = compactNetwork(zooNetwork('alexnet'));
    const layers = c.layers;
    expect(
      codeOf(() =>
        networkFromCompact({ ...c, layers: layers.map((l, i) => (i === 0 ? { ...l, i: [layers[2]!.o[0]!] } : l)) }),
      ),
    ).toBe('CYCLE');
    expect(
      codeOf(() =>
        networkFromCompact({ ...c, layers: layers.map((l, i) => (i === 1 ? { ...l, i: [c.tensors.length] } : l)) }),
      ),
    ).toBe('UNKNOWN_TENSOR');
    expect(
      codeOf(() => networkFromCompact({ ...c, layers: layers.map((l, i) => (i === 1 ? { ...l, i: [-1] } : l)) })),
    ).toBe('BAD_NETWORK');
    expect(
      codeOf(() =>
        networkFromCompact({ ...c, layers: layers.map((l, i) => (i === 1 ? { ...l, n: layers[0]!.n } : l)) }),
      ),
    ).toBe('DUPLICATE_NAME');
    expect(
      codeOf(() =>
        networkFromCompact({
          ...c,
          layers: layers.map((l, i) => (i === 1 ? { ...l, o: [...l.o, layers[0]!.o[0]!] } : l)),
        }),
      ),
    ).toBe('DUPLICATE_PRODUCER');
    expect(
      codeOf(() => networkFromCompact({ ...c, layers: layers.map((l, i) => (i === 1 ? { ...l, m: 1e300 } : l)) })),
    ).toBe('BAD_NETWORK');
    expect(codeOf(() => networkFromCompact({ ...c, layers: [] }))).toBe('BAD_NETWORK');
    expect(
      codeOf(() => networkFromCompact({ ...c, tensors: c.tensors.map((t, i) => (i === 0 ? { s: [1e9, 1e9] } : t)) })),
    ).toBe('BAD_NETWORK');
    // The input tensor has no producer, so it cannot drop its name.
    expect(
      codeOf(() => networkFromCompact({ ...c, tensors: c.tensors.map((t, i) => (i === 0 ? { s: t.s } : t)) })),
    ).toBe('BAD_NETWORK');
    expect(codeOf(() => networkFromCompact('not a network'))).toBe('BAD_NETWORK');
  });

  it('never lets an own __proto__ attribute key reach a prototype, even when called directly', () => {
    const c = JSON.parse(JSON.stringify(compactNetwork(zooNetwork('alexnet'))));
    c.layers[0].a = JSON.parse('{"__proto__": {"polluted": 1}, "k": 3}');
    const net = networkFromCompact(c);
    expect(net.layers[0]!.attrs).toEqual({ k: 3 });
    expect((net.layers[0]!.attrs as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the offending field in the message', () => {
    const c = compactNetwork(zooNetwork('alexnet'));
    expect(() => networkFromCompact({ ...c, layers: c.layers.map((l, i) => (i === 2 ? { ...l, p: -3 } : l)) })).toThrow(
      /layers\.2\.p: params must be >= 0/,
    );
  });
});
