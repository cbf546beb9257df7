import { layerTimeMs } from '../cost/layerCost';
import type { CostTables } from '../cost/tables';
import { linkFor, stageMemoryBudgetBytes } from '../cost/tables';
import type { Layer, Network } from '../model/types';

/*
 * LCP (Hadidi et al., arXiv 2003.06464): the model is rebuilt as B narrow branches, one per device,
 * each with every channel count divided by B, merged at the end. How each layer's cost scales in a
 * branch (derived here, not taken from the paper):
 * - a convolution or fully connected layer between two narrowed tensors has C_in/B inputs and
 *   C_out/B outputs: MACs and weights / B^2; its activations / B;
 * - the first layer reads the image (not narrowed): MACs and weights / B;
 * - grouped and depthwise convolutions keep channels per group: MACs and weights / B;
 * - elementwise, pooling, normalization and memory ops touch each channel once: work and bytes / B;
 * - the merge: from the last layer with MACs (the classifier) on, the original layers run once on
 *   the merge device, reading the concatenated branch outputs (same width as the original).
 * Each branch device receives the image from the merge device (frames arrive there) and returns
 * its 1/B share of the merge tensor; both go through the merge device's one network port.
 */

/** Branch-parallel cost of one frame. Times ms, energy mJ, bytes at the network's dtype. */
export interface BranchParallel {
  readonly branches: number;
  readonly devices: readonly string[];
  /** Position of the first layer that runs after the merge (on devices[0]). */
  readonly mergeAt: number;
  /** One branch's compute on one device (all its units). */
  readonly branchMs: number;
  /** The merged tail on the merge device. */
  readonly tailMs: number;
  /** One image sent to one branch device, and one branch output returned. */
  readonly scatterMs: number;
  readonly gatherMs: number;
  readonly fps: number;
  readonly periodMs: number;
  readonly latencyMs: number;
  readonly energyPerFrameMj: number;
  /** MACs of one branch plus the tail over the original network's MACs. */
  readonly macsFraction: number;
  readonly valid: boolean;
  readonly reason?: string;
}

/** The accuracy caveat shown beside every branch-parallel figure. */
export const LCP_CAVEAT =
  'Branch-parallel runs a different model: B narrow branches (about 1/B² of the MACs each) that must be ' +
  'trained from scratch. Its accuracy is not the original model’s; LCP reports small losses for its derived ' +
  'networks, and the other rows run the original model unchanged.';

/** Position of the merge: the last layer with MACs (the classifier); 0 when no layer has MACs. O(n). */
export function mergePosition(net: Network): number {
  for (let i = net.layers.length - 1; i >= 0; i--) if (net.layers[i]!.macs > 0) return i;
  return 0;
}

/**
 * One layer as it is in a branch of a B-branch model (see the scaling rules above). O(inputs).
 * @example branchLayer(net, conv3x3, 4).macs === conv3x3.macs / 16
 */
export function branchLayer(net: Network, layer: Layer, B: number): Layer {
  const readsImage = layer.inputs.some((id) => net.inputs.includes(id));
  const grouped = Number(layer.attrs.group ?? 1) > 1 || layer.opClass === 'depthwise';
  const weighted = layer.opClass === 'conv' || layer.opClass === 'gemm' || layer.opClass === 'depthwise';
  const workScale = weighted && !readsImage && !grouped ? 1 / (B * B) : 1 / B;
  const weightScale = layer.opClass === 'conv' || layer.opClass === 'gemm' ? workScale : 1 / B;
  const activationRead = layer.bytesRead - layer.weightBytes;
  const inputScale = readsImage ? 1 : 1 / B;
  return {
    ...layer,
    macs: layer.macs * workScale,
    ops: layer.ops / B,
    params: layer.params * weightScale,
    weightBytes: layer.weightBytes * weightScale,
    bytesRead: activationRead * inputScale + layer.weightBytes * weightScale,
    bytesWritten: layer.bytesWritten / B,
  };
}

/**
 * Branch-parallel execution of `t.network` as B = devices.length branches, one per device on all
 * its units, merged on devices[0]:
 *   branch_d = sum of branch-layer times on device d, tail = original layers from the merge on;
 *   scatter = link latency + image bytes / bandwidth, gather = latency + merge-tensor bytes / B / bandwidth;
 *   period  = max(branch_0 + tail, branch_d (d > 0), (B - 1) scatter, (B - 1) gather)
 *             (DMA links; the merge device's port sends and receives in parallel, full duplex);
 *   latency = (B - 1) scatter + max branch + (B - 1) gather + tail (sends serialized on the port);
 *   energy  = idle power of every processor x period + (active - idle) x busy + link energy.
 * Invalid (Infinity) when a device cannot run a branch, has no link to the merge device, or cannot hold
 * the branch's weights (activations are not counted: narrow branches have small ones).
 * O(n * B).
 * @example branchParallel(buildCostTables(zooNetwork('alexnet'), platformById('rpi4x4')), ['pi0', 'pi1', 'pi2', 'pi3']).fps
 */
