import type { DType } from '../units';

/**
 * Cost classes of operators. A processor states a throughput efficiency for
 * each class and which classes it can run at all.
 */
export const OP_CLASSES = ['conv', 'depthwise', 'gemm', 'elementwise', 'pooling', 'memory'] as const;
export type OpClass = (typeof OP_CLASSES)[number];

/** A tensor flowing between layers. Weights are not tensors: they are a layer's `params`. */
export interface Tensor {
  readonly id: number;
  readonly name: string;
  /** NCHW for feature maps, [N, C] for vectors. */
  readonly shape: readonly number[];
  readonly dtype: DType;
  /** Bytes of one instance (elements x dtype size). */
  readonly bytes: number;
}

/** One operator invocation (a torchvision module call, or an ONNX node). */
export interface Layer {
  /** Topological position, 0..n-1. */
  readonly index: number;
  /** Unique name, torchvision-style (`layer3.4.conv2`). */
  readonly name: string;
  /** Operator type, ONNX spelling (`Conv`, `Relu`, `Add`, `Gemm`...). */
  readonly op: string;
  readonly opClass: OpClass;
  /** Tensor ids read (activations only). */
  readonly inputs: readonly number[];
  /** Tensor ids written. */
  readonly outputs: readonly number[];
  /** Learned parameters (torchvision's `numel` of `parameters()`). */
  readonly params: number;
  /** Multiply-accumulates of convolutions and matrix products; 0 for other ops. */
  readonly macs: number;
  /** Other arithmetic (one per element for activations, k*k per pooled output...). */
  readonly ops: number;
  /** Activation bytes read plus weight bytes, at the network's dtype. */
  readonly bytesRead: number;
  /** Activation bytes written. */
  readonly bytesWritten: number;
  /** Bytes of this layer's parameters (and buffers such as BN statistics). */
  readonly weightBytes: number;
  /** Block path, outermost first (`['layer3', 'layer3.4']`); empty at top level. */
  readonly block: readonly string[];
  /** Operator attributes kept for display and descriptors (kernel, stride...). */
  readonly attrs: Readonly<Record<string, number | readonly number[] | string>>;
}

/** A validated network: layers in deterministic topological order. */
export interface Network {
  readonly id: string;
  readonly name: string;
  readonly dtype: DType;
  readonly inputShape: readonly number[];
  readonly layers: readonly Layer[];
  readonly tensors: readonly Tensor[];
  /** Tensor ids fed from outside. */
  readonly inputs: readonly number[];
  /** Tensor ids the network returns. */
  readonly outputs: readonly number[];
  /** Position of each tensor's producer; -1 for network inputs. */
  readonly producer: Int32Array;
  /** Last consuming position of each tensor; n for network outputs; -1 if unused. */
  readonly lastUse: Int32Array;
  /** Source notes (where structure and counts come from). */
  readonly source?: string;
}

/** Unordered layer description given to `buildNetwork` (from the zoo builder or an importer). */
export interface LayerSpec {
  name: string;
  op: string;
  opClass: OpClass;
  inputs: number[];
  outputs: number[];
  params: number;
  macs: number;
  ops: number;
  weightBytes: number;
  block?: string[];
  attrs?: Record<string, number | readonly number[] | string>;
}

export interface TensorSpec {
  name: string;
  shape: number[];
  dtype: DType;
}

export interface NetworkSpec {
  id: string;
  name: string;
  dtype: DType;
  tensors: TensorSpec[];
  layers: LayerSpec[];
  inputs: number[];
  outputs: number[];
  source?: string;
}
