import type { Network } from '../model/types';
import type { Profile, ProfileRecord } from './types';

/** How a profile maps onto a network's layers. */
export interface ProfileMatch {
  /** Measured ms per layer position; NaN where the profile has no time for the layer. */
  readonly measuredMs: Float64Array;
  readonly matchedLayers: number;
  readonly unmatchedLayers: number;
  /** Records that matched no layer (e.g. ORT's inserted layout reorders). */
  readonly unmatchedRecords: readonly ProfileRecord[];
  /** Layers each matched record covers; a fused kernel covers several. */
  readonly groups: readonly { readonly record: string; readonly layers: readonly number[] }[];
}

/** Ops that carry a kernel's arithmetic; a fused kernel contains at most one. */
const HEAVY = new Set(['Conv', 'ConvTranspose', 'Gemm', 'MatMul']);

/** Suffixes ONNX Runtime appends to the output tensor a fused or re-laid-out kernel is named after. */
const RENAMES = [/_nchwc$/, /_fused$/, /_token_\d+$/, /_Transpose$/];

/** Name lookups of a network: layer names, ONNX node names, tensor names. */
function lookups(net: Network) {
  const byName = new Map<string, number>();
  for (const l of net.layers) {
    byName.set(l.name, l.index);
    const node = l.attrs.onnxNode;
    if (typeof node === 'string' && node !== '' && !byName.has(node)) byName.set(node, l.index);
  }
  const byTensor = new Map<string, number>();
  for (const t of net.tensors) if (net.producer[t.id]! >= 0) byTensor.set(t.name, net.producer[t.id]!);
  return (name: string): number | undefined => {
    const candidates = [name];
    for (const re of RENAMES) {
      const last = candidates[candidates.length - 1]!;
      if (re.test(last)) candidates.push(last.replace(re, ''));
    }
    for (const c of candidates) {
      const hit = byName.get(c) ?? byTensor.get(c) ?? byName.get(c.replace(/_output_\d+$/, ''));
      if (hit !== undefined) return hit;
    }
    if (/^\d+$/.test(name) && Number(name) < net.layers.length) return Number(name);
    return undefined;
  };
}

/**
 * Matches profile records to layers. Each record is anchored to a layer by
 * name: a layer or ONNX node name, the output tensor a kernel is named after
 * (ORT names fused kernels after their last output, `/relu/Relu_output_0_nchwc`),
 * or a CSV position; ORT and TFLite records without a name match fall back to
 * the first free layer with the same op type and output shape.
 *
 * ORT and TFLite fuse nodes (Conv + BN + activation, Conv + residual Add), so
 * a record also covers the unprofiled layers fused into it: walking back from
 * its anchor through single-consumer producers until the group holds one
 * Conv / Gemm / MatMul, then forward into an unprofiled elementwise consumer
 * that is the only reader of a group's output. A record's time is split over
 * its layers in proportion to their work (MACs + ops; equally when all are
 * zero). CSV rows map to one layer each. Several records on one layer add up.
 *
 * Complexity: O(layers + tensors + records).
 * @example matchProfile(net, parseProfile(text)).matchedLayers
 */
