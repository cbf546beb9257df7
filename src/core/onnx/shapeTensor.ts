import { ONNX_LIMITS } from './limits';
import type { OnnxNode } from './proto';
import { ONNX_DTYPE } from './tensor';
import {
  attrInt,
  attrInts,
  axisOf,
  broadcast,
  checked,
  constInput,
  input,
  numel,
  shapeError,
  type Inferred,
  type Inputs,
} from './shapeCommon';

const small = (n: number): boolean => n <= ONNX_LIMITS.maxDecodedElements;

/** Concat along `axis`; values concatenated when every input is a 1-D constant. */
export function concatShape(node: OnnxNode, ins: Inputs): Inferred {
  const xs = node.inputs.map((_, i) => input(node, ins, i));
  if (xs.length === 0) throw shapeError(node, 'no inputs');
  const rank = xs[0]!.shape.length;
  const axis = axisOf(node, attrInt(node, 'axis', 0), rank);
  const out = [...xs[0]!.shape];
  out[axis] = 0;
  for (const x of xs) {
    if (x.shape.length !== rank || x.shape.some((d, i) => i !== axis && d !== out[i])) {
      throw shapeError(
        node,
        `cannot concatenate [${xs.map((v) => v.shape.join(', ')).join('] and [')}] on axis ${axis}`,
      );
    }
    out[axis]! += x.shape[axis]!;
  }
  const values =
    rank === 1 && small(out[0]!) && xs.every((x) => x.values) ? [xs.flatMap((x) => [...x.values!])] : undefined;
  return { shapes: [checked(node, out)], ...(values ? { values } : {}), dtypes: [xs[0]!.dtype] };
}

/** Flatten to [prod(dims before axis), prod(dims from axis)]. */
export function flattenShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0).shape;
  const axis = attrInt(node, 'axis', 1);
  const a = axis < 0 ? axis + x.length : axis;
  if (a < 0 || a > x.length) throw shapeError(node, `axis ${axis} for rank ${x.length}`);
  return { shapes: [[numel(x.slice(0, a)), numel(x.slice(a))]] };
}

/** Reshape with a constant target: 0 copies the input dim (unless allowzero), -1 is inferred. */
export function reshapeShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0);
  const target = constInput(node, ins, 1, 'the target shape');
  const allowZero = attrInt(node, 'allowzero', 0) === 1;
  const out = target.map((d, i) => (d === 0 && !allowZero ? (x.shape[i] ?? NaN) : d));
  const total = numel(x.shape);
  const minus = out.filter((d) => d === -1).length;
  if (minus > 1) throw shapeError(node, 'more than one -1 in the target shape');
  if (minus === 1) {
    const known = numel(out.filter((d) => d !== -1));
    if (known === 0 || total % known !== 0)
      throw shapeError(node, `cannot reshape ${total} elements to [${target.join(', ')}]`);
    out[out.indexOf(-1)] = total / known;
  }
  const shape = checked(node, out);
  if (numel(shape) !== total)
    throw shapeError(node, `cannot reshape [${x.shape.join(', ')}] to [${target.join(', ')}]`);
  return { shapes: [shape], ...(x.values ? { values: [x.values] } : {}), dtypes: [x.dtype] };
}

/** Transpose by `perm` (default: reverse). */
export function transposeShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0).shape;
  const perm = attrInts(node, 'perm') ?? x.map((_, i) => x.length - 1 - i);
  if (perm.length !== x.length || new Set(perm).size !== perm.length || perm.some((p) => !(p >= 0 && p < x.length))) {
    throw shapeError(node, `perm [${perm.join(', ')}] for rank ${x.length}`);
  }
  return { shapes: [perm.map((p) => x[p]!)] };
}

/** Pad: pads from input 1 (opset >= 11) or the attribute; optional axes (opset 18). */
export function padShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0).shape;
  const pads = ins[1] ? constInput(node, ins, 1, 'pads') : attrInts(node, 'pads');
  if (!pads) throw shapeError(node, 'no pads');
  const axes = ins[3]?.values?.map((a) => axisOf(node, a, x.length)) ?? x.map((_, i) => i);
  if (pads.length !== 2 * axes.length) throw shapeError(node, `${pads.length} pads for ${axes.length} axes`);
  const out = [...x];
  axes.forEach((a, i) => (out[a] = out[a]! + pads[i]! + pads[i + axes.length]!));
  return { shapes: [checked(node, out)] };
}

/** Resize / Upsample: `sizes` if given, else floor(input * scales). */
export function resizeShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0).shape;
  let sizes: readonly number[] | undefined;
  let scales: readonly number[] | undefined;
  if (node.opType === 'Upsample') {
    scales = ins[1]?.values ?? node.attrs.get('scales')?.floats;
  } else {
    sizes = ins[3]?.values;
    // Resize-10 has scales at input 1; Resize-11+ at input 2 (input 1 is roi).
    scales = node.inputs.length === 2 ? ins[1]?.values : ins[2]?.values;
    if (scales && scales.length === 0) scales = undefined;
  }
  if (sizes && sizes.length > 0) {
    if (sizes.length !== x.length) throw shapeError(node, `sizes [${sizes.join(', ')}] for rank ${x.length}`);
    return { shapes: [checked(node, sizes)] };
  }
  if (!scales || scales.length !== x.length) throw shapeError(node, 'scales or sizes must be known constants');
  return {
    shapes: [
      checked(
        node,
        x.map((d, i) => Math.floor(d * scales[i]!)),
      ),
    ],
  };
}

