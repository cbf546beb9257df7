import type { OnnxNode } from './proto';
import { ONNX_DTYPE } from './tensor';
import {
  attrInt,
  attrInts,
  axisOf,
  broadcast,
  checked,
  foldBroadcast,
  input,
  shapeError,
  type Inferred,
  type Inputs,
  type ValueState,
} from './shapeCommon';
import { ONNX_LIMITS } from './limits';

/** Unary elementwise ops: output = input shape; values folded for the shape-arithmetic ones. */
export function unaryShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0);
  const f = UNARY_FOLD[node.opType];
  const values = f && x.values ? [x.values.map(f)] : undefined;
  // Dropout's optional mask output has the input's shape too.
  return { shapes: node.outputs.map(() => x.shape), ...(values ? { values } : {}), dtypes: [x.dtype] };
}

const UNARY_FOLD: Readonly<Record<string, (x: number) => number>> = {
  Identity: (x) => x,
  Neg: (x) => -x,
  Abs: Math.abs,
  Floor: Math.floor,
  Ceil: Math.ceil,
  Sqrt: Math.sqrt,
  Relu: (x) => Math.max(0, x),
  Not: (x) => (x ? 0 : 1),
};

const BINARY_FOLD: Readonly<Record<string, (xs: number[]) => number>> = {
  Add: ([a, b]) => a! + b!,
  Sub: ([a, b]) => a! - b!,
  Mul: ([a, b]) => a! * b!,
  Div: ([a, b]) => a! / b!,
  Pow: ([a, b]) => a! ** b!,
  Equal: ([a, b]) => (a === b ? 1 : 0),
  Less: ([a, b]) => (a! < b! ? 1 : 0),
  Greater: ([a, b]) => (a! > b! ? 1 : 0),
  Where: ([c, a, b]) => (c ? a! : b!),
  Max: (xs) => Math.max(...xs),
  Min: (xs) => Math.min(...xs),
  Sum: (xs) => xs.reduce((a, b) => a + b, 0),
};

const INT_TYPES = new Set<number>([ONNX_DTYPE.INT64, ONNX_DTYPE.INT32, ONNX_DTYPE.INT16, ONNX_DTYPE.INT8]);
const BOOL_OPS = new Set(['Equal', 'Less', 'Greater', 'And', 'Or', 'Xor', 'Not']);

/** Broadcasting ops with any number of inputs (Add, Mul, Where, Sum...). */
export function broadcastShape(node: OnnxNode, ins: Inputs): Inferred {
  const xs = node.inputs.map((_, i) => input(node, ins, i));
  const shape = checked(
    node,
    broadcast(
      node,
      xs.map((x) => x.shape),
    ),
  );
  const dtype = BOOL_OPS.has(node.opType) ? ONNX_DTYPE.BOOL : (xs[node.opType === 'Where' ? 1 : 0]?.dtype ?? 0);
  const f = BINARY_FOLD[node.opType];
  let values = f ? foldBroadcast(shape, xs, f) : undefined;
  // Integer division truncates in ONNX.
  if (values && node.opType === 'Div' && INT_TYPES.has(dtype)) values = values.map(Math.trunc);
  return { shapes: [shape], ...(values ? { values: [values] } : {}), dtypes: [dtype] };
}

/** Gemm: A [M, K] (transA), B [K, N] (transB) -> [M, N]. */
export function gemmShape(node: OnnxNode, ins: Inputs): Inferred {
  const a = input(node, ins, 0).shape;
  const b = input(node, ins, 1).shape;
  if (a.length !== 2 || b.length !== 2) throw shapeError(node, `A [${a.join(', ')}], B [${b.join(', ')}]`);
  const [m, k] = attrInt(node, 'transA', 0) ? [a[1]!, a[0]!] : [a[0]!, a[1]!];
  const [k2, n] = attrInt(node, 'transB', 0) ? [b[1]!, b[0]!] : [b[0]!, b[1]!];
  if (k !== k2) throw shapeError(node, `inner dimensions ${k} and ${k2} differ`);
  return { shapes: [[m, n]] };
}

