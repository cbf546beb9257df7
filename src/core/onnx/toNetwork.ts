import { ExplorerError } from '../errors';
import { buildNetwork } from '../model/build';
import type { LayerSpec, Network, TensorSpec } from '../model/types';
import { dtypeBytes, type DType } from '../units';
import { nodeCost, type CostInput, type InputKind } from './costs';
import { layerNames, MAX_SCOPE_DEPTH } from './names';
import type { OnnxGraph, OnnxModel, OnnxNode, OnnxValueInfo } from './proto';
import { checkDims, ONNX_DTYPE } from './tensor';
import type { Inferred, ValueState } from './shapeCommon';
import { inferNode } from './shapes';

/** Options of an ONNX import. */
export interface OnnxImportOptions {
  /** Network id (default `onnx:<graph name>`). */
  readonly id?: string;
  /** Display name (default: the graph name or the producer). */
  readonly name?: string;
  /** Values of symbolic dimensions by name; a missing batch (axis 0) defaults to 1. */
  readonly dims?: Readonly<Record<string, number>>;
}

/** A symbolic dimension found in the graph inputs and the value used. */
export interface SymbolicDim {
  readonly name: string;
  readonly value: number;
  /** True when no value was given and the batch default (1) was used. */
  readonly defaulted: boolean;
}

/** The result of `onnxToNetwork`. */
export interface OnnxConversion {
  readonly network: Network;
  /** Human-readable warnings (unknown ops, guessed shapes), for the UI and the CLI. */
  readonly warnings: readonly string[];
  readonly symbolicDims: readonly SymbolicDim[];
  /** Node counts: all, turned into layers, folded (constants, shape arithmetic, weight aliases). */
  readonly nodes: { readonly total: number; readonly layers: number; readonly folded: number };
}

interface TensorInfo {
  readonly state: ValueState;
  readonly kind: InputKind;
  /** Id in the network's tensor list (activations only). */
  readonly id: number;
}

const MAX_WARNINGS = 50;

/** Ops that read only their input's shape: a Shape of an activation folds to a constant. */
const SHAPE_READERS = new Set(['Shape', 'Size']);
/** Ops that are the identity at inference: their output aliases the input activation. */
const PASS_THROUGH = new Set(['Identity', 'Dropout']);

/**
 * Turns a parsed ONNX model into a `Network` that behaves like a zoo network:
 * one layer per node that computes on activations, in topological order, with
 * torchvision-style names and blocks, params / MACs / ops / bytes counted like
 * the zoo builder. Constant subgraphs (Constant, Shape and the arithmetic on
 * them) are folded; `Identity` on an initializer is a weight alias; Identity
 * and Dropout on activations pass the tensor through.
 *
 * Shapes: `value_info` when present and concrete, else inferred. Unknown ops
 * stay as zero-MAC layers with a warning (output shape from value_info or the
 * first input's). Throws ExplorerError (ONNX_SYMBOLIC_DIM, ONNX_SHAPE, CYCLE,
 * DANGLING_TENSOR, ONNX_LIMIT, EMPTY_GRAPH...).
 *
 * Complexity: O(nodes * (inputs + rank) + n log n) plus folded constant sizes.
 * @example const { network } = onnxToNetwork(parseOnnxModel(bytes), { dims: { batch: 1 } });
 */
