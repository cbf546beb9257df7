import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExplorerError, type ErrorCode } from '../../../src/core/errors';
import { importOnnxBytes, ONNX_LIMITS } from '../../../src/core/onnx';
import { SHAPE_FNS } from '../../../src/core/onnx/shapes';
import { WireReader } from '../../../src/core/onnx/wire';
import { concat, lenField, model, node, varint, type NodeDesc, type TensorDesc } from '../../fixtures/onnxWriter';

const tiny = new Uint8Array(readFileSync(new URL('../../fixtures/onnx/tiny.onnx', import.meta.url)));

/** The code of the ExplorerError `fn` throws; fails on success or on any other error. */
function codeOf(fn: () => unknown): ErrorCode {
  try {
    fn();
  } catch (e) {
    if (e instanceof ExplorerError) return e.code;
    throw e;
  }
  throw new Error('expected an ExplorerError, but the call succeeded');
}

/** Importing either succeeds with a valid network or throws an ExplorerError: never another error. */
function importsOrExplains(bytes: Uint8Array): boolean {
  try {
    const { network } = importOnnxBytes(bytes);
    return network.layers.length > 0;
  } catch (e) {
    if (e instanceof ExplorerError) return true;
    throw e;
  }
}

const chain = (inputDims: number[], nodes: NodeDesc[], initializers: TensorDesc[] = []) =>
  model({
    nodes,
    initializers,
    inputs: [{ name: 'x', dims: inputDims }],
    outputs: [{ name: nodes[nodes.length - 1]!.outputs[0]! }],
  });

describe('wire reader', () => {
  it('reads back every varint and int64 the writer encodes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), (v) => {
        const r = new WireReader(varint(v));
        return v < 0 ? r.int64() === v : r.varint() === v;
      }),
      { numRuns: 500 },
    );
  });

  it('rejects an 11-byte varint and a length past the end', () => {
    expect(codeOf(() => new WireReader(new Uint8Array(11).fill(0xff)).varint())).toBe('ONNX_MALFORMED');
    expect(codeOf(() => importOnnxBytes(Uint8Array.of(0x3a, 0xff, 0xff, 0xff, 0xff, 0x0f)))).toBe('ONNX_TRUNCATED');
  });
});

