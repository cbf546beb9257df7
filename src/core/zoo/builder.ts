import { buildNetwork } from '../model/build';
import type { LayerSpec, Network, OpClass, TensorSpec } from '../model/types';
import { ExplorerError } from '../errors';
import type { DType } from '../units';
import { dtypeBytes } from '../units';

/** A tensor handle inside a builder: its id and shape. */
export interface T {
  readonly id: number;
  readonly shape: readonly number[];
}

export interface ConvOptions {
  out: number;
  /** Kernel size: one number or [kh, kw]. */
  k: number | [number, number];
  s?: number | [number, number];
  p?: number | [number, number];
  d?: number;
  groups?: number;
  /** torchvision's `bias=`; default true like nn.Conv2d. */
  bias?: boolean;
}

export interface PoolOptions {
  k: number;
  s?: number;
  p?: number;
  /** torchvision's `ceil_mode`. */
  ceil?: boolean;
}

const pair = (v: number | [number, number]): [number, number] => (typeof v === 'number' ? [v, v] : v);
const numel = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * Builds zoo networks the way torchvision's forward pass runs, with shape
 * inference and parameter / MAC counts per layer. Layers are emitted in
 * forward order, which is a topological order, so positions follow the
 * forward pass. Dropout is omitted: it is the identity at inference and ONNX
 * exports drop it.
 *
 * Counts follow torchvision: params are `numel` of `parameters()` (BN has
 * weight and bias; its running statistics are buffers, counted only in
 * `weightBytes`); MACs are counted for Conv and Gemm only.
 */
export class NetBuilder {
  private readonly tensors: TensorSpec[] = [];
  private readonly layers: LayerSpec[] = [];
  private readonly outputs: number[] = [];
  readonly input: T;
  private readonly elem: number;

  constructor(
    private readonly id: string,
    private readonly name: string,
    inputShape: number[],
    private readonly source: string,
    private readonly dtype: DType = 'float32',
  ) {
    this.elem = dtypeBytes(dtype);
    this.input = this.tensor('input', inputShape);
  }

  private tensor(name: string, shape: readonly number[]): T {
    for (const d of shape) {
      if (!Number.isInteger(d) || d <= 0) throw new ExplorerError('BAD_SHAPE', `${name}: [${shape.join(', ')}]`);
    }
    const id = this.tensors.length;
    this.tensors.push({ name, shape: [...shape], dtype: this.dtype });
    return { id, shape: [...shape] };
  }

  private layer(
    name: string,
    op: string,
    opClass: OpClass,
    inputs: readonly T[],
    outShape: readonly number[],
    counts: { params?: number; macs?: number; ops?: number; weights?: number },
    attrs: Record<string, number | readonly number[] | string> = {},
  ): T {
    const out = this.tensor(name, outShape);
    this.layers.push({
      name,
      op,
      opClass,
      inputs: inputs.map((t) => t.id),
      outputs: [out.id],
      params: counts.params ?? 0,
      macs: counts.macs ?? 0,
      ops: counts.ops ?? 0,
      weightBytes: (counts.weights ?? counts.params ?? 0) * this.elem,
      attrs,
    });
    return out;
  }

  /** nn.Conv2d. Output H = floor((H + 2p - d(k-1) - 1) / s) + 1. */
  conv(name: string, x: T, o: ConvOptions): T {
    const [n, c, h, w] = x.shape as [number, number, number, number];
    const [kh, kw] = pair(o.k);
    const [sh, sw] = pair(o.s ?? 1);
    const [ph, pw] = pair(o.p ?? 0);
    const d = o.d ?? 1;
    const g = o.groups ?? 1;
    if (c % g !== 0 || o.out % g !== 0)
      throw new ExplorerError('SHAPE_MISMATCH', `${name}: groups ${g} vs ${c}->${o.out}`);
    const oh = Math.floor((h + 2 * ph - d * (kh - 1) - 1) / sh) + 1;
    const ow = Math.floor((w + 2 * pw - d * (kw - 1) - 1) / sw) + 1;
    const bias = o.bias ?? true;
    const perOut = (c / g) * kh * kw;
    const params = o.out * perOut + (bias ? o.out : 0);
    const outShape = [n, o.out, oh, ow];
    const depthwise = g > 1 && g === c;
    return this.layer(
      name,
      'Conv',
      depthwise ? 'depthwise' : 'conv',
      [x],
      outShape,
      { params, macs: numel(outShape) * perOut, ops: bias ? numel(outShape) : 0 },
      { kernel: [kh, kw], stride: [sh, sw], pads: [ph, pw], dilation: d, group: g, inChannels: c, outChannels: o.out },
    );
  }