/** MatMul with numpy semantics (1-D operands promoted, batch axes broadcast). */
export function matmulShape(node: OnnxNode, ins: Inputs): Inferred {
  const a = input(node, ins, 0).shape;
  const b = input(node, ins, 1).shape;
  if (a.length === 0 || b.length === 0) throw shapeError(node, 'scalar operand');
  const a2 = a.length === 1 ? [1, a[0]!] : a;
  const b2 = b.length === 1 ? [b[0]!, 1] : b;
  const k = a2[a2.length - 1]!;
  if (k !== b2[b2.length - 2]) throw shapeError(node, `inner dimensions ${k} and ${b2[b2.length - 2]} differ`);
  const batch = broadcast(node, [a2.slice(0, -2), b2.slice(0, -2)]);
  const out = [...batch];
  if (a.length > 1) out.push(a2[a2.length - 2]!);
  if (b.length > 1) out.push(b2[b2.length - 1]!);
  return { shapes: [checked(node, out)] };
}

/** BatchNormalization, LayerNormalization, InstanceNormalization: the input's shape (extra outputs: stats). */
export function normShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0).shape;
  if (node.opType === 'LayerNormalization') {
    const axis = axisOf(node, attrInt(node, 'axis', -1), x.length);
    const stat = x.map((d, i) => (i < axis ? d : 1));
    return { shapes: [x, stat, stat].slice(0, node.outputs.length) };
  }
  const c = x[1] ?? 1;
  return { shapes: node.outputs.map((_, i) => (i === 0 ? x : [c])) };
}

/** Softmax, LogSoftmax, Hardmax: same shape (axis only checked). */
export function softmaxShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0).shape;
  if (x.length > 0) axisOf(node, attrInt(node, 'axis', -1), x.length);
  return { shapes: [x] };
}

/** Reduce*: axes from the attribute (opset < 18) or input 1; keepdims default 1. */
export function reduceShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0);
  const rank = x.shape.length;
  const fromInput = ins[1]?.values;
  const axesRaw = fromInput ?? attrInts(node, 'axes');
  const keep = attrInt(node, 'keepdims', 1) === 1;
  const noop = attrInt(node, 'noop_with_empty_axes', 0) === 1;
  if ((!axesRaw || axesRaw.length === 0) && noop) return { shapes: [x.shape] };
  const axes = new Set(
    (axesRaw && axesRaw.length > 0 ? axesRaw : x.shape.map((_, i) => i)).map((a) => axisOf(node, a, rank)),
  );
  const out: number[] = [];
  x.shape.forEach((d, i) => {
    if (!axes.has(i)) out.push(d);
    else if (keep) out.push(1);
  });
  let values: number[] | undefined;
  if (x.values && node.opType === 'ReduceProd' && axes.size === rank) values = [x.values.reduce((a, b) => a * b, 1)];
  return { shapes: [out], ...(values ? { values: [values] } : {}), dtypes: [x.dtype] };
}

/** Clip: same shape; min / max come as inputs (opset >= 11) or attributes. */
export function clipShape(node: OnnxNode, ins: Inputs): Inferred {
  const x: ValueState = input(node, ins, 0);
  return { shapes: [x.shape] };
}

/** Range(start, limit, delta) on constants. */
export function rangeShape(node: OnnxNode, ins: Inputs): Inferred {
  const [start, limit, delta] = [0, 1, 2].map((i) => ins[i]?.values?.[0]);
  if (start === undefined || limit === undefined || delta === undefined || delta === 0) {
    throw shapeError(node, 'start, limit and delta must be known constants');
  }
  const n = Math.max(Math.ceil((limit - start) / delta), 0);
  checked(node, [n]);
  const values =
    n <= ONNX_LIMITS.maxDecodedElements ? Array.from({ length: n }, (_, i) => start + i * delta) : undefined;
  return { shapes: [[n]], ...(values ? { values: [values] } : {}), dtypes: [input(node, ins, 0).dtype] };
}