export function onnxToNetwork(
  model: OnnxModel,
  options: OnnxImportOptions = {},
  onProgress?: (fraction: number) => void,
): OnnxConversion {
  const g = model.graph;
  const warnings: string[] = [];
  const warn = (w: string): void => {
    if (warnings.length < MAX_WARNINGS) warnings.push(w);
    else if (warnings.length === MAX_WARNINGS) warnings.push('more warnings omitted');
  };
  const dtype = networkDtype(g);
  const tensors: TensorSpec[] = [];
  const info = new Map<string, TensorInfo>();
  const addActivation = (name: string, state: ValueState): TensorInfo => {
    const t = { state, kind: 'activation' as const, id: tensors.length };
    tensors.push({ name, shape: [...state.shape], dtype });
    info.set(name, t);
    return t;
  };

  for (const t of g.initializers) {
    info.set(t.name, {
      state: { shape: t.dims, dtype: t.dataType, ...(t.values ? { values: t.values } : {}) },
      kind: 'weight',
      id: -1,
    });
  }
  const symbolic = new Map<string, SymbolicDim>();
  const networkInputs: number[] = [];
  for (const v of g.inputs) {
    if (info.has(v.name)) continue; // IR < 4 lists initializers as inputs too.
    const shape = resolveDims(v, options.dims ?? {}, symbolic, true);
    networkInputs.push(addActivation(v.name, { shape, dtype: v.elemType }).id);
  }
  // value_info dims resolve with the given values and the defaults taken for the inputs.
  const knownDims: Record<string, number> = { ...options.dims };
  for (const d of symbolic.values()) knownDims[d.name] = d.value;
  const valueInfo = new Map<string, OnnxValueInfo>();
  for (const v of [...g.outputs, ...g.valueInfo]) if (v.dims) valueInfo.set(v.name, v);

  const order = topologicalNodes(g);
  const layerNodes: OnnxNode[] = [];
  const layerCosts: { inputs: number[]; outputs: number[]; cost: ReturnType<typeof nodeCost> }[] = [];
  let folded = 0;
  order.forEach((node, step) => {
    if (onProgress && (step & 1023) === 0) onProgress(step / order.length);
    const ins = node.inputs.map((name) => (name === '' ? undefined : info.get(name)));
    const states = ins.map((t) => t?.state);
    const activations = ins.filter((t): t is TensorInfo => t?.kind === 'activation');

    if (activations.length === 0 || SHAPE_READERS.has(node.opType)) {
      folded++;
      // A constant subgraph that cannot be evaluated only matters if a layer needs its values.
      let inferred: Inferred | undefined;
      try {
        inferred = tryInfer(node, states, warn);
      } catch (e) {
        if (!(e instanceof ExplorerError)) throw e;
        warn(`constant ${node.opType} node "${node.name}" not evaluated: ${e.message.split(' (')[0]}`);
      }
      const aliasOfWeight = node.opType === 'Identity' && ins[0]?.kind === 'weight';
      node.outputs.forEach((name, i) => {
        if (name === '') return;
        const shape = inferred?.shapes[i] ?? [];
        const values = inferred?.values?.[i];
        const state: ValueState = { shape, dtype: inferred?.dtypes?.[i] ?? 0, ...(values ? { values } : {}) };
        info.set(name, { state, kind: aliasOfWeight ? 'weight' : 'const', id: -1 });
      });
      return;
    }
    if (PASS_THROUGH.has(node.opType) && node.outputs[0]) {
      folded++;
      info.set(node.outputs[0], ins[0] ?? activations[0]!);
      return;
    }

    let inferred: Inferred | undefined;
    let failed = false;
    try {
      inferred = tryInfer(node, states, warn);
    } catch (e) {
      // value_info can stand in for a shape the importer cannot infer; without it the error stands.
      const declared = node.outputs.every((o) => o === '' || valueInfo.has(o));
      if (!(e instanceof ExplorerError) || !declared) throw e;
      warn(`${e.message.split(' (')[0]}; using the shapes from value_info`);
      failed = true;
    }
    const known = inferred !== undefined || failed;
    if (!known)
      warn(
        `unknown op ${node.domain ? `${node.domain}.` : ''}${node.opType} (node "${node.name}"): counted as zero MACs`,
      );
    const outputs: number[] = [];
    const outShapes: (readonly number[])[] = [];
    node.outputs.forEach((name, i) => {
      if (name === '') return;
      const declared = valueInfo.get(name);
      // value_info first; a batch it leaves symbolic defaults to 1 only when nothing was inferred.
      let shape: readonly number[] | undefined = declared?.dims
        ? concreteDims(declared.dims, knownDims, false)
        : undefined;
      if (!shape) shape = inferred?.shapes[i];
      if (!shape && declared?.dims) shape = concreteDims(declared.dims, knownDims, true);
      if (!shape) {
        shape = activations[0]!.state.shape;
        warn(
          `output "${name}" of ${node.opType} node "${node.name}" has no known shape: assumed [${activations[0]!.state.shape.join(', ')}]`,
        );
      }
      checkDims(shape, () => `tensor "${name}"`);
      const values = inferred?.values?.[i];
      outShapes.push(shape);
      outputs.push(
        addActivation(name, {
          shape,
          dtype: inferred?.dtypes?.[i] ?? activations[0]!.state.dtype,
          ...(values ? { values } : {}),
        }).id,
      );
    });
    const costIns: (CostInput | undefined)[] = ins.map((t) => (t ? { state: t.state, kind: t.kind } : undefined));
    layerNodes.push(node);
    layerCosts.push({
      inputs: activations.length === 1 ? [activations[0]!.id] : [...new Set(activations.map((t) => t.id))],
      outputs,
      cost: nodeCost(node, costIns, outShapes, known),
    });
  });

  const names = layerNames(layerNodes);
  const elem = dtypeBytes(dtype);
  const layers: LayerSpec[] = layerNodes.map((node, i) => {
    const { inputs, outputs, cost } = layerCosts[i]!;
    return {
      name: names[i]!,
      op: node.opType,
      opClass: cost.opClass,
      inputs,
      outputs,
      params: cost.params,
      macs: cost.macs,
      ops: cost.ops,
      weightBytes: cost.weightElements * elem,
      attrs: { ...cost.attrs, onnxNode: node.name },
      // Dotted names deeper than a real module tree get no block path (blockPathOf is quadratic in depth).
      ...(dotDepthAbove(names[i]!, MAX_SCOPE_DEPTH) ? { block: [] } : {}),
    };
  });
  const outputs = g.outputs.map((v) => info.get(v.name)).filter((t): t is TensorInfo => t?.kind === 'activation');
  if (layers.length > 0 && outputs.length === 0) {
    throw new ExplorerError('DANGLING_TENSOR', 'no graph output is computed from the graph inputs');
  }
  const graphName = g.name || model.producerName || 'ONNX model';
  const network = buildNetwork({
    id: options.id ?? `onnx:${graphName}`,
    name: options.name ?? graphName,
    dtype,
    tensors,
    layers,
    inputs: networkInputs,
    outputs: [...new Set(outputs.map((t) => t.id))],
    source: `ONNX import (${model.producerName || 'unknown producer'} ${model.producerVersion}, IR ${model.irVersion}, opset ${model.opset})`,
  });
  onProgress?.(1);
  return {
    network,
    warnings,
    symbolicDims: [...symbolic.values()],
    nodes: { total: g.nodes.length, layers: layers.length, folded },
  };
}

