import { ExplorerError } from '../errors';
import type { OnnxNode } from './proto';
import { checkDims } from './tensor';
import { ONNX_LIMITS } from './limits';

/** What shape inference knows about one tensor. */
export interface ValueState {
  readonly shape: readonly number[];
  /** ONNX element type (TensorProto.DataType). */
  readonly dtype: number;
  /** Constant values, when small and known (shape arithmetic). */
  readonly values?: readonly number[];
}

/** Inferred outputs of one node: a shape per output, and values when the node folds to a constant. */
export interface Inferred {
  readonly shapes: readonly (readonly number[])[];
  readonly values?: readonly (readonly number[] | undefined)[];
  readonly dtypes?: readonly number[];
}

/** Inputs of a node, aligned with `node.inputs`; undefined for an omitted optional input. */
export type Inputs = readonly (ValueState | undefined)[];

/** Shape inference of one op type; throws ONNX_SHAPE when the inputs do not fit. */
export type ShapeFn = (node: OnnxNode, ins: Inputs) => Inferred;

/** Elements of a shape (1 for a scalar). O(rank). */
export const numel = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Throws ONNX_SHAPE naming the node. */
export function shapeError(node: OnnxNode, why: string): ExplorerError {
  return new ExplorerError('ONNX_SHAPE', `${node.opType} node "${node.name}": ${why}`);
}

/** A required input. */
export function input(node: OnnxNode, ins: Inputs, i: number): ValueState {
  const v = ins[i];
  if (!v) throw shapeError(node, `input ${i} is missing`);
  return v;
}

/** Constant values of input i (required, e.g. a Reshape shape). */
export function constInput(node: OnnxNode, ins: Inputs, i: number, what: string): readonly number[] {
  const v = ins[i]?.values;
  if (!v) throw shapeError(node, `${what} (input ${i}) is not a known constant`);
  return v;
}

/** An int attribute, or `fallback`. O(1). */
export function attrInt(node: OnnxNode, name: string, fallback: number): number {
  const a = node.attrs.get(name);
  return a?.i ?? fallback;
}

/** An ints attribute, or undefined. O(1). */
export function attrInts(node: OnnxNode, name: string): readonly number[] | undefined {
  return node.attrs.get(name)?.ints;
}

/** A string attribute, or `fallback`. O(1). */
export function attrString(node: OnnxNode, name: string, fallback: string): string {
  return node.attrs.get(name)?.s ?? fallback;
}

/** Normalizes a possibly negative axis for a given rank. */
export function axisOf(node: OnnxNode, axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank) throw shapeError(node, `axis ${axis} out of range for rank ${rank}`);
  return a;
}

/** Checks an inferred shape against the limits; returns it. */
export function checked(node: OnnxNode, shape: readonly number[]): number[] {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw shapeError(node, `inferred dimension ${d} in [${shape.join(', ')}]`);
  }
  checkDims(shape, () => `output of node "${node.name}"`);
  return [...shape];
}

/** Numpy-style broadcast of several shapes. */
export function broadcast(node: OnnxNode, shapes: readonly (readonly number[])[]): number[] {
  // A loop, not Math.max(...): a node may have a million inputs, too many for a spread.
  let rank = 0;
  for (const s of shapes) rank = Math.max(rank, s.length);
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const o = rank - s.length + i;
      const d = s[i]!;
      if (d === out[o] || d === 1) continue;
      if (out[o] === 1) out[o] = d;
      else throw shapeError(node, `cannot broadcast [${shapes.map((x) => x.join(', ')).join('] with [')}]`);
    }
  }
  return out;
}

/** Elementwise values of a broadcast op when every input is a small constant. */
export function foldBroadcast(
  outShape: readonly number[],
  ins: readonly ValueState[],
  f: (xs: number[]) => number,
): number[] | undefined {
  const n = numel(outShape);
  // Folding is for shape arithmetic: a few small operands. Bounding elements x operands keeps it O(limit).
  if (n * ins.length > 4 * ONNX_LIMITS.maxDecodedElements || ins.some((v) => !v.values)) return undefined;
  const rank = outShape.length;
  const out = new Array<number>(n);
  const idx = new Array<number>(rank).fill(0);
  for (let k = 0; k < n; k++) {
    const xs = ins.map((v) => {
      let flat = 0;
      const off = rank - v.shape.length;
      for (let i = 0; i < v.shape.length; i++) {
        const d = v.shape[i]!;
        flat = flat * d + (d === 1 ? 0 : idx[off + i]!);
      }
      return v.values![flat] ?? NaN;
    });
    out[k] = f(xs);
    for (let i = rank - 1; i >= 0; i--) {
      if (++idx[i]! < outShape[i]!) break;
      idx[i] = 0;
    }
  }
  return out;
}

/** Spatial output length of a sliding window (Conv, pools). */
export function windowOut(
  node: OnnxNode,
  len: number,
  k: number,
  s: number,
  d: number,
  padBegin: number,
  padEnd: number,
  ceil: boolean,
): number {
  if (s <= 0 || d <= 0 || k <= 0) throw shapeError(node, `kernel ${k}, stride ${s}, dilation ${d}`);
  const span = len + padBegin + padEnd - d * (k - 1) - 1;
  if (span < 0) throw shapeError(node, `window ${k} larger than padded input ${len}`);
  let out = (ceil ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
  // PyTorch and ONNX Runtime: in ceil mode the last window must start inside the input or left padding.
  if (ceil && (out - 1) * s >= len + padBegin) out--;
  return out;
}

/**
 * Padding of a window op along each spatial axis: explicit `pads`
 * ([begin..., end...]) or `auto_pad` SAME_UPPER / SAME_LOWER / VALID.
 */
export function windowPads(
  node: OnnxNode,
  spatial: readonly number[],
  kernel: readonly number[],
  strides: readonly number[],
  dilations: readonly number[],
): { begin: number[]; end: number[] } {
  const r = spatial.length;
  const autoPad = attrString(node, 'auto_pad', 'NOTSET');
  if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    const begin: number[] = [];
    const end: number[] = [];
    for (let i = 0; i < r; i++) {
      const out = Math.ceil(spatial[i]! / strides[i]!);
      const total = Math.max(0, (out - 1) * strides[i]! + dilations[i]! * (kernel[i]! - 1) + 1 - spatial[i]!);
      const small = Math.floor(total / 2);
      begin.push(autoPad === 'SAME_UPPER' ? small : total - small);
      end.push(autoPad === 'SAME_UPPER' ? total - small : small);
    }
    return { begin, end };
  }
  if (autoPad === 'VALID') return { begin: new Array(r).fill(0), end: new Array(r).fill(0) };
  const pads = attrInts(node, 'pads') ?? new Array(2 * r).fill(0);
  if (pads.length !== 2 * r) throw shapeError(node, `pads has ${pads.length} values for ${r} spatial axes`);
  return { begin: pads.slice(0, r), end: pads.slice(r) };
}

/** A per-axis attribute (strides, dilations) with a default of 1. */
export function perAxis(node: OnnxNode, name: string, r: number): number[] {
  const v = attrInts(node, name);
  if (!v) return new Array(r).fill(1);
  if (v.length !== r) throw shapeError(node, `${name} has ${v.length} values for ${r} spatial axes`);
  return [...v];
}