describe('bad files', () => {
  it('an empty file and a text file are not ONNX models', () => {
    expect(codeOf(() => importOnnxBytes(new Uint8Array(0)))).toBe('ONNX_NOT_MODEL');
    const text = new TextEncoder().encode('layer,time_ms\nconv1,1.5\n');
    expect(codeOf(() => importOnnxBytes(text))).toMatch(/^ONNX_/);
  });

  it('every truncation of a valid file fails with an ExplorerError', () => {
    const codes = new Set<ErrorCode>();
    for (let end = 0; end < tiny.length; end += 7) codes.add(codeOf(() => importOnnxBytes(tiny.subarray(0, end))));
    expect([...codes].every((c) => c.startsWith('ONNX_') || c === 'DANGLING_TENSOR' || c === 'EMPTY_GRAPH')).toBe(true);
    expect(codes.has('ONNX_TRUNCATED')).toBe(true);
  });

  it('a cyclic graph names the nodes on the cycle', () => {
    const bytes = chain(
      [1, 4],
      [
        { name: 'first', op: 'Add', inputs: ['x', 'back'], outputs: ['a'] },
        { name: 'second', op: 'Relu', inputs: ['a'], outputs: ['back'] },
        { name: 'out', op: 'Relu', inputs: ['a'], outputs: ['y'] },
      ],
    );
    expect(codeOf(() => importOnnxBytes(bytes))).toBe('CYCLE');
    expect(() => importOnnxBytes(bytes)).toThrow(/"first"/);
  });

  it('a node reading an undefined tensor is a dangling tensor', () => {
    const bytes = chain([1, 4], [{ name: 'r', op: 'Add', inputs: ['x', 'ghost'], outputs: ['y'] }]);
    expect(codeOf(() => importOnnxBytes(bytes))).toBe('DANGLING_TENSOR');
  });

  it.each([
    ['a negative dim', [-3, 4]],
    ['a dim above 2^31', [2 ** 31, 4]],
    ['an element count that overflows', [2 ** 30, 2 ** 30, 2 ** 30]],
    ['rank 9', [1, 1, 1, 1, 1, 1, 1, 1, 1]],
  ])('an initializer with %s hits ONNX_LIMIT', (_, dims) => {
    const bytes = chain(
      [1, 4],
      [{ op: 'Add', inputs: ['x', 'w'], outputs: ['y'] }],
      [{ name: 'w', dims, external: true }],
    );
    expect(codeOf(() => importOnnxBytes(bytes))).toBe('ONNX_LIMIT');
  });

  it('a zero or huge input dim hits ONNX_LIMIT; an unknown symbolic dim asks for a value', () => {
    expect(codeOf(() => importOnnxBytes(chain([1, 0], [{ op: 'Relu', inputs: ['x'], outputs: ['y'] }])))).toBe(
      'ONNX_LIMIT',
    );
    const huge = chain([2 ** 20, 2 ** 20, 2 ** 20], [{ op: 'Relu', inputs: ['x'], outputs: ['y'] }]);
    expect(codeOf(() => importOnnxBytes(huge))).toBe('ONNX_LIMIT');
    const symbolic = model({
      nodes: [{ op: 'Relu', inputs: ['x'], outputs: ['y'] }],
      inputs: [{ name: 'x', dims: ['N', 'width'] }],
      outputs: [{ name: 'y' }],
    });
    expect(codeOf(() => importOnnxBytes(symbolic))).toBe('ONNX_SYMBOLIC_DIM');
    expect(importOnnxBytes(symbolic, { dims: { width: 7 } }).network.inputShape).toEqual([1, 7]);
  });

  it('inconsistent shapes fail with ONNX_SHAPE naming the node', () => {
    const bytes = chain(
      [1, 3, 8, 8],
      [{ name: 'bad_conv', op: 'Conv', inputs: ['x', 'w'], outputs: ['y'] }],
      [{ name: 'w', dims: [4, 5, 3, 3], external: true }],
    );
    expect(codeOf(() => importOnnxBytes(bytes))).toBe('ONNX_SHAPE');
    expect(() => importOnnxBytes(bytes)).toThrow(/bad_conv/);
  });

  it('a graph with more nodes than the limit is refused while parsing', () => {
    const one = lenField(1, node({ op: 'Relu', inputs: ['x'], outputs: ['y'] }));
    const graph = new Uint8Array(one.length * (ONNX_LIMITS.maxNodes + 1));
    for (let i = 0; i <= ONNX_LIMITS.maxNodes; i++) graph.set(one, i * one.length);
    const bytes = concat([varint(7 * 8 + 2), varint(graph.length), graph]);
    expect(codeOf(() => importOnnxBytes(bytes))).toBe('ONNX_LIMIT');
  }, 60_000);

  // Generous timeouts: the shared CI machine can be slow; bench/onnx.ts measures speed.
  it('imports a 100,000-node chain', () => {
    const nodes: NodeDesc[] = Array.from({ length: 100_000 }, (_, i) => ({
      name: `/block${Math.floor(i / 100)}/relu${i % 100}/Relu`,
      op: 'Relu',
      inputs: [i === 0 ? 'x' : `t${i - 1}`],
      outputs: [`t${i}`],
    }));
    const { network } = importOnnxBytes(chain([1, 16], nodes));
    expect(network.layers).toHaveLength(100_000);
    expect(network.layers[99_999]!.name).toBe('block999.relu99');
    expect(network.layers[99_999]!.block).toEqual(['block999']);
  }, 60_000);
});

describe('hostile but well-formed graphs stay linear', () => {
  it('a Concat of 50,000 constant operands and a Sum of 50,000 inputs are not folded element by element', () => {
    const many = Array.from({ length: 50_000 }, () => 'c');
    const bytes = model({
      nodes: [
        { op: 'Concat', inputs: many, outputs: ['big'], attrs: { axis: 0 } },
        { op: 'Sum', inputs: many, outputs: ['sum'] },
        { op: 'Sum', inputs: Array.from({ length: 50_000 }, () => 'x'), outputs: ['y'] },
      ],
      initializers: [{ name: 'c', dims: [4096], dataType: 7, raw: new Uint8Array(8 * 4096) }],
      inputs: [{ name: 'x', dims: [1, 4] }],
      outputs: [{ name: 'y' }],
    });
    const { network } = importOnnxBytes(bytes);
    expect(network.layers.map((l) => l.op)).toEqual(['Sum']);
    expect(network.layers[0]!.inputs).toHaveLength(1);
  });

  it('every known op, fed too few, too many or odd-shaped inputs, imports or explains', () => {
    const arities = [
      [],
      ['x'],
      ['x', 'x'],
      ['x', 'x', 'x'],
      ['s'],
      ['x', 's'],
      ['v'],
      ['x', 'v'],
      ['x', 'v', 'v', 'v'],
    ];
    const inputShapes = [[1, 4, 8, 8], [4], []];
    let imported = 0;
    for (const op of SHAPE_FNS.keys()) {
      for (const inputs of arities) {
        for (const dims of inputShapes) {
          const bytes = model({
            nodes: [
              { op, inputs, outputs: ['y'] },
              { op: 'Relu', inputs: ['x'], outputs: ['z'] },
            ],
            initializers: [
              { name: 's', dims: [], dataType: 7, int64s: [2] },
              { name: 'v', dims: [2], dataType: 7, int64s: [1, -1] },
            ],
            inputs: [{ name: 'x', dims }],
            outputs: [{ name: 'y' }, { name: 'z' }],
          });
          expect(importsOrExplains(bytes)).toBe(true);
          imported++;
        }
      }
    }
    expect(imported).toBe(SHAPE_FNS.size * arities.length * inputShapes.length);
  });

  it('absurdly deep node names import without a block path', () => {
    const deepScope = '/a'.repeat(100_000) + '/Relu';
    const deepDots = 'b.'.repeat(100_000) + 'relu';
    const bytes = chain(
      [1, 4],
      [
        { name: deepScope, op: 'Relu', inputs: ['x'], outputs: ['h'] },
        { name: deepDots, op: 'Relu', inputs: ['h'], outputs: ['y'] },
      ],
    );
    const { network } = importOnnxBytes(bytes);
    expect(network.layers.map((l) => l.name)).toEqual([deepScope, deepDots]);
    expect(network.layers.map((l) => l.block)).toEqual([[], []]);
  });
});