/** Split into parts along `axis`: sizes from input 1 / attribute `split`, else equal parts. */
export function splitShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0).shape;
  const axis = axisOf(node, attrInt(node, 'axis', 0), x.length);
  const n = node.outputs.length;
  const len = x[axis]!;
  let parts = ins[1]?.values ?? attrInts(node, 'split');
  if (!parts) {
    const size = Math.ceil(len / n);
    parts = Array.from({ length: n }, (_, i) => Math.max(0, Math.min(size, len - i * size)));
  }
  if (parts.length !== n || parts.reduce((a, b) => a + b, 0) !== len) {
    throw shapeError(node, `split [${parts.join(', ')}] of length ${len} into ${n}`);
  }
  return {
    shapes: parts.map((p) =>
      checked(
        node,
        x.map((d, i) => (i === axis ? p : d)),
      ),
    ),
  };
}

/** Slice: starts/ends/axes/steps from inputs (opset >= 10) or attributes; values folded for 1-D constants. */
export function sliceShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0);
  const fromInputs = node.inputs.length > 1;
  const starts = fromInputs ? constInput(node, ins, 1, 'starts') : attrInts(node, 'starts');
  const ends = fromInputs ? constInput(node, ins, 2, 'ends') : attrInts(node, 'ends');
  if (!starts || !ends || starts.length !== ends.length) throw shapeError(node, 'starts and ends');
  const axes = (fromInputs ? ins[3]?.values : attrInts(node, 'axes')) ?? starts.map((_, i) => i);
  const steps = (fromInputs ? ins[4]?.values : undefined) ?? starts.map(() => 1);
  const out = [...x.shape];
  const ranges: [number, number, number][] = x.shape.map((d) => [0, d, 1]);
  axes.forEach((axisRaw, i) => {
    const a = axisOf(node, axisRaw, x.shape.length);
    const d = x.shape[a]!;
    const step = steps[i]!;
    if (!step) throw shapeError(node, 'step 0');
    const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v < 0 ? v + d : v, lo), hi);
    const s = step > 0 ? clamp(starts[i]!, 0, d) : clamp(starts[i]!, -1, d - 1);
    const e = step > 0 ? clamp(ends[i]!, 0, d) : clamp(ends[i]!, -1, d - 1);
    out[a] = Math.max(0, Math.ceil((e - s) / step));
    ranges[a] = [s, e, step];
  });
  let values: number[] | undefined;
  if (x.values && x.shape.length === 1) {
    const [s, , step] = ranges[0]!;
    values = Array.from({ length: out[0]! }, (_, i) => x.values![s + i * step]!);
  }
  return { shapes: [checked(node, out)], ...(values ? { values: [values] } : {}), dtypes: [x.dtype] };
}

/** Squeeze: axes from input 1 (opset >= 13) or the attribute; none = every 1. */
export function squeezeShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0);
  const raw = ins[1]?.values ?? attrInts(node, 'axes');
  const axes = new Set(raw?.map((a) => axisOf(node, a, x.shape.length)) ?? []);
  const out = x.shape.filter((d, i) => (raw ? !axes.has(i) : d !== 1));
  for (const a of axes) if (x.shape[a] !== 1) throw shapeError(node, `axis ${a} has size ${x.shape[a]}, not 1`);
  return { shapes: [out], ...(x.values ? { values: [x.values] } : {}), dtypes: [x.dtype] };
}

/** Unsqueeze: inserts 1s at the output axes. */
export function unsqueezeShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0);
  const raw = ins[1]?.values ?? attrInts(node, 'axes');
  if (!raw) throw shapeError(node, 'no axes');
  const rank = x.shape.length + raw.length;
  const axes = new Set(raw.map((a) => axisOf(node, a, rank)));
  if (axes.size !== raw.length) throw shapeError(node, `repeated axes [${raw.join(', ')}]`);
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < rank; i++) out.push(axes.has(i) ? 1 : x.shape[j++]!);
  return { shapes: [checked(node, out)], ...(x.values ? { values: [x.values] } : {}), dtypes: [x.dtype] };
}

