import { describe, expect, it } from 'vitest';
import type { Network } from '../../../src/core/model/types';
import { importOnnxBytes } from '../../../src/core/onnx';
import { model, type GraphDesc, type NodeDesc, type TensorDesc } from '../../fixtures/onnxWriter';

const INT64 = 7;
const weight = (name: string, dims: number[]): TensorDesc => ({ name, dims, external: true });
const ints = (name: string, values: number[]): TensorDesc => ({
  name,
  dims: [values.length],
  dataType: INT64,
  int64s: values,
});

/** Imports a one-input graph; the last node's first output is the graph output. */
function importGraph(
  inputDims: (number | string)[],
  nodes: NodeDesc[],
  initializers: TensorDesc[] = [],
  extra: Partial<GraphDesc> = {},
) {
  const last = nodes[nodes.length - 1]!;
  return importOnnxBytes(
    model({
      nodes,
      initializers,
      inputs: [{ name: 'x', dims: inputDims }],
      outputs: [{ name: last.outputs[0]! }],
      ...extra,
    }),
  );
}

const shapeOf = (net: Network, layer: number, output = 0): readonly number[] =>
  net.tensors[net.layers[layer]!.outputs[output]!]!.shape;

describe('shape inference and costs per op', () => {
  it('Conv: groups, dilations, strides and asymmetric pads', () => {
    const { network } = importGraph(
      [1, 8, 20, 20],
      [
        {
          op: 'Conv',
          inputs: ['x', 'w', 'b'],
          outputs: ['y'],
          attrs: { group: 2, dilations: [2, 2], strides: [2, 2], pads: [1, 2, 3, 0] },
        },
      ],
      [weight('w', [6, 4, 3, 3]), weight('b', [6])],
    );
    // H: (20 + 1 + 3 - 2*2 - 1) / 2 + 1 = 10; W: (20 + 2 + 0 - 5) / 2 + 1 = 9.
    expect(shapeOf(network, 0)).toEqual([1, 6, 10, 9]);
    const conv = network.layers[0]!;
    expect(conv.params).toBe(6 * 4 * 9 + 6);
    expect(conv.macs).toBe(6 * 10 * 9 * 4 * 9);
    expect(conv.opClass).toBe('conv');
  });

  it('Conv: auto_pad SAME_UPPER keeps ceil(H / stride); depthwise is its own class', () => {
    const { network } = importGraph(
      [1, 4, 15, 15],
      [
        {
          op: 'Conv',
          inputs: ['x', 'w'],
          outputs: ['y'],
          attrs: { group: 4, strides: [2, 2], auto_pad: 'SAME_UPPER' },
        },
      ],
      [weight('w', [4, 1, 3, 3])],
    );
    expect(shapeOf(network, 0)).toEqual([1, 4, 8, 8]);
    expect(network.layers[0]!.opClass).toBe('depthwise');
  });

  it('ConvTranspose doubles with stride 2, kernel 4, pad 1', () => {
    const { network } = importGraph(
      [1, 8, 16, 16],
      [{ op: 'ConvTranspose', inputs: ['x', 'w'], outputs: ['y'], attrs: { strides: [2, 2], pads: [1, 1, 1, 1] } }],
      [weight('w', [8, 3, 4, 4])],
    );
    expect(shapeOf(network, 0)).toEqual([1, 3, 32, 32]);
    expect(network.layers[0]!.macs).toBe(8 * 16 * 16 * 3 * 16);
  });

  it('MaxPool in ceil mode, AveragePool with pads, GlobalAveragePool', () => {
    const { network } = importGraph(
      [1, 2, 14, 14],
      [
        {
          op: 'MaxPool',
          inputs: ['x'],
          outputs: ['a'],
          attrs: { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 },
        },
        {
          op: 'AveragePool',
          inputs: ['a'],
          outputs: ['b'],
          attrs: { kernel_shape: [3, 3], strides: [1, 1], pads: [1, 1, 1, 1] },
        },
        { op: 'GlobalAveragePool', inputs: ['b'], outputs: ['c'] },
      ],
    );
    expect([0, 1, 2].map((i) => shapeOf(network, i))).toEqual([
      [1, 2, 7, 7],
      [1, 2, 7, 7],
      [1, 2, 1, 1],
    ]);
    expect(network.layers[0]!.ops).toBe(2 * 49 * 9);
  });

  it('Gemm with transB and MatMul with batch broadcasting', () => {
    const { network } = importGraph(
      [2, 3, 4, 5],
      [
        { op: 'MatMul', inputs: ['x', 'm'], outputs: ['a'] },
        { op: 'Reshape', inputs: ['a', 'shape'], outputs: ['r'] },
        { op: 'Gemm', inputs: ['r', 'w', 'b'], outputs: ['y'], attrs: { transB: 1 } },
      ],
      [weight('m', [5, 6]), ints('shape', [-1, 24]), weight('w', [10, 24]), weight('b', [10])],
    );
    expect(shapeOf(network, 0)).toEqual([2, 3, 4, 6]);
    expect(network.layers[0]!.macs).toBe(2 * 3 * 4 * 6 * 5);
    expect(network.layers[0]!.params).toBe(30);
    expect(shapeOf(network, 1)).toEqual([6, 24]);
    expect(shapeOf(network, 2)).toEqual([6, 10]);
    expect(network.layers[2]!.params).toBe(250);
  });

  it("folds torch's Shape -> Gather -> Unsqueeze -> Concat -> Reshape subgraph", () => {
    const { network } = importGraph(
      ['batch', 3, 8, 8],
      [
        { op: 'Relu', inputs: ['x'], outputs: ['a'] },
        { op: 'Shape', inputs: ['a'], outputs: ['s'] },
        {
          op: 'Constant',
          inputs: [],
          outputs: ['zero'],
          attrs: { value: { tensor: { name: '', dims: [], dataType: INT64, int64s: [0] } } },
        },
        { op: 'Gather', inputs: ['s', 'zero'], outputs: ['n'], attrs: { axis: 0 } },
        { op: 'Unsqueeze', inputs: ['n', 'axes'], outputs: ['n1'] },
        { op: 'Concat', inputs: ['n1', 'minus1'], outputs: ['target'], attrs: { axis: 0 } },
        { op: 'Reshape', inputs: ['a', 'target'], outputs: ['y'] },
      ],
      [ints('axes', [0]), ints('minus1', [-1])],
    );
    expect(network.layers.map((l) => l.op)).toEqual(['Relu', 'Reshape']);
    expect(shapeOf(network, 1)).toEqual([1, 192]);
  });

  it('Transpose, Split, Slice, Squeeze, Unsqueeze, Pad, Resize', () => {
    const { network } = importGraph(
      [1, 6, 4, 4],
      [
        { op: 'Transpose', inputs: ['x'], outputs: ['t'], attrs: { perm: [0, 2, 3, 1] } },
        { op: 'Split', inputs: ['t', 'parts'], outputs: ['s0', 's1'], attrs: { axis: 3 } },
        { op: 'Slice', inputs: ['s1', 'starts', 'ends', 'axes'], outputs: ['sl'] },
        { op: 'Unsqueeze', inputs: ['sl', 'ax0'], outputs: ['u'] },
        { op: 'Squeeze', inputs: ['u', 'ax0'], outputs: ['q'] },
        { op: 'Transpose', inputs: ['q'], outputs: ['q2'], attrs: { perm: [0, 3, 1, 2] } },
        { op: 'Pad', inputs: ['q2', 'pads'], outputs: ['p'] },
        { op: 'Resize', inputs: ['p', '', 'scales'], outputs: ['y'] },
      ],
      [
        ints('parts', [2, 4]),
        ints('starts', [1]),
        ints('ends', [-1]),
        ints('axes', [3]),
        ints('ax0', [0]),
        ints('pads', [0, 0, 1, 2, 0, 0, 1, 0]),
        { name: 'scales', dims: [4], dataType: 1, raw: new Uint8Array(new Float32Array([1, 1, 2, 2]).buffer) },
      ],
    );
    const shapes = network.layers.map((_, i) => shapeOf(network, i));
    expect(shapes).toEqual([
      [1, 4, 4, 6],
      [1, 4, 4, 2],
      [1, 4, 4, 2],
      [1, 1, 4, 4, 2],
      [1, 4, 4, 2],
      [1, 2, 4, 4],
      [1, 2, 6, 6],
      [1, 2, 12, 12],
    ]);
    expect(shapeOf(network, 1, 1)).toEqual([1, 4, 4, 4]);
  });

  it('ReduceMean, LayerNormalization (params), Softmax, Erf, HardSwish, Add with a bias', () => {
    const { network } = importGraph(
      [2, 5, 16],
      [
        { op: 'LayerNormalization', inputs: ['x', 'g', 'beta'], outputs: ['n'], attrs: { axis: -1 } },
        { op: 'Add', inputs: ['n', 'bias'], outputs: ['a'] },
        { op: 'Erf', inputs: ['a'], outputs: ['e'] },
        { op: 'HardSwish', inputs: ['e'], outputs: ['h'] },
        { op: 'Softmax', inputs: ['h'], outputs: ['s'], attrs: { axis: -1 } },
        { op: 'ReduceMean', inputs: ['s'], outputs: ['y'], attrs: { axes: [1], keepdims: 0 } },
      ],
      [weight('g', [16]), weight('beta', [16]), weight('bias', [16])],
    );
    expect(network.layers.map((_, i) => shapeOf(network, i))).toEqual([
      [2, 5, 16],
      [2, 5, 16],
      [2, 5, 16],
      [2, 5, 16],
      [2, 5, 16],
      [2, 16],
    ]);
    expect(network.layers.map((l) => l.params)).toEqual([32, 16, 0, 0, 0, 0]);
  });

  it('Identity on an initializer is a weight alias, Identity and Dropout on activations pass through', () => {
    const { network } = importGraph(
      [1, 3, 8, 8],
      [
        { op: 'Identity', inputs: ['w'], outputs: ['w_alias'] },
        { op: 'Conv', inputs: ['x', 'w_alias'], outputs: ['c'] },
        { op: 'Dropout', inputs: ['c'], outputs: ['d'] },
        { op: 'Identity', inputs: ['d'], outputs: ['i'] },
        { op: 'Relu', inputs: ['i'], outputs: ['y'] },
      ],
      [weight('w', [4, 3, 1, 1])],
    );
    expect(network.layers.map((l) => l.op)).toEqual(['Conv', 'Relu']);
    expect(network.layers[0]!.params).toBe(12);
    expect(network.layers[1]!.inputs).toEqual(network.layers[0]!.outputs);
  });

  it('Concat and Gather on activations; unknown ops keep value_info shapes and warn', () => {
    const result = importGraph(
      [1, 4, 6],
      [
        { op: 'Relu', inputs: ['x'], outputs: ['a'] },
        { op: 'Concat', inputs: ['x', 'a'], outputs: ['c'], attrs: { axis: 1 } },
        { op: 'Gather', inputs: ['c', 'idx'], outputs: ['g'], attrs: { axis: 2 } },
        { op: 'FancyOp', inputs: ['g'], outputs: ['y'] },
      ],
      [ints('idx', [0, 2, 4])],
      { valueInfo: [{ name: 'y', dims: [1, 8, 3, 2] }] },
    );
    const net = result.network;
    expect(shapeOf(net, 1)).toEqual([1, 8, 6]);
    expect(shapeOf(net, 2)).toEqual([1, 8, 3]);
    expect(shapeOf(net, 3)).toEqual([1, 8, 3, 2]);
    expect(net.layers[3]!.macs).toBe(0);
    expect(result.warnings).toEqual(['unknown op FancyOp (node ""): counted as zero MACs']);
  });

  it('an unevaluable constant only warns; a failed inference falls back to value_info', () => {
    const result = importGraph(
      [1, 3, 8, 8],
      [
        { name: 'odd_constant', op: 'Constant', inputs: [], outputs: ['unused'] },
        { name: 'odd_conv', op: 'Conv', inputs: ['x', 'w'], outputs: ['y'] },
      ],
      [weight('w', [4, 5, 3, 3])],
      { valueInfo: [{ name: 'y', dims: ['batch', 4, 6, 6] }] },
    );
    expect(shapeOf(result.network, 0)).toEqual([1, 4, 6, 6]);
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toMatch(/constant Constant node "odd_constant" not evaluated/);
    expect(result.warnings[1]).toMatch(/odd_conv.*using the shapes from value_info/);
  });

  it('uses value_info for shapes when present', () => {
    const { network } = importGraph([1, 4], [{ op: 'Relu', inputs: ['x'], outputs: ['y'] }], [], {
      valueInfo: [{ name: 'y', dims: ['batch', 4] }],
    });
    expect(shapeOf(network, 0)).toEqual([1, 4]);
  });
});
