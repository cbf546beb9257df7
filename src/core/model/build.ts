import { ExplorerError } from '../errors';
import { dtypeBytes } from '../units';
import type { Layer, Network, NetworkSpec, Tensor } from './types';
import { topologicalOrder } from './topo';

/**
 * Validates a network description and freezes it into a `Network`: layers in
 * deterministic topological order, tensor byte sizes, producer and last-use
 * positions. Throws `ExplorerError` with code EMPTY_GRAPH, CYCLE,
 * DANGLING_TENSOR, UNKNOWN_TENSOR, DUPLICATE_PRODUCER, DUPLICATE_NAME,
 * BAD_SHAPE or BAD_NUMBER.
 *
 * Complexity: O((n + e) log n) for n layers and e tensor uses.
 * @example const net = buildNetwork(spec); net.layers[0].index === 0
 */
export function buildNetwork(spec: NetworkSpec): Network {
  if (spec.layers.length === 0) throw new ExplorerError('EMPTY_GRAPH', `network "${spec.id}"`);
  const tensorCount = spec.tensors.length;
  const tensors: Tensor[] = spec.tensors.map((t, id) => {
    for (const d of t.shape) {
      if (!Number.isInteger(d) || d <= 0) {
        throw new ExplorerError('BAD_SHAPE', `tensor "${t.name}" has shape [${t.shape.join(', ')}]`);
      }
    }
    const elements = t.shape.reduce((a, b) => a * b, 1);
    return { id, name: t.name, shape: [...t.shape], dtype: t.dtype, bytes: elements * dtypeBytes(t.dtype) };
  });

  const checkTensor = (id: number, where: string): void => {
    if (!Number.isInteger(id) || id < 0 || id >= tensorCount) {
      throw new ExplorerError('UNKNOWN_TENSOR', `${where} refers to tensor ${id}`);
    }
  };
  const producerSpec = new Int32Array(tensorCount).fill(-1);
  const isInput = new Uint8Array(tensorCount);
  for (const id of spec.inputs) {
    checkTensor(id, 'network input');
    isInput[id] = 1;
  }
  const names = new Set<string>();
  spec.layers.forEach((l, i) => {
    if (names.has(l.name)) throw new ExplorerError('DUPLICATE_NAME', `layer "${l.name}"`);
    names.add(l.name);
    for (const key of ['params', 'macs', 'ops', 'weightBytes'] as const) {
      const v = l[key];
      if (!Number.isFinite(v) || v < 0) throw new ExplorerError('BAD_NUMBER', `layer "${l.name}" ${key} = ${v}`);
    }
    for (const t of l.outputs) {
      checkTensor(t, `layer "${l.name}"`);
      if (producerSpec[t] !== -1 || isInput[t]) {
        throw new ExplorerError('DUPLICATE_PRODUCER', `tensor "${tensors[t]!.name}" (layer "${l.name}")`);
      }
      producerSpec[t] = i;
    }
  });
  for (const l of spec.layers) {
    for (const t of l.inputs) {
      checkTensor(t, `layer "${l.name}"`);
      if (producerSpec[t] === -1 && !isInput[t]) {
        throw new ExplorerError('DANGLING_TENSOR', `layer "${l.name}" reads "${tensors[t]!.name}"`);
      }
    }
  }
  for (const t of spec.outputs) {
    checkTensor(t, 'network output');
    if (producerSpec[t] === -1 && !isInput[t]) {
      throw new ExplorerError('DANGLING_TENSOR', `network output "${tensors[t]!.name}"`);
    }
  }

  const order = topologicalOrder(spec.layers, producerSpec);
  const n = order.length;
  const producer = new Int32Array(tensorCount).fill(-1);
  const lastUse = new Int32Array(tensorCount).fill(-1);
  const layers: Layer[] = new Array<Layer>(n);
  for (let pos = 0; pos < n; pos++) {
    const l = spec.layers[order[pos]!]!;
    for (const t of l.outputs) producer[t] = pos;
    for (const t of l.inputs) lastUse[t] = Math.max(lastUse[t]!, pos);
    const actIn = l.inputs.reduce((a, t) => a + tensors[t]!.bytes, 0);
    const actOut = l.outputs.reduce((a, t) => a + tensors[t]!.bytes, 0);
    layers[pos] = {
      index: pos,
      name: l.name,
      op: l.op,
      opClass: l.opClass,
      inputs: [...l.inputs],
      outputs: [...l.outputs],
      params: l.params,
      macs: l.macs,
      ops: l.ops,
      bytesRead: actIn + l.weightBytes,
      bytesWritten: actOut,
      weightBytes: l.weightBytes,
      block: l.block ? [...l.block] : blockPathOf(l.name),
      attrs: { ...(l.attrs ?? {}) },
    };
  }
  for (const t of spec.outputs) lastUse[t] = n;

  return {
    id: spec.id,
    name: spec.name,
    dtype: spec.dtype,
    inputShape: spec.inputs.length > 0 ? [...tensors[spec.inputs[0]!]!.shape] : [],
    layers,
    tensors,
    inputs: [...spec.inputs],
    outputs: [...spec.outputs],
    producer,
    lastUse,
    ...(spec.source !== undefined ? { source: spec.source } : {}),
  };
}

/**
 * Block path of a dotted module name: every proper prefix that names a module.
 * O(depth). @example blockPathOf('layer3.4.conv2') -> ['layer3', 'layer3.4']
 */
export function blockPathOf(name: string): string[] {
  const parts = name.split('.');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('.'));
  return out;
}