/** True when `name` has more than `max` dots. O(length). */
function dotDepthAbove(name: string, max: number): boolean {
  let dots = 0;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === 46 && ++dots > max) return true;
  return false;
}

/** Shape inference that turns an unknown op into undefined and keeps ONNX_SHAPE errors. */
function tryInfer(node: OnnxNode, states: (ValueState | undefined)[], warn: (w: string) => void): Inferred | undefined {
  const inferred = inferNode(node, states);
  if (inferred && inferred.shapes.length < node.outputs.filter((o) => o !== '').length) {
    warn(`${node.opType} node "${node.name}": fewer inferred shapes than outputs`);
  }
  return inferred;
}

/** The network dtype: float16 models stay float16; everything else counts as float32. */
function networkDtype(g: OnnxGraph): DType {
  const initialized = new Set(g.initializers.map((t) => t.name));
  const first = g.inputs.find((v) => !initialized.has(v.name));
  return first?.elemType === ONNX_DTYPE.FLOAT16 ? 'float16' : 'float32';
}

/** Concrete dims of a value_info entry, or undefined when a dim is unknown or symbolic without a value. */
function concreteDims(
  dims: readonly (number | string | undefined)[],
  given: Readonly<Record<string, number>>,
  batchDefault: boolean,
): number[] | undefined {
  const out: number[] = [];
  for (let axis = 0; axis < dims.length; axis++) {
    const d = dims[axis];
    const v = typeof d === 'string' ? (given[d] ?? (batchDefault && axis === 0 ? 1 : undefined)) : d;
    if (v === undefined || !Number.isInteger(v) || v <= 0) return undefined;
    out.push(v);
  }
  return out;
}