describe('fuzz (fast-check, bounded to a few seconds)', () => {
  it('random bytes never crash the importer', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), importsOrExplains), { numRuns: 1500 });
  });

  it('random byte edits of a real export never crash the importer', () => {
    const edit = fc.record({ at: fc.nat({ max: tiny.length - 1 }), value: fc.integer({ min: 0, max: 255 }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = tiny.slice();
        for (const e of edits) bytes[e.at] = e.value;
        return importsOrExplains(bytes);
      }),
      { numRuns: 1500 },
    );
  });

  it('random edits of a graph using many ops and attributes never crash the importer', () => {
    const ints = (name: string, values: number[]): TensorDesc => ({
      name,
      dims: [values.length],
      dataType: 7,
      int64s: values,
    });
    const rich = model({
      nodes: [
        { op: 'Conv', inputs: ['x', 'w'], outputs: ['c'], attrs: { pads: [1, 1, 1, 1], strides: [2, 2], group: 1 } },
        {
          op: 'MaxPool',
          inputs: ['c'],
          outputs: ['p'],
          attrs: { kernel_shape: [2, 2], strides: [2, 2], ceil_mode: 1 },
        },
        { op: 'Shape', inputs: ['p'], outputs: ['s'] },
        { op: 'Gather', inputs: ['s', 'zero'], outputs: ['n'], attrs: { axis: 0 } },
        { op: 'Unsqueeze', inputs: ['n', 'zero1'], outputs: ['n1'] },
        { op: 'Concat', inputs: ['n1', 'minus1'], outputs: ['target'], attrs: { axis: 0 } },
        { op: 'Pad', inputs: ['p', 'pads'], outputs: ['pp'] },
        { op: 'Resize', inputs: ['pp', '', 'scales'], outputs: ['r'] },
        { op: 'Split', inputs: ['r', 'parts'], outputs: ['r0', 'r1'], attrs: { axis: 1 } },
        { op: 'Slice', inputs: ['r0', 'starts', 'ends', 'axes'], outputs: ['sl'] },
        { op: 'Transpose', inputs: ['sl'], outputs: ['t'], attrs: { perm: [0, 1, 3, 2] } },
        { op: 'Reshape', inputs: ['t', 'target'], outputs: ['flat'] },
        { op: 'Gemm', inputs: ['flat', 'fw', 'fb'], outputs: ['y'], attrs: { transB: 1 } },
      ],
      initializers: [
        { name: 'w', dims: [4, 3, 3, 3], external: true },
        { name: 'zero', dims: [], dataType: 7, int64s: [0] },
        ints('zero1', [0]),
        ints('minus1', [-1]),
        ints('pads', [0, 0, 1, 1, 0, 0, 1, 1]),
        { name: 'scales', dims: [4], dataType: 1, raw: new Uint8Array(new Float32Array([1, 1, 2, 2]).buffer) },
        ints('parts', [2, 2]),
        ints('starts', [1]),
        ints('ends', [-1]),
        ints('axes', [3]),
        { name: 'fw', dims: [10, 240], external: true },
        { name: 'fb', dims: [10], external: true },
      ],
      inputs: [{ name: 'x', dims: [1, 3, 16, 16] }],
      outputs: [{ name: 'y' }],
    });
    expect(importOnnxBytes(rich).network.layers).toHaveLength(9);
    const edit = fc.record({ at: fc.nat({ max: rich.length - 1 }), value: fc.integer({ min: 0, max: 255 }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const bytes = rich.slice();
        for (const e of edits) bytes[e.at] = e.value;
        return importsOrExplains(bytes);
      }),
      { numRuns: 1500 },
    );
  });

  it('spliced, cut and repeated chunks of a real export never crash the importer', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: tiny.length }),
        fc.nat({ max: tiny.length }),
        fc.uint8Array({ maxLength: 16 }),
        (a, b, junk) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          return importsOrExplains(concat([tiny.subarray(0, from), junk, tiny.subarray(to), tiny.subarray(from, to)]));
        },
      ),
      { numRuns: 800 },
    );
  });
});