/** Gather: data[:axis] + indices + data[axis+1:]; values folded when both are small constants. */
export function gatherShape(node: OnnxNode, ins: Inputs): Inferred {
  const data = input(node, ins, 0);
  const idx = input(node, ins, 1);
  const axis = axisOf(node, attrInt(node, 'axis', 0), data.shape.length);
  const out = [...data.shape.slice(0, axis), ...idx.shape, ...data.shape.slice(axis + 1)];
  let values: number[] | undefined;
  if (data.values && idx.values && small(numel(out))) {
    const d = data.shape[axis]!;
    const inner = numel(data.shape.slice(axis + 1));
    const outer = numel(data.shape.slice(0, axis));
    values = [];
    for (let o = 0; o < outer; o++) {
      for (const raw of idx.values) {
        const k = raw < 0 ? raw + d : raw;
        for (let j = 0; j < inner; j++) values.push(data.values[(o * d + k) * inner + j] ?? NaN);
      }
    }
  }
  return { shapes: [checked(node, out)], ...(values ? { values: [values] } : {}), dtypes: [data.dtype] };
}

/** Expand to broadcast(input, shape). */
export function expandShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0);
  const target = constInput(node, ins, 1, 'the shape');
  const out = checked(node, broadcast(node, [x.shape, target]));
  let values: number[] | undefined;
  if (x.values && small(numel(out)) && numel(x.shape) === 1) values = new Array<number>(numel(out)).fill(x.values[0]!);
  return { shapes: [out], ...(values ? { values: [values] } : {}), dtypes: [x.dtype] };
}

/** Tile by constant repeats. */
export function tileShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0).shape;
  const reps = constInput(node, ins, 1, 'repeats');
  if (reps.length !== x.length) throw shapeError(node, `${reps.length} repeats for rank ${x.length}`);
  return {
    shapes: [
      checked(
        node,
        x.map((d, i) => d * reps[i]!),
      ),
    ],
  };
}

/** Shape: the input's dims as a 1-D int64 constant (optional start / end, opset 15). */
export function shapeShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0).shape;
  const r = x.length;
  const norm = (v: number) => Math.min(Math.max(v < 0 ? v + r : v, 0), r);
  const dims = x.slice(norm(attrInt(node, 'start', 0)), norm(attrInt(node, 'end', r)));
  return { shapes: [[dims.length]], values: [dims], dtypes: [ONNX_DTYPE.INT64] };
}

/** Size: the element count as an int64 scalar. */
export function sizeShape(node: OnnxNode, ins: Inputs): Inferred {
  return { shapes: [[]], values: [[numel(input(node, ins, 0).shape)]], dtypes: [ONNX_DTYPE.INT64] };
}

/** Constant: from `value` (tensor) or value_int(s) / value_float(s). */
export function constantShape(node: OnnxNode): Inferred {
  const t = node.attrs.get('value')?.t;
  if (t) return { shapes: [t.dims], ...(t.values ? { values: [t.values] } : {}), dtypes: [t.dataType] };
  const a = node.attrs;
  const i = a.get('value_int')?.i;
  if (i !== undefined) return { shapes: [[]], values: [[i]], dtypes: [ONNX_DTYPE.INT64] };
  const ints = a.get('value_ints')?.ints;
  if (ints) return { shapes: [[ints.length]], values: [ints], dtypes: [ONNX_DTYPE.INT64] };
  const f = a.get('value_float')?.f;
  if (f !== undefined) return { shapes: [[]], values: [[f]], dtypes: [ONNX_DTYPE.FLOAT] };
  const floats = a.get('value_floats')?.floats;
  if (floats) return { shapes: [[floats.length]], values: [floats], dtypes: [ONNX_DTYPE.FLOAT] };
  throw shapeError(node, 'no value attribute');
}

/** ConstantOfShape: a tensor of the given shape filled with `value` (default 0). */
export function constantOfShapeShape(node: OnnxNode, ins: Inputs): Inferred {
  const shape = checked(node, constInput(node, ins, 0, 'the shape'));
  const t = node.attrs.get('value')?.t;
  const fill = t?.values?.[0] ?? 0;
  const n = numel(shape);
  const values = small(n) ? new Array<number>(n).fill(fill) : undefined;
  return { shapes: [shape], ...(values ? { values: [values] } : {}), dtypes: [t?.dataType ?? ONNX_DTYPE.FLOAT] };
}

/** Cast: same shape; integer targets truncate folded values. */
export function castShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0);
  const to = attrInt(node, 'to', x.dtype);
  const isInt = to === ONNX_DTYPE.INT64 || to === ONNX_DTYPE.INT32 || to === ONNX_DTYPE.INT8;
  const values = x.values ? [isInt ? x.values.map(Math.trunc) : x.values] : undefined;
  return { shapes: [x.shape], ...(values ? { values } : {}), dtypes: [to] };
}

/** DepthToSpace / SpaceToDepth with `blocksize`. */
export function depthSpaceShape(node: OnnxNode, ins: Inputs): Inferred {
  const [n, c, h, w] = input(node, ins, 0).shape;
  const b = attrInt(node, 'blocksize', 0);
  if (n === undefined || w === undefined || b <= 0) throw shapeError(node, 'needs NCHW input and blocksize');
  const out = node.opType === 'DepthToSpace' ? [n, c! / (b * b), h! * b, w * b] : [n, c! * b * b, h! / b, w / b];
  return { shapes: [checked(node, out)] };
}
