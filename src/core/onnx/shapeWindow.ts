import {
  attrInt,
  attrInts,
  checked,
  input,
  perAxis,
  shapeError,
  windowOut,
  windowPads,
  type Inferred,
  type Inputs,
} from './shapeCommon';
import type { OnnxNode } from './proto';

/** Conv: X [N, C, spatial...], W [M, C/group, k...] -> [N, M, out...]. */
export function convShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0).shape;
  const w = input(node, ins, 1).shape;
  if (x.length < 3 || w.length !== x.length) {
    throw shapeError(node, `input [${x.join(', ')}] and weight [${w.join(', ')}]`);
  }
  const group = attrInt(node, 'group', 1);
  if (group < 1 || x[1]! !== w[1]! * group) {
    throw shapeError(node, `input channels ${x[1]} vs weight [${w.join(', ')}] with group ${group}`);
  }
  const spatial = x.slice(2);
  const kernel = attrInts(node, 'kernel_shape') ?? w.slice(2);
  const r = spatial.length;
  if (kernel.length !== r) throw shapeError(node, `kernel_shape has ${kernel.length} values`);
  const strides = perAxis(node, 'strides', r);
  const dilations = perAxis(node, 'dilations', r);
  const { begin, end } = windowPads(node, spatial, kernel, strides, dilations);
  const out = spatial.map((len, i) =>
    windowOut(node, len, kernel[i]!, strides[i]!, dilations[i]!, begin[i]!, end[i]!, false),
  );
  return { shapes: [checked(node, [x[0]!, w[0]!, ...out])] };
}

/** ConvTranspose: W [C, M/group, k...]; out = s(in-1) + output_padding + d(k-1) + 1 - pads, or output_shape. */
export function convTransposeShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0).shape;
  const w = input(node, ins, 1).shape;
  if (x.length < 3 || w.length !== x.length || w[0] !== x[1]) {
    throw shapeError(node, `input [${x.join(', ')}] and weight [${w.join(', ')}]`);
  }
  const group = attrInt(node, 'group', 1);
  const spatial = x.slice(2);
  const r = spatial.length;
  const kernel = attrInts(node, 'kernel_shape') ?? w.slice(2);
  const strides = perAxis(node, 'strides', r);
  const dilations = perAxis(node, 'dilations', r);
  const outputPadding = attrInts(node, 'output_padding') ?? new Array<number>(r).fill(0);
  const explicit = attrInts(node, 'output_shape');
  let out: number[];
  if (explicit) {
    out = explicit.slice(-r);
  } else {
    const autoPad = node.attrs.get('auto_pad')?.s ?? 'NOTSET';
    if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') out = spatial.map((len, i) => len * strides[i]!);
    else {
      const pads = autoPad === 'VALID' ? new Array<number>(2 * r).fill(0) : (attrInts(node, 'pads') ?? []);
      out = spatial.map(
        (len, i) =>
          strides[i]! * (len - 1) +
          (outputPadding[i] ?? 0) +
          dilations[i]! * (kernel[i]! - 1) +
          1 -
          (pads[i] ?? 0) -
          (pads[i + r] ?? 0),
      );
    }
  }
  return { shapes: [checked(node, [x[0]!, w[1]! * group, ...out])] };
}

/** MaxPool / AveragePool / LpPool with kernel_shape, strides, pads, ceil_mode, dilations. */
export function poolShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0).shape;
  const kernel = attrInts(node, 'kernel_shape');
  if (!kernel || x.length !== kernel.length + 2) throw shapeError(node, `kernel_shape for input [${x.join(', ')}]`);
  const spatial = x.slice(2);
  const r = spatial.length;
  const strides = perAxis(node, 'strides', r);
  const dilations = perAxis(node, 'dilations', r);
  const ceil = attrInt(node, 'ceil_mode', 0) === 1;
  const { begin, end } = windowPads(node, spatial, kernel, strides, dilations);
  const out = spatial.map((len, i) =>
    windowOut(node, len, kernel[i]!, strides[i]!, dilations[i]!, begin[i]!, end[i]!, ceil),
  );
  const shape = checked(node, [x[0]!, x[1]!, ...out]);
  // MaxPool's optional second output holds indices of the same shape.
  return { shapes: node.outputs.map(() => shape) };
}

/** GlobalAveragePool / GlobalMaxPool: spatial axes become 1. */
export function globalPoolShape(node: OnnxNode, ins: Inputs): Inferred {
  const x = input(node, ins, 0).shape;
  if (x.length < 3) throw shapeError(node, `input [${x.join(', ')}] has no spatial axes`);
  return { shapes: [[x[0]!, x[1]!, ...x.slice(2).map(() => 1)]] };
}
