import type { Layer, Network } from '../model/types';

/*
 * Pipe-it's performance model: a conv layer's time on a core configuration (cluster x cores)
 * predicted from the layer's descriptors alone (input size, channels, kernel, stride, filters).
 * Here: an ordinary least-squares fit, per configuration, of measured layer times on features
 * derived from those descriptors. The feature set is ours (Pipe-it's exact model differs):
 *   [1, MACs, input elements, output elements, weight elements]
 * each scaled by its largest value in the training set so the normal equations stay well conditioned.
 */

/** The descriptors Pipe-it uses for a conv layer. */
export interface LayerDescriptor {
  /** Input height and width. */
  readonly inH: number;
  readonly inW: number;
  readonly inChannels: number;
  readonly kernel: number;
  readonly stride: number;
  /** Output channels (filters). */
  readonly filters: number;
  readonly outH: number;
  readonly outW: number;
  readonly groups: number;
}

/**
 * The descriptor of a convolution (dense, grouped or depthwise) from its tensors and attributes;
 * undefined for every other layer (Pipe-it models conv layers only). O(1).
 */
export function layerDescriptor(net: Network, layer: Layer): LayerDescriptor | undefined {
  if (layer.opClass !== 'conv' && layer.opClass !== 'depthwise') return undefined;
  const input = net.tensors[layer.inputs[0] ?? -1]?.shape;
  const output = net.tensors[layer.outputs[0] ?? -1]?.shape;
  if (!input || !output || input.length !== 4 || output.length !== 4) return undefined;
  const k = layer.attrs.kernel;
  const s = layer.attrs.stride;
  return {
    inH: input[2]!,
    inW: input[3]!,
    inChannels: input[1]!,
    kernel: Array.isArray(k) ? Number(k[0]) : 1,
    stride: Array.isArray(s) ? Number(s[0]) : 1,
    filters: output[1]!,
    outH: output[2]!,
    outW: output[3]!,
    groups: Number(layer.attrs.group ?? 1),
  };
}

/** Number of regression features. */
export const FEATURES = 5;

/** Features of a descriptor: [1, MACs, input elements, output elements, weight elements]. O(1). */
export function descriptorFeatures(d: LayerDescriptor): number[] {
  const macs = (d.outH * d.outW * d.filters * d.kernel * d.kernel * d.inChannels) / d.groups;
  return [
    1,
    macs,
    d.inH * d.inW * d.inChannels,
    d.outH * d.outW * d.filters,
    (d.kernel * d.kernel * d.inChannels * d.filters) / d.groups,
  ];
}

/** A fitted linear model: ms = sum of coef[j] * feature[j] / scale[j]. */
export interface LinearModel {
  readonly coef: readonly number[];
  readonly scale: readonly number[];
  /** Root-mean-square residual on the training samples, ms. */
  readonly rmseMs: number;
  readonly samples: number;
}

/**
 * Least-squares fit of y on feature rows (normal equations with a tiny ridge term, solved by
 * Gaussian elimination with partial pivoting). Needs at least as many samples as features, else
 * the ridge term keeps it defined but the fit is only as good as its data.
 * O(samples * F^2 + F^3).
 * @example fitLinear([[1, 1], [1, 2], [1, 3]], [3, 5, 7]).coef // ≈ [1, 2] in scaled units
 */
export function fitLinear(rows: readonly (readonly number[])[], y: readonly number[], ridge = 1e-9): LinearModel {
  const F = rows[0]?.length ?? 0;
  const scale = Array.from({ length: F }, (_, j) => Math.max(1e-300, ...rows.map((r) => Math.abs(r[j]!))));
  const A = Array.from({ length: F }, () => new Float64Array(F + 1));
  rows.forEach((r, i) => {
    for (let a = 0; a < F; a++) {
      const xa = r[a]! / scale[a]!;
      for (let b = 0; b < F; b++) A[a]![b]! += xa * (r[b]! / scale[b]!);
      A[a]![F]! += xa * y[i]!;
    }
  });
  for (let a = 0; a < F; a++) A[a]![a]! += ridge;
  const coef = solve(A, F);
  const predict = (r: readonly number[]) => r.reduce((acc, x, j) => acc + (coef[j]! * x) / scale[j]!, 0);
  const sq = rows.reduce((acc, r, i) => acc + (predict(r) - y[i]!) ** 2, 0);
  return { coef, scale, rmseMs: rows.length > 0 ? Math.sqrt(sq / rows.length) : NaN, samples: rows.length };
}