export function matchProfile(net: Network, profile: Profile): ProfileMatch {
  const n = net.layers.length;
  const find = lookups(net);
  const group = new Int32Array(n).fill(-1); // record index covering each layer
  const unmatchedRecords: ProfileRecord[] = [];
  const anchors: { record: number; layer: number }[] = [];
  const pendingByShape: number[] = [];
  profile.records.forEach((r, i) => {
    const at = find(r.name);
    if (at === undefined) pendingByShape.push(i);
    else anchors.push({ record: i, layer: at });
  });
  const outShape = (l: number): string => net.tensors[net.layers[l]!.outputs[0]!]?.shape.join() ?? '';
  const anchored = new Set(anchors.map((a) => a.layer));
  // Free layers by (op, output shape), in topological order: each record takes the first free one.
  const byOpShape = new Map<string, number[]>();
  if (profile.format !== 'csv' && pendingByShape.length > 0) {
    for (let l = n - 1; l >= 0; l--) {
      if (anchored.has(l)) continue;
      const k = `${net.layers[l]!.op}|${outShape(l)}`;
      (byOpShape.get(k) ?? byOpShape.set(k, []).get(k)!).push(l);
    }
  }
  for (const i of pendingByShape) {
    const r = profile.records[i]!;
    let hit = -1;
    if (r.opType && r.outputShape) hit = byOpShape.get(`${r.opType}|${r.outputShape.join()}`)?.pop() ?? -1;
    if (hit < 0) unmatchedRecords.push(r);
    else {
      anchored.add(hit);
      anchors.push({ record: i, layer: hit });
    }
  }
  // Several records on one layer share one group: the first record's id stands for all.
  const recordOfLayer = new Map<number, number>();
  const extraMs = new Map<number, number>();
  for (const a of anchors) {
    const first = recordOfLayer.get(a.layer);
    if (first === undefined) {
      recordOfLayer.set(a.layer, a.record);
      group[a.layer] = a.record;
    } else extraMs.set(first, (extraMs.get(first) ?? 0) + profile.records[a.record]!.ms);
  }

  if (profile.format !== 'csv') absorbFused(net, group, recordOfLayer);

  const members = new Map<number, number[]>();
  for (let l = 0; l < n; l++) {
    const g = group[l]!;
    if (g >= 0) (members.get(g) ?? members.set(g, []).get(g)!).push(l);
  }
  const measuredMs = new Float64Array(n).fill(NaN);
  const groups: { record: string; layers: number[] }[] = [];
  for (const [g, layers] of members) {
    const ms = profile.records[g]!.ms + (extraMs.get(g) ?? 0);
    const work = layers.map((l) => net.layers[l]!.macs + net.layers[l]!.ops);
    const total = work.reduce((a, b) => a + b, 0);
    layers.forEach((l, i) => (measuredMs[l] = total > 0 ? (ms * work[i]!) / total : ms / layers.length));
    groups.push({ record: profile.records[g]!.name, layers });
  }
  const matchedLayers = [...group].filter((g) => g >= 0).length;
  return { measuredMs, matchedLayers, unmatchedLayers: n - matchedLayers, unmatchedRecords, groups };
}

/** Extends each anchored group over the unprofiled layers a runtime fuses into it. O(layers + tensors). */
function absorbFused(net: Network, group: Int32Array, recordOfLayer: ReadonlyMap<number, number>): void {
  const readers = new Int32Array(net.tensors.length);
  for (const l of net.layers) for (const t of l.inputs) readers[t]!++;
  const soleProducer = (t: number): number => {
    const p = net.producer[t]!;
    return p >= 0 && readers[t] === 1 && net.layers[p]!.outputs.length === 1 ? p : -1;
  };
  // Backward from each anchor, latest first so a downstream kernel claims its own chain.
  const anchorsDesc = [...recordOfLayer.keys()].sort((a, b) => b - a);
  for (const a of anchorsDesc) {
    const g = group[a]!;
    let hasHeavy = HEAVY.has(net.layers[a]!.op);
    const stack = [a];
    while (stack.length > 0 && !hasHeavy) {
      const c = stack.pop()!;
      for (const t of net.layers[c]!.inputs) {
        const p = soleProducer(t);
        if (p < 0 || group[p]! >= 0) continue;
        group[p] = g;
        if (HEAVY.has(net.layers[p]!.op)) hasHeavy = true;
        else stack.push(p);
      }
    }
  }
  // Forward: an unprofiled elementwise layer that alone reads a group's output joins it (Conv + Add).
  for (const l of net.layers) {
    if (group[l.index]! >= 0 || HEAVY.has(l.op) || l.opClass !== 'elementwise') continue;
    for (const t of l.inputs) {
      const p = soleProducer(t);
      if (p >= 0 && group[p]! >= 0) {
        group[l.index] = group[p]!;
        break;
      }
    }
  }
}