/**
 * Dims of a graph input: numbers kept, symbolic names from `given`, a missing
 * batch (axis 0) defaults to 1, any other unknown dim is an ONNX_SYMBOLIC_DIM error.
 */
function resolveDims(
  v: OnnxValueInfo,
  given: Readonly<Record<string, number>>,
  found: Map<string, SymbolicDim>,
  isInput: boolean,
): number[] {
  if (!v.dims) throw new ExplorerError('ONNX_SHAPE', `input "${v.name}" has no shape`);
  const shape = v.dims.map((d, axis) => {
    if (typeof d === 'number') {
      if (d <= 0 && isInput) {
        throw new ExplorerError('ONNX_LIMIT', `input "${v.name}" has dimension ${d} on axis ${axis}`);
      }
      return d;
    }
    const name = d ?? `${v.name}[${axis}]`;
    const value = given[name];
    if (value !== undefined) {
      if (!Number.isInteger(value) || value <= 0) {
        throw new ExplorerError('ONNX_SYMBOLIC_DIM', `dimension "${name}" = ${value} must be a positive integer`);
      }
      found.set(name, { name, value, defaulted: false });
      return value;
    }
    if (axis === 0) {
      found.set(name, { name, value: 1, defaulted: true });
      return 1;
    }
    throw new ExplorerError(
      'ONNX_SYMBOLIC_DIM',
      `dimension "${name}" (axis ${axis} of input "${v.name}") has no value; pass --dim ${name}=<value>`,
    );
  });
  checkDims(shape, () => `input "${v.name}"`);
  return shape;
}

/**
 * Nodes in topological order (Kahn; ties keep file order, so a valid file's
 * order is kept). Throws CYCLE naming nodes on a cycle and DANGLING_TENSOR for
 * an input nothing defines. O(nodes + edges).
 */
function topologicalNodes(g: OnnxGraph): OnnxNode[] {
  const defined = new Set<string>([...g.initializers.map((t) => t.name), ...g.inputs.map((v) => v.name)]);
  const producer = new Map<string, number>();
  g.nodes.forEach((node, i) => {
    for (const o of node.outputs) {
      if (o === '') continue;
      if (producer.has(o) || defined.has(o)) {
        throw new ExplorerError('DUPLICATE_PRODUCER', `tensor "${o}" (node "${node.name}")`);
      }
      producer.set(o, i);
    }
  });
  const n = g.nodes.length;
  const pending = new Int32Array(n);
  const consumers: number[][] = Array.from({ length: n }, () => []);
  g.nodes.forEach((node, i) => {
    for (const name of new Set(node.inputs)) {
      if (name === '' || defined.has(name)) continue;
      const p = producer.get(name);
      if (p === undefined) {
        throw new ExplorerError('DANGLING_TENSOR', `node "${node.name}" (${node.opType}) reads "${name}"`);
      }
      pending[i]!++;
      consumers[p]!.push(i);
    }
  });
  // A min-heap would give file order exactly; a FIFO of ready nodes keeps valid files in order too.
  const ready: number[] = [];
  for (let i = 0; i < n; i++) if (pending[i] === 0) ready.push(i);
  const order: OnnxNode[] = [];
  for (let head = 0; head < ready.length; head++) {
    const i = ready[head]!;
    order.push(g.nodes[i]!);
    for (const c of consumers[i]!) if (--pending[c]! === 0) ready.push(c);
  }
  if (order.length < n) {
    const stuck = g.nodes.filter((_, i) => pending[i]! > 0).slice(0, 3);
    throw new ExplorerError('CYCLE', `nodes ${stuck.map((s) => `"${s.name}"`).join(', ')} depend on each other`);
  }
  return order;
}