function solve(A: Float64Array[], F: number): number[] {
  for (let col = 0; col < F; col++) {
    let pivot = col;
    for (let r = col + 1; r < F; r++) if (Math.abs(A[r]![col]!) > Math.abs(A[pivot]![col]!)) pivot = r;
    [A[col], A[pivot]] = [A[pivot]!, A[col]!];
    const p = A[col]![col]!;
    if (p === 0) continue;
    for (let r = 0; r < F; r++) {
      if (r === col) continue;
      const f = A[r]![col]! / p;
      if (f !== 0) for (let c = col; c <= F; c++) A[r]![c]! -= f * A[col]![c]!;
    }
  }
  return Array.from({ length: F }, (_, j) => (A[j]![j]! === 0 ? 0 : A[j]![F]! / A[j]![j]!));
}

/** Predicted ms of a feature row. O(F). */
export function predictLinear(model: LinearModel, row: readonly number[]): number {
  return row.reduce((acc, x, j) => acc + (model.coef[j]! * x) / model.scale[j]!, 0);
}

/** Measured layer times of one core configuration: `{ layer name -> ms }`. */
export interface ConfigProfile {
  readonly processor: string;
  readonly units: number;
  readonly layerMs: Readonly<Record<string, number>>;
}

export interface ConfigModel {
  readonly processor: string;
  readonly units: number;
  readonly model: LinearModel;
}

/**
 * Fits one model per core configuration on the profiled convolution layers. Names not in the network are ignored. O(profiles x n).
 * @example fitPipeItModels(net, [{ processor: 'big', units: 2, layerMs: { conv1: 3.1, 'layer1.0.conv1': 0.8 } }])
 */
export function fitPipeItModels(net: Network, profiles: readonly ConfigProfile[]): ConfigModel[] {
  const byName = new Map(net.layers.map((l) => [l.name, l]));
  return profiles.map((prof) => {
    const rows: number[][] = [];
    const y: number[] = [];
    for (const [name, ms] of Object.entries(prof.layerMs)) {
      const layer = byName.get(name);
      const d = layer && layerDescriptor(net, layer);
      if (!d || !Number.isFinite(ms)) continue;
      rows.push(descriptorFeatures(d));
      y.push(ms);
    }
    return { processor: prof.processor, units: prof.units, model: fitLinear(rows, y) };
  });
}

/**
 * Layer times of a configuration for every convolution: measured where profiled,
 * predicted by the fitted model elsewhere (clamped at 0). Same `{ layer name -> ms }` shape as a
 * profile, so it can feed a calibration. O(n).
 * @example predictLayerTimes(net, profile, fitPipeItModels(net, [profile])[0]).predicted // unprofiled convs
 */
export function predictLayerTimes(
  net: Network,
  profile: ConfigProfile,
  model: ConfigModel,
): { layerMs: Record<string, number>; predicted: string[] } {
  const layerMs: Record<string, number> = {};
  const predicted: string[] = [];
  for (const layer of net.layers) {
    const measured = profile.layerMs[layer.name];
    if (measured !== undefined) {
      layerMs[layer.name] = measured;
      continue;
    }
    const d = layerDescriptor(net, layer);
    if (!d) continue;
    layerMs[layer.name] = Math.max(0, predictLinear(model.model, descriptorFeatures(d)));
    predicted.push(layer.name);
  }
  return { layerMs, predicted };
}
