import { dtypeScale, layerTimeMs } from '../cost/layerCost';
import type { Layer, Network } from '../model/types';
import type { Platform, Processor } from '../platform/types';
import { dtypeBytes } from '../units';

/*
 * CAP (Zou et al., IEEE TC 2022): one layer at a time over all n cores of a chip multiprocessor,
 * each layer split by a partition scheme whose inter-core traffic crosses the network-on-chip.
 * Traffic per layer (bytes at the cores' dtype; derived here, not CAP's exact accounting):
 * - output channels: each core computes C_out/n filters and needs the whole input -> all-gather,
 *   (n - 1) x input bytes at the mesh's average distance; weights are split, none move (grouped and
 *   depthwise convs need only their groups' channels: see `layerTraffic`);
 * - input channels: each core convolves C_in/n channels into partial sums of the whole output ->
 *   reduce-scatter of 4-byte accumulators, (n - 1) x output elements x 4 bytes at average distance;
 * - spatial (2-D tiles): the output plane is cut into a side x side grid of tiles, tile (i, j) on core
 *   (i, j) of the mesh; each of the side - 1 row boundaries exchanges max(0, k_h - s_h) input rows
 *   of full width and each column boundary max(0, k_w - s_w) columns, at 1 hop (neighbours);
 *   weights are replicated -> (n - 1) x weight bytes at average distance. Needs H_out, W_out >= side.
 * Layers without weights (ReLU, BN, Add, pooling) keep their producer's layout and move nothing.
 * Simplification: each scheme finds its input in the layout it wants (no re-layout between
 * layers is charged), and communication does not overlap compute.
 * Layer time = compute on n cores (cost model, roofline) + byte-hops / (directed mesh links x link
 * bandwidth), the ideal spread of the traffic over the mesh. NoC energy = byte-hops x 8 x pJ/bit/hop.
 */

export const PARTITION_SCHEMES = ['output-channels', 'input-channels', 'spatial'] as const;
export type PartitionScheme = (typeof PARTITION_SCHEMES)[number];

/** A k x k mesh network-on-chip. */
export interface MeshNoc {
  /** Cores per side (n = side^2). */
  readonly side: number;
  /** Bandwidth of one mesh link in one direction, GB/s. */
  readonly linkGBs: number;
  /** Energy per bit per hop, pJ. */
  readonly pjPerBitHop: number;
}

/** The 4x4 mesh of the cmp16 preset: 128-bit links at 1 GHz, 0.5 pJ/bit/hop (estimates, see cmp16.ts). */
export const CMP16_MESH: MeshNoc = {
  side: 4,
  linkGBs: 16, // estimate: 128-bit flits at 1 GHz (as NOC_LINK_GBS in presets/cmp16.ts)
  pjPerBitHop: 0.5, // estimate: middle of REFERENCE's 0.1-1 pJ/bit/hop
};

/** Mean Manhattan distance between two cores drawn independently and uniformly from a k x k mesh: 2(k^2 - 1)/(3k). O(1). */
export function meshAverageHops(side: number): number {
  return (2 * (side * side - 1)) / (3 * side);
}

/** Directed links of a k x k mesh: 4k(k - 1). O(1). */
export function meshDirectedLinks(side: number): number {
  return 4 * side * (side - 1);
}

/** Accumulator bytes of one partial sum (int32 for int8 MACs, fp32 otherwise). */
export const PARTIAL_SUM_BYTES = 4;

/** NoC traffic of one layer under one scheme: bytes moved and byte-hops. Infinity when the scheme does not apply. */
export interface LayerTraffic {
  readonly bytes: number;
  readonly byteHops: number;
}

/**
 * Inter-core traffic of a layer split over the n = side^2 cores under `scheme` (rules above), bytes at
 * the processor's dtype. O(1).
 * @example layerTraffic(net, conv, 'output-channels', core, CMP16_MESH).bytes === 15 * inputBytes
 */
export function layerTraffic(
  net: Network,
  layer: Layer,
  scheme: PartitionScheme,
  core: Pick<Processor, 'dtype'>,
  mesh: MeshNoc,
): LayerTraffic {
  const n = mesh.side * mesh.side;
  if (!hasWeights(layer) || n === 1) return { bytes: 0, byteHops: 0 };
  const scale = dtypeScale(core, net.dtype);
  const hops = meshAverageHops(mesh.side);
  const inputBytes = (layer.bytesRead - layer.weightBytes) * scale;
  const weightBytes = layer.weightBytes * scale;
  // A grouped conv only mixes channels inside a group: with g groups a core needs (or reduces over)
  // the channels of its groups only, so the channel schemes move max(0, n/g - 1) x the data instead
  // of (n - 1) x, and nothing at all for depthwise convs (g = C >= n).
  const groups = Math.max(1, Number(layer.attrs.group ?? 1));
  const channelShare = Math.max(0, n / groups - 1);
  switch (scheme) {
    case 'output-channels': {
      const bytes = channelShare * inputBytes;
      return { bytes, byteHops: bytes * hops };
    }
    case 'input-channels': {
      const outElems = layer.bytesWritten / dtypeBytes(net.dtype);
      const bytes = channelShare * outElems * PARTIAL_SUM_BYTES;
      return { bytes, byteHops: bytes * hops };
    }
    case 'spatial': {
      const input = net.tensors[layer.inputs[0] ?? -1]?.shape;
      const output = net.tensors[layer.outputs[0] ?? -1]?.shape;
      const kernel = layer.attrs.kernel;
      const stride = layer.attrs.stride;
      const side = mesh.side;
      if (!input || !output || input.length !== 4 || output.length !== 4 || !Array.isArray(kernel)) {
        return { bytes: Infinity, byteHops: Infinity };
      }
      if (output[2]! < side || output[3]! < side) return { bytes: Infinity, byteHops: Infinity };
      const [kh, kw] = [Number(kernel[0]), Number(kernel[1] ?? kernel[0])];
      const [sh, sw] = Array.isArray(stride) ? [Number(stride[0]), Number(stride[1] ?? stride[0])] : [1, 1];
      const [H, W] = [input[2]!, input[3]!];
      const elemBytes = inputBytes / (input[1]! * H * W); // bytes of one input element at the core's dtype
      const channels = input[1]!;
      // side - 1 horizontal boundaries, each (k_h - s_h) input rows of full width; likewise columns.
      const halo =
        ((side - 1) * Math.max(0, kh - sh) * W + (side - 1) * Math.max(0, kw - sw) * H) * channels * elemBytes;
      const weights = (n - 1) * weightBytes;
      return { bytes: halo + weights, byteHops: halo + weights * hops };
    }
  }
}

