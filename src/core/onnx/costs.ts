import type { OpClass } from '../model/types';
import type { OnnxNode } from './proto';
import { ONNX_DTYPE } from './tensor';
import { attrInt, attrInts, numel, type ValueState } from './shapeCommon';

/** How a node input is fed: a graph activation, an initializer (weight) or a folded constant. */
export type InputKind = 'activation' | 'weight' | 'const';

/** A node input as the cost model sees it: its state and where it comes from. */
export interface CostInput {
  readonly state: ValueState;
  readonly kind: InputKind;
}

/** Per-node counts, following the zoo builder (torchvision conventions). */
export interface NodeCost {
  readonly opClass: OpClass;
  /** Learned parameters (torchvision `parameters()` numel). */
  readonly params: number;
  /** Elements of parameters plus buffers (BN running statistics). */
  readonly weightElements: number;
  readonly macs: number;
  readonly ops: number;
  readonly attrs: Record<string, number | readonly number[] | string>;
}

const MEMORY_OPS = new Set([
  'Concat',
  'Flatten',
  'Reshape',
  'Transpose',
  'Squeeze',
  'Unsqueeze',
  'Split',
  'Slice',
  'Pad',
  'Gather',
  'Expand',
  'Tile',
  'Resize',
  'Upsample',
  'DepthToSpace',
  'SpaceToDepth',
  'Cast',
]);
const POOL_OPS = new Set(['MaxPool', 'AveragePool', 'LpPool', 'GlobalAveragePool', 'GlobalMaxPool']);
const REDUCE_OPS = new Set(['ReduceMean', 'ReduceSum', 'ReduceMax', 'ReduceMin', 'ReduceProd', 'ReduceL2']);

const isFloat = (dtype: number): boolean =>
  dtype === ONNX_DTYPE.FLOAT ||
  dtype === ONNX_DTYPE.FLOAT16 ||
  dtype === ONNX_DTYPE.DOUBLE ||
  dtype === ONNX_DTYPE.BFLOAT16 ||
  dtype === 0;

/** Elements of non-activation inputs at the given positions (all when omitted). */
function constElements(ins: readonly (CostInput | undefined)[], positions?: readonly number[]): number {
  let n = 0;
  ins.forEach((x, i) => {
    if (x && x.kind !== 'activation' && (!positions || positions.includes(i))) n += numel(x.state.shape);
  });
  return n;
}

/**
 * Params, MACs, other ops and op class of one ONNX node, counted like the zoo
 * builder: MACs for Conv / ConvTranspose / Gemm / MatMul only; BN has 2C params
 * and 4C weight elements; pools cost kernel-size ops per output; elementwise
 * ops one per output element. Learned constants of other ops (a bias Add, a
 * LayerNorm scale) count as params when they come from initializers and have
 * more than one element (scalars are hyper-parameters, not weights).
 * Unknown ops: zero work. O(inputs + rank).
 */
export function nodeCost(
  node: OnnxNode,
  ins: readonly (CostInput | undefined)[],
  outShapes: readonly (readonly number[])[],
  known: boolean,
): NodeCost {
  const out = outShapes[0] ?? [];
  const outN = numel(out);
  const op = node.opType;
  const x = ins[0]?.state.shape ?? [];
  switch (op) {
    case 'Conv': {
      const w = ins[1]?.state.shape ?? [];
      const group = attrInt(node, 'group', 1);
      const perOut = numel(w.slice(1));
      const params = constElements(ins, [1, 2]);
      const hasBias = ins[2] !== undefined;
      const kernel = w.slice(2);
      return {
        opClass: group > 1 && group === x[1] ? 'depthwise' : 'conv',
        params,
        weightElements: params,
        macs: outN * perOut,
        ops: hasBias ? outN : 0,
        attrs: {
          kernel,
          stride: attrInts(node, 'strides') ?? kernel.map(() => 1),
          pads: attrInts(node, 'pads') ?? kernel.map(() => 0),
          dilation: attrInts(node, 'dilations')?.[0] ?? 1,
          group,
          inChannels: x[1] ?? 0,
          outChannels: w[0] ?? 0,
        },
      };
    }
    case 'ConvTranspose': {
      const w = ins[1]?.state.shape ?? [];
      const params = constElements(ins, [1, 2]);
      return {
        opClass: 'conv',
        params,
        weightElements: params,
        macs: numel(x) * numel(w.slice(1)),
        ops: ins[2] ? outN : 0,
        attrs: { kernel: w.slice(2), group: attrInt(node, 'group', 1) },
      };
    }
    case 'Gemm': {
      const a = ins[0]?.state.shape ?? [];
      const k = attrInt(node, 'transA', 0) ? (a[0] ?? 0) : (a[1] ?? 0);
      const params = constElements(ins);
      return {
        opClass: 'gemm',
        params,
        weightElements: params,
        macs: outN * k,
        ops: ins[2] ? outN : 0,
        attrs: { inFeatures: k, outFeatures: out[1] ?? 0 },
      };
    }
    case 'MatMul': {
      const a = ins[0]?.state.shape ?? [];
      const params = constElements(ins);
      return {
        opClass: 'gemm',
        params,
        weightElements: params,
        macs: outN * (a[a.length - 1] ?? 1),
        ops: 0,
        attrs: {},
      };
    }
    case 'BatchNormalization': {
      const params = constElements(ins, [1, 2]);
      return {
        opClass: 'elementwise',
        params,
        weightElements: params + constElements(ins, [3, 4]),
        macs: 0,
        ops: 2 * outN,
        attrs: {},
      };
    }
    case 'LayerNormalization':
    case 'InstanceNormalization': {
      const params = constElements(ins, [1, 2]);
      return { opClass: 'elementwise', params, weightElements: params, macs: 0, ops: 5 * outN, attrs: {} };
    }
  }
  if (POOL_OPS.has(op)) {
    const kernel = attrInts(node, 'kernel_shape');
    const ops = kernel ? outN * numel(kernel) : numel(x);
    return {
      opClass: 'pooling',
      params: 0,
      weightElements: 0,
      macs: 0,
      ops,
      attrs: kernel
        ? { kernel, stride: attrInts(node, 'strides') ?? kernel.map(() => 1), ceil: attrInt(node, 'ceil_mode', 0) }
        : {},
    };
  }
  if (REDUCE_OPS.has(op))
    return { opClass: 'pooling', params: 0, weightElements: 0, macs: 0, ops: numel(x), attrs: {} };
  if (MEMORY_OPS.has(op)) {
    return { opClass: 'memory', params: 0, weightElements: 0, macs: 0, ops: op === 'Resize' ? outN : 0, attrs: {} };
  }
  // Elementwise and unknown ops: learned tensors (initializers, float, > 1 element) are params.
  let params = 0;
  for (const i of ins) {
    if (i && i.kind === 'weight' && isFloat(i.state.dtype) && numel(i.state.shape) > 1) params += numel(i.state.shape);
  }
  return { opClass: 'elementwise', params, weightElements: params, macs: 0, ops: known ? outN : 0, attrs: {} };
}
