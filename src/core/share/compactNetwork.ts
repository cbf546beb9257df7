import { z } from 'zod';
import { ExplorerError } from '../errors';
import { blockPathOf, buildNetwork } from '../model/build';
import type { LayerSpec, Network, NetworkSpec, TensorSpec } from '../model/types';
import { OP_CLASSES } from '../model/types';
import { describeIssues, fieldIssues, listOf, RESERVED_KEYS } from '../platform/schema';
import type { DType } from '../units';

/*
 * A compact, lossless serialisation of a `Network` for URLs and plan files.
 *
 * Only what `buildNetwork` needs is stored; everything it derives (positions, bytes read and
 * written, producer and last-use positions) is recomputed. Short keys and omitted defaults keep
 * it small before compression:
 * - a tensor omits `n` when its name equals its producing layer's name (what the zoo builder and
 *   most importers emit) and `d` when its dtype is the network's;
 * - a layer omits `p`, `m`, `x`, `w` when zero, `b` when its block path is the one derived from its
 *   dotted name, and `a` when it has no attributes.
 * Layers are stored in topological order, so `buildNetwork` returns them in the same positions.
 */

/** Bounds of an inline network: far above any real model, far below what could exhaust memory. */
export const NETWORK_LIMITS = {
  maxLayers: 50_000,
  maxTensors: 100_000,
  maxLayerInputs: 256,
  maxLayerOutputs: 64,
  maxRank: 8,
  maxDim: 2 ** 31 - 1,
  /** Bytes of one tensor (1 TB). */
  maxTensorBytes: 1e12,
  /** Per-layer params, MACs, ops and weight bytes. */
  maxCount: 1e18,
  maxNameChars: 256,
  maxBlockDepth: 32,
  maxAttrs: 32,
  maxAttrValues: 64,
} as const;

export type CompactAttr = number | number[] | string;

export interface CompactTensor {
  /** Name; omitted when equal to the producing layer's name. */
  readonly n?: string;
  readonly s: readonly number[];
  /** Dtype; omitted when equal to the network's. */
  readonly d?: DType;
}

export interface CompactLayer {
  readonly n: string;
  readonly op: string;
  readonly c: (typeof OP_CLASSES)[number];
  readonly i: readonly number[];
  readonly o: readonly number[];
  /** params, MACs, other ops, weight bytes; omitted when 0. */
  readonly p?: number;
  readonly m?: number;
  readonly x?: number;
  readonly w?: number;
  /** Block path; omitted when it is `blockPathOf(n)`. */
  readonly b?: readonly string[];
  readonly a?: Readonly<Record<string, CompactAttr>>;
}

export interface CompactNetwork {
  readonly id: string;
  readonly name: string;
  readonly dtype: DType;
  readonly source?: string;
  readonly tensors: readonly CompactTensor[];
  readonly layers: readonly CompactLayer[];
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
}

const L = NETWORK_LIMITS;
const name = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .min(1, { error: `${what} must not be empty` })
    .max(L.maxNameChars, { error: `${what} is longer than ${L.maxNameChars} characters` });
const count = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .gte(0, { error: `${what} must be >= 0` })
    .lte(L.maxCount, { error: `${what} must be <= ${L.maxCount}` });
const tensorId = z
  .number({ error: 'a tensor id must be a number' })
  .int({ error: 'a tensor id must be an integer' })
  .gte(0, { error: 'a tensor id must be >= 0' })
  .lt(L.maxTensors, { error: `a tensor id must be < ${L.maxTensors}` });
const ids = (what: string, max: number) => listOf(tensorId, what, max);
const dtype = z.enum(['float32', 'float16', 'int8'], { error: 'dtype must be float32, float16 or int8' });

const attrKey = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, { error: 'an attribute name must be a short identifier' })
  .refine((k) => !RESERVED_KEYS.has(k), { error: 'an attribute name may not be a reserved word' });
const attrValue = z.union(
  [
    z.number(),
    listOf(z.number(), 'an attribute', L.maxAttrValues),
    z.string().max(L.maxNameChars, { error: `an attribute text is longer than ${L.maxNameChars} characters` }),
  ],
  { error: 'an attribute must be a number, a list of numbers or a short text' },
);
const attrs = z
  .record(attrKey, attrValue)
  .refine((a) => Object.keys(a).length <= L.maxAttrs, { error: `a layer has more than ${L.maxAttrs} attributes` });

const tensorSchema = z
  .strictObject({
    n: name('tensor name').exactOptional(),
    s: listOf(
      z
        .number({ error: 'a dimension must be a number' })
        .int({ error: 'a dimension must be an integer' })
        .gte(1, { error: 'a dimension must be >= 1' })
        .lte(L.maxDim, { error: `a dimension must be <= ${L.maxDim}` }),
      'a shape',
      L.maxRank,
    ),
    d: dtype.exactOptional(),
  })
  .refine((t) => t.s.reduce((a, b) => a * b, 4) <= L.maxTensorBytes, {
    error: `a tensor is larger than ${L.maxTensorBytes} bytes`,
  });

const layerSchema = z.strictObject({
  n: name('layer name'),
  op: name('op'),
  c: z.enum(OP_CLASSES, { error: `op class must be one of ${OP_CLASSES.join(', ')}` }),
  i: ids('layer inputs', L.maxLayerInputs),
  o: ids('layer outputs', L.maxLayerOutputs),
  p: count('params').exactOptional(),
  m: count('macs').exactOptional(),
  x: count('ops').exactOptional(),
  w: count('weightBytes').exactOptional(),
  b: listOf(name('block'), 'a block path', L.maxBlockDepth).exactOptional(),
  a: attrs.exactOptional(),
});