const hasWeights = (l: Layer): boolean =>
  (l.opClass === 'conv' || l.opClass === 'gemm' || l.opClass === 'depthwise') && l.macs > 0;

/** Per-layer choice and the totals of an intra-layer parallel run of one frame. */
export interface IntraLayerRun {
  readonly cores: number;
  /** Scheme per layer ('none' for layers without weights). */
  readonly schemes: readonly (PartitionScheme | 'none')[];
  readonly computeMs: number;
  readonly nocMs: number;
  readonly latencyMs: number;
  readonly fps: number;
  readonly nocBytes: number;
  readonly nocByteHops: number;
  readonly nocEnergyMj: number;
  readonly energyPerFrameMj: number;
  /** Layers per chosen scheme. */
  readonly counts: Readonly<Record<PartitionScheme, number>>;
}

/**
 * All cores of a CMP as one processor: the platform's first processor type, with units = every unit
 * of the platform, no serial fraction (communication is now explicit), summed bandwidth and power.
 * O(P).
 * @example wholeChip(platformById('cmp16')).units // 16
 */
export function wholeChip(platform: Platform): Processor {
  const base = platform.processors[0]!;
  const cores = platform.processors.reduce((a, p) => a + p.units, 0);
  const sum = (f: (p: Processor) => number) => platform.processors.reduce((a, p) => a + f(p), 0);
  return {
    ...base,
    id: 'chip',
    name: `${platform.name}: all ${cores} cores`,
    units: cores,
    serialFraction: 0,
    memBandwidthGBs: sum((p) => p.memBandwidthGBs),
    memoryMB: sum((p) => p.memoryMB),
    activePowerW: sum((p) => p.activePowerW),
    idlePowerW: sum((p) => p.idlePowerW),
  };
}

/**
 * One frame, one layer at a time on all n = side^2 cores of `chip` (units must equal n). `policy`
 * is a fixed scheme for every weighted layer (the naive baseline uses 'output-channels'; where a
 * fixed scheme does not apply the layer falls back to output channels), or
 * 'comm-aware': per layer the scheme with the least time (compute + NoC). Compute is the same under
 * every scheme, so that is the least byte-hops, hence also the least NoC energy.
 * Energy = chip active power x latency + NoC energy. O(n_layers).
 * @example intraLayerParallel(zooNetwork('densenet121'), wholeChip(platformById('cmp16')), CMP16_MESH, 'comm-aware').counts
 */
export function intraLayerParallel(
  net: Network,
  chip: Processor,
  mesh: MeshNoc,
  policy: PartitionScheme | 'comm-aware',
): IntraLayerRun {
  const n = mesh.side * mesh.side;
  const noc = meshDirectedLinks(mesh.side) * mesh.linkGBs * 1e9; // byte-hops per second
  const counts: Record<PartitionScheme, number> = { 'output-channels': 0, 'input-channels': 0, spatial: 0 };
  let computeMs = 0;
  let nocMs = 0;
  let bytes = 0;
  let byteHops = 0;
  const schemes = net.layers.map((layer) => {
    computeMs += layerTimeMs(layer, chip, n, net.dtype);
    if (!hasWeights(layer)) return 'none' as const;
    // A fixed scheme that cannot split this layer (spatial on a vector or on fewer rows than
    // cores) falls back to output channels, which always applies.
    const options = policy === 'comm-aware' ? PARTITION_SCHEMES : [policy, 'output-channels' as const];
    let best: PartitionScheme = options[0]!;
    let bestT: LayerTraffic = { bytes: Infinity, byteHops: Infinity };
    for (const s of options) {
      const tr = layerTraffic(net, layer, s, chip, mesh);
      if (tr.byteHops < bestT.byteHops) {
        best = s;
        bestT = tr;
      }
    }
    counts[best]++;
    bytes += bestT.bytes;
    byteHops += bestT.byteHops;
    if (bestT.byteHops > 0) nocMs += (bestT.byteHops / noc) * 1000; // a 1x1 mesh has no links and no traffic
    return best;
  });
  const latencyMs = computeMs + nocMs;
  const nocEnergyMj = (byteHops * 8 * mesh.pjPerBitHop) / 1e9;
  return {
    cores: n,
    schemes,
    computeMs,
    nocMs,
    latencyMs,
    fps: 1000 / latencyMs,
    nocBytes: bytes,
    nocByteHops: byteHops,
    nocEnergyMj,
    energyPerFrameMj: chip.activePowerW * latencyMs + nocEnergyMj,
    counts,
  };
}