export function branchParallel(t: CostTables, devices: readonly string[]): BranchParallel {
  const net = t.network;
  const B = devices.length;
  const mergeAt = mergePosition(net);
  const idx = devices.map((d) => t.processorIndex.get(d) ?? -1);
  const fail = (reason: string): BranchParallel => ({
    branches: B,
    devices,
    mergeAt,
    branchMs: Infinity,
    tailMs: Infinity,
    scatterMs: Infinity,
    gatherMs: Infinity,
    fps: 0,
    periodMs: Infinity,
    latencyMs: Infinity,
    energyPerFrameMj: Infinity,
    macsFraction: NaN,
    valid: false,
    reason,
  });
  if (B < 1) return fail('no devices');
  if (idx.some((p) => p < 0)) return fail(`unknown device among ${devices.join(', ')}`);
  const layers = net.layers.slice(0, mergeAt).map((l) => branchLayer(net, l, B));
  const tail = net.layers.slice(mergeAt);
  const branchMsOf = idx.map((p) => {
    const proc = t.processors[p]!;
    const supported = new Set(proc.supports);
    if (layers.some((l) => !supported.has(l.opClass))) return Infinity;
    const weights = layers.reduce((a, l) => a + l.weightBytes, 0) * t.scale[p]!;
    if (weights > stageMemoryBudgetBytes(proc, proc.units)) return Infinity;
    return layers.reduce((a, l) => a + layerTimeMs(l, proc, proc.units, net.dtype), 0);
  });
  const merge = idx[0]!;
  const mergeProc = t.processors[merge]!;
  const tailSupported = tail.every((l) => mergeProc.supports.includes(l.opClass));
  const tailMs = tailSupported
    ? tail.reduce((a, l) => a + layerTimeMs(l, mergeProc, mergeProc.units, net.dtype), 0)
    : Infinity;
  const imageBytes = t.crossing[0]!;
  const mergeBytes = t.crossing[mergeAt]! / B;
  let scatterMs = 0;
  let gatherMs = 0;
  let linkMj = 0;
  for (let d = 1; d < B; d++) {
    const p = idx[d]!;
    if (p === merge) continue;
    const toDev = linkFor(t, merge, p);
    const back = linkFor(t, p, merge);
    if (!toDev || !back) return fail(`no link between ${devices[0]} and ${devices[d]}`);
    const inBytes = imageBytes * t.scale[merge]!;
    const outBytes = mergeBytes * t.scale[p]!;
    scatterMs = Math.max(scatterMs, toDev.latencyUs / 1000 + (inBytes / (toDev.bandwidthGBs * 1e9)) * 1000);
    gatherMs = Math.max(gatherMs, back.latencyUs / 1000 + (outBytes / (back.bandwidthGBs * 1e9)) * 1000);
    linkMj += (toDev.energyPjPerByte * inBytes + back.energyPjPerByte * outBytes) / 1e9;
  }
  const others = B - 1;
  const busy = idx.map((_, d) => branchMsOf[d]! + (d === 0 ? tailMs : 0));
  const periodMs = Math.max(...busy, others * scatterMs, others * gatherMs);
  const branchMs = Math.max(...branchMsOf);
  const latencyMs = others * scatterMs + branchMs + others * gatherMs + tailMs;
  let energy = linkMj;
  for (const proc of t.processors) energy += proc.idlePowerW * periodMs;
  idx.forEach((p, d) => (energy += (t.processors[p]!.activePowerW - t.processors[p]!.idlePowerW) * busy[d]!));
  const totalMacs = net.layers.reduce((a, l) => a + l.macs, 0);
  const branchMacs = layers.reduce((a, l) => a + l.macs, 0) + tail.reduce((a, l) => a + l.macs, 0);
  if (!Number.isFinite(periodMs)) return fail('a device cannot run its branch or the tail (ops or memory)');
  return {
    branches: B,
    devices,
    mergeAt,
    branchMs,
    tailMs,
    scatterMs,
    gatherMs,
    fps: 1000 / periodMs,
    periodMs,
    latencyMs,
    energyPerFrameMj: energy,
    macsFraction: totalMacs > 0 ? branchMacs / totalMacs : NaN,
    valid: true,
  };
}
