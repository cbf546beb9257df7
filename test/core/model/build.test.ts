import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../../../src/core/model/build';
import { ExplorerError } from '../../../src/core/errors';
import { arbNetworkSpec } from '../../fixtures/arbitraries';
import { diamondSpec, layer, vectors } from '../../fixtures/networks';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof ExplorerError ? e.code : 'not-an-ExplorerError';
  }
  return undefined;
};

describe('buildNetwork', () => {
  it('orders an out-of-order diamond topologically and deterministically', () => {
    const net = buildNetwork(diamondSpec());
    expect(net.layers.map((l) => l.name)).toEqual(['split', 'right', 'left', 'join']);
    expect(net.layers.map((l) => l.index)).toEqual([0, 1, 2, 3]);
    expect(buildNetwork(diamondSpec()).layers.map((l) => l.name)).toEqual(net.layers.map((l) => l.name));
  });

  it('keeps a spec that is already topological in its own order', () => {
    fc.assert(
      fc.property(arbNetworkSpec(), (spec) => {
        const sorted = buildNetwork(spec);
        const again = buildNetwork({
          ...spec,
          layers: sorted.layers.map((l) => ({
            ...l,
            inputs: [...l.inputs],
            outputs: [...l.outputs],
            block: [...l.block],
            attrs: {},
          })),
        });
        expect(again.layers.map((l) => l.name)).toEqual(sorted.layers.map((l) => l.name));
      }),
    );
  });

  it('puts every producer before its consumers', () => {
    fc.assert(
      fc.property(arbNetworkSpec(), (spec) => {
        const net = buildNetwork(spec);
        for (const l of net.layers) for (const t of l.inputs) expect(net.producer[t]).toBeLessThan(l.index);
      }),
    );
  });

  it('computes bytes from shapes and dtype', () => {
    const net = buildNetwork(diamondSpec());
    const split = net.layers[0]!;
    expect(split.bytesRead).toBe(16); // 4 float32 input elements
    expect(split.bytesWritten).toBe(32);
  });

  it('derives the block hierarchy from dotted names', () => {
    const net = buildNetwork({
      id: 'b',
      name: 'b',
      dtype: 'float32',
      tensors: vectors(1, 1),
      layers: [layer('layer3.4.conv2', [0], 1)],
      inputs: [0],
      outputs: [1],
    });
    expect(net.layers[0]!.block).toEqual(['layer3', 'layer3.4']);
  });

  it('rejects an empty graph, a cycle, a dangling tensor, duplicates and bad numbers with codes', () => {
    const base = { id: 'x', name: 'x', dtype: 'float32' as const, inputs: [0], outputs: [2] };
    expect(codeOf(() => buildNetwork({ ...base, tensors: vectors(1), layers: [], outputs: [0] }))).toBe('EMPTY_GRAPH');
    expect(
      codeOf(() =>
        buildNetwork({ ...base, tensors: vectors(1, 1, 1), layers: [layer('a', [0, 2], 1), layer('b', [1], 2)] }),
      ),
    ).toBe('CYCLE');
    expect(
      codeOf(() =>
        buildNetwork({ ...base, tensors: vectors(1, 1, 1, 1), layers: [layer('a', [3], 1), layer('b', [1], 2)] }),
      ),
    ).toBe('DANGLING_TENSOR');
    expect(
      codeOf(() =>
        buildNetwork({ ...base, tensors: vectors(1, 1, 1), layers: [layer('a', [0], 1), layer('a', [1], 2)] }),
      ),
    ).toBe('DUPLICATE_NAME');
    expect(
      codeOf(() =>
        buildNetwork({ ...base, tensors: vectors(1, 1, 1), layers: [layer('a', [0], 2), layer('b', [0], 2)] }),
      ),
    ).toBe('DUPLICATE_PRODUCER');
    expect(
      codeOf(() =>
        buildNetwork({ ...base, tensors: vectors(1, 1, 1), layers: [layer('a', [0], 1), layer('b', [9], 2)] }),
      ),
    ).toBe('UNKNOWN_TENSOR');
    expect(
      codeOf(() =>
        buildNetwork({
          ...base,
          tensors: vectors(1, 1, 1),
          layers: [layer('a', [0], 1, { macs: NaN }), layer('b', [1], 2)],
        }),
      ),
    ).toBe('BAD_NUMBER');
    expect(
      codeOf(() =>
        buildNetwork({
          ...base,
          tensors: [{ name: 'x', shape: [1, 0], dtype: 'float32' }, ...vectors(1, 1)],
          layers: [layer('a', [0], 1), layer('b', [1], 2)],
        }),
      ),
    ).toBe('BAD_SHAPE');
  });

  it('names the layers on a cycle', () => {
    expect(() =>
      buildNetwork({
        id: 'x',
        name: 'x',
        dtype: 'float32',
        tensors: vectors(1, 1, 1),
        layers: [layer('first', [0, 2], 1), layer('second', [1], 2)],
        inputs: [0],
        outputs: [2],
      }),
    ).toThrow(/first, second/);
  });
});