  /** nn.BatchNorm2d: 2C params (weight, bias) plus 2C buffers. */
  bn(name: string, x: T): T {
    const c = x.shape[1]!;
    return this.layer(name, 'BatchNormalization', 'elementwise', [x], x.shape, {
      params: 2 * c,
      ops: 2 * numel(x.shape),
      weights: 4 * c,
    });
  }

  relu(name: string, x: T): T {
    return this.layer(name, 'Relu', 'elementwise', [x], x.shape, { ops: numel(x.shape) });
  }

  /** nn.ReLU6, exported to ONNX as Clip(0, 6). */
  relu6(name: string, x: T): T {
    return this.layer(name, 'Clip', 'elementwise', [x], x.shape, { ops: numel(x.shape) }, { min: 0, max: 6 });
  }

  /** nn.MaxPool2d with torchvision's floor or ceil mode. */
  maxpool(name: string, x: T, o: PoolOptions): T {
    return this.pool(name, 'MaxPool', x, o);
  }

  /** nn.AvgPool2d. */
  avgpool(name: string, x: T, o: PoolOptions): T {
    return this.pool(name, 'AveragePool', x, o);
  }

  private pool(name: string, op: string, x: T, o: PoolOptions): T {
    const [n, c, h, w] = x.shape as [number, number, number, number];
    const s = o.s ?? o.k;
    const p = o.p ?? 0;
    const size = (len: number): number => {
      const span = len + 2 * p - o.k;
      let out = (o.ceil ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
      // PyTorch: in ceil mode the last window must start inside the input or left padding.
      if (o.ceil && (out - 1) * s >= len + p) out--;
      return out;
    };
    const outShape = [n, c, size(h), size(w)];
    return this.layer(
      name,
      op,
      'pooling',
      [x],
      outShape,
      { ops: numel(outShape) * o.k * o.k },
      { kernel: [o.k, o.k], stride: [s, s], pads: [p, p], ceil: o.ceil ? 1 : 0 },
    );
  }

  /** nn.AdaptiveAvgPool2d(out). (1, 1) exports as GlobalAveragePool. */
  adaptiveAvgPool(name: string, x: T, out: [number, number] = [1, 1]): T {
    const [n, c, h, w] = x.shape as [number, number, number, number];
    const global = out[0] === 1 && out[1] === 1;
    return this.layer(name, global ? 'GlobalAveragePool' : 'AveragePool', 'pooling', [x], [n, c, out[0], out[1]], {
      ops: n * c * h * w,
    });
  }

  /** torch.flatten(x, 1). */
  flatten(name: string, x: T): T {
    const [n, ...rest] = x.shape;
    return this.layer(name, 'Flatten', 'memory', [x], [n!, numel(rest)], {});
  }

  /** nn.Linear: in*out weights + out bias. */
  linear(name: string, x: T, out: number, bias = true): T {
    const [n, inF] = x.shape as [number, number];
    if (x.shape.length !== 2) throw new ExplorerError('SHAPE_MISMATCH', `${name}: Linear expects [N, C]`);
    return this.layer(
      name,
      'Gemm',
      'gemm',
      [x],
      [n, out],
      { params: inF * out + (bias ? out : 0), macs: n * inF * out, ops: bias ? n * out : 0 },
      { inFeatures: inF, outFeatures: out },
    );
  }

  /** Elementwise sum of same-shaped tensors (residual connections). */
  add(name: string, a: T, b: T): T {
    if (a.shape.join() !== b.shape.join()) {
      throw new ExplorerError('SHAPE_MISMATCH', `${name}: [${a.shape.join(', ')}] + [${b.shape.join(', ')}]`);
    }
    return this.layer(name, 'Add', 'elementwise', [a, b], a.shape, { ops: numel(a.shape) });
  }

  /** torch.cat along channels. */
  concat(name: string, xs: readonly T[]): T {
    const [n, , h, w] = xs[0]!.shape;
    for (const x of xs) {
      if (x.shape[0] !== n || x.shape[2] !== h || x.shape[3] !== w) {
        throw new ExplorerError('SHAPE_MISMATCH', `${name}: concat of [${x.shape.join(', ')}]`);
      }
    }
    const c = xs.reduce((a, x) => a + x.shape[1]!, 0);
    return this.layer(name, 'Concat', 'memory', xs, [n!, c, h!, w!], {}, { axis: 1 });
  }

  /** Marks tensors as network outputs. */
  output(...xs: T[]): void {
    for (const x of xs) this.outputs.push(x.id);
  }

  /** Validates and freezes the network. */
  build(): Network {
    return buildNetwork({
      id: this.id,
      name: this.name,
      dtype: this.dtype,
      tensors: this.tensors,
      layers: this.layers,
      inputs: [this.input.id],
      outputs: this.outputs,
      source: this.source,
    });
  }
}