/** Schema of a `CompactNetwork`: bounded sizes, names and counts. Validation is O(size). */
export const compactNetworkSchema = z.strictObject({
  id: name('network id'),
  name: name('network name'),
  dtype,
  source: z.string().max(2000, { error: 'source is longer than 2000 characters' }).exactOptional(),
  tensors: listOf(tensorSchema, 'tensors', L.maxTensors),
  layers: listOf(layerSchema, 'layers', L.maxLayers, 1),
  inputs: ids('network inputs', L.maxLayerInputs),
  outputs: ids('network outputs', L.maxTensors),
});

// Compile-time check: what the schema accepts is a CompactNetwork.
const _schemaFitsType = (x: z.infer<typeof compactNetworkSchema>): CompactNetwork => x;
void _schemaFitsType;

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Serialises a network compactly (see the format notes above). O(layers + tensors).
 * @example compactNetwork(zooNetwork('resnet18')).layers.length === 69 // hypothetical count
 */
export function compactNetwork(net: Network): CompactNetwork {
  const producerName = (t: number): string | undefined => {
    const pos = net.producer[t]!;
    return pos >= 0 ? net.layers[pos]!.name : undefined;
  };
  const tensors: CompactTensor[] = net.tensors.map((t) => ({
    ...(producerName(t.id) === t.name ? {} : { n: t.name }),
    s: [...t.shape],
    ...(t.dtype === net.dtype ? {} : { d: t.dtype }),
  }));
  const layers: CompactLayer[] = net.layers.map((l) => ({
    n: l.name,
    op: l.op,
    c: l.opClass,
    i: [...l.inputs],
    o: [...l.outputs],
    ...(l.params ? { p: l.params } : {}),
    ...(l.macs ? { m: l.macs } : {}),
    ...(l.ops ? { x: l.ops } : {}),
    ...(l.weightBytes ? { w: l.weightBytes } : {}),
    ...(sameList(l.block, blockPathOf(l.name)) ? {} : { b: [...l.block] }),
    ...(Object.keys(l.attrs).length > 0 ? { a: copyAttrs(l.attrs) } : {}),
  }));
  return {
    id: net.id,
    name: net.name,
    dtype: net.dtype,
    ...(net.source !== undefined ? { source: net.source } : {}),
    tensors,
    layers,
    inputs: [...net.inputs],
    outputs: [...net.outputs],
  };
}

function copyAttrs(a: Readonly<Record<string, number | readonly number[] | string>>): Record<string, CompactAttr> {
  // Null prototype: attribute names are data and must never reach Object.prototype.
  const out = Object.create(null) as Record<string, CompactAttr>;
  for (const [k, v] of Object.entries(a)) out[k] = Array.isArray(v) ? [...(v as number[])] : (v as number | string);
  return out;
}

/**
 * Rebuilds a network from its compact form, validating it first: bounded sizes (BAD_NETWORK),
 * tensor ids in range (UNKNOWN_TENSOR), then everything `buildNetwork` checks (CYCLE,
 * DANGLING_TENSOR, DUPLICATE_PRODUCER, DUPLICATE_NAME, ...). Throws `ExplorerError`.
 * O((layers + tensors) log layers).
 * @example networkFromCompact(compactNetwork(net)).layers.length === net.layers.length
 */
export function networkFromCompact(input: unknown): Network {
  const r = compactNetworkSchema.safeParse(input);
  if (!r.success) throw new ExplorerError('BAD_NETWORK', describeIssues(fieldIssues(input, r.error)));
  const c = r.data;
  const T = c.tensors.length;
  const check = (id: number, where: string) => {
    if (id >= T) throw new ExplorerError('UNKNOWN_TENSOR', `${where} refers to tensor ${id} of ${T}`);
  };
  const producedBy: (string | undefined)[] = new Array<string | undefined>(T);
  for (const l of c.layers) {
    for (const t of l.i) check(t, `layer "${l.n}"`);
    for (const t of l.o) {
      check(t, `layer "${l.n}"`);
      producedBy[t] ??= l.n;
    }
  }
  for (const t of c.inputs) check(t, 'network input');
  for (const t of c.outputs) check(t, 'network output');
  const tensors: TensorSpec[] = c.tensors.map((t, id) => {
    const tensorName = t.n ?? producedBy[id];
    if (tensorName === undefined) {
      throw new ExplorerError('BAD_NETWORK', `tensor ${id} has no name and no producing layer`);
    }
    return { name: tensorName, shape: [...t.s], dtype: t.d ?? c.dtype };
  });
  const layers: LayerSpec[] = c.layers.map((l) => ({
    name: l.n,
    op: l.op,
    opClass: l.c,
    inputs: [...l.i],
    outputs: [...l.o],
    params: l.p ?? 0,
    macs: l.m ?? 0,
    ops: l.x ?? 0,
    weightBytes: l.w ?? 0,
    ...(l.b ? { block: [...l.b] } : {}),
    ...(l.a ? { attrs: copyAttrs(l.a) } : {}),
  }));
  const spec: NetworkSpec = {
    id: c.id,
    name: c.name,
    dtype: c.dtype,
    tensors,
    layers,
    inputs: [...c.inputs],
    outputs: [...c.outputs],
    ...(c.source !== undefined ? { source: c.source } : {}),
  };
  return buildNetwork(spec);
}
