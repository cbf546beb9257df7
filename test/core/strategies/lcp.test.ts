import { describe, expect, it } from 'vitest';
import { buildCostTables } from '../../../src/core/cost/tables';
import type { Platform } from '../../../src/core/platform/types';
import { branchLayer, branchParallel, mergePosition } from '../../../src/core/strategies/lcp';
import { NetBuilder } from '../../../src/core/zoo/builder';
import { zooNetwork } from '../../../src/core/zoo';
import { platformById } from '../../../src/core/platform/presets';
import { link, proc } from '../../fixtures/platforms';

/** image [1,3,8,8] -> conv1 (3->8, 3x3) -> relu -> conv2 (8->8, 3x3) -> flatten -> fc (512->10). */
function tinyCnn() {
  const b = new NetBuilder('tiny', 'Tiny CNN', [1, 3, 8, 8], 'fixture');
  let x = b.conv('conv1', b.input, { out: 8, k: 3, p: 1 });
  x = b.relu('relu', x);
  x = b.conv('conv2', x, { out: 8, k: 3, p: 1 });
  x = b.flatten('flatten', x);
  x = b.linear('fc', x, 10);
  b.output(x);
  return b.build();
}

const twoDevices = (): Platform => ({
  id: 'two',
  name: 'Two devices',
  description: 'fixture',
  line: 'test',
  processors: [proc('d0', { memBandwidthGBs: Infinity }), proc('d1', { memBandwidthGBs: Infinity })],
  links: [link({ bandwidthGBs: 1, latencyUs: 0, energyPjPerByte: 100 })],
  sources: [],
});

describe('lcp branch-parallel', () => {
  it('narrows each layer: first conv / B, conv between narrowed tensors / B², others / B', () => {
    const net = tinyCnn();
    const [conv1, relu, conv2] = net.layers;
    expect(conv1!.macs).toBe(8 * 8 * 8 * 3 * 9);
    expect(branchLayer(net, conv1!, 2).macs).toBe(6912);
    expect(branchLayer(net, conv2!, 2).macs).toBe((8 * 8 * 8 * 8 * 9) / 4);
    expect(branchLayer(net, conv2!, 2).weightBytes).toBeCloseTo(conv2!.weightBytes / 4, 9);
    expect(branchLayer(net, relu!, 2).ops).toBe(relu!.ops / 2);
    expect(branchLayer(net, relu!, 2).bytesWritten).toBe(relu!.bytesWritten / 2);
    // The image is not narrowed: conv1 still reads all of it.
    expect(branchLayer(net, conv1!, 2).bytesRead - branchLayer(net, conv1!, 2).weightBytes).toBe(3 * 64 * 4);
    expect(mergePosition(net)).toBe(4);
  });

  it('period, latency and energy follow the hand-computed formulas', () => {
    const net = tinyCnn();
    const t = buildCostTables(net, twoDevices());
    const r = branchParallel(t, ['d0', 'd1']);
    const l = net.layers;
    // 1 GMAC/s, no overhead, unbounded memory bandwidth: ms = work / 1e6.
    const work = (i: number, macsScale: number) => l[i]!.macs * macsScale + l[i]!.ops / 2;
    const branchMs = (work(0, 1 / 2) + work(1, 1) + work(2, 1 / 4) + work(3, 1)) / 1e6;
    const tailMs = (l[4]!.macs + l[4]!.ops) / 1e6;
    expect(r.branchMs).toBeCloseTo(branchMs, 12);
    expect(r.tailMs).toBeCloseTo(tailMs, 12);
    expect(r.scatterMs).toBeCloseTo((3 * 64 * 4) / 1e6, 12); // 768 B at 1 GB/s
    expect(r.gatherMs).toBeCloseTo((512 * 4) / 2 / 1e6, 12); // half of the 2048 B merge tensor
    const period = Math.max(branchMs + tailMs, branchMs, r.scatterMs, r.gatherMs);
    expect(r.periodMs).toBeCloseTo(period, 12);
    expect(r.fps).toBeCloseTo(1000 / period, 6);
    expect(r.latencyMs).toBeCloseTo(r.scatterMs + branchMs + r.gatherMs + tailMs, 12);
    const energy = 2 * 0.5 * period + 1.5 * (branchMs + tailMs) + 1.5 * branchMs + ((768 + 1024) * 100) / 1e9;
    expect(r.energyPerFrameMj).toBeCloseTo(energy, 12);
    expect(r.valid).toBe(true);
  });

  it('is invalid when a device cannot run its branch', () => {
    const p = twoDevices();
    const t = buildCostTables(tinyCnn(), {
      ...p,
      processors: [p.processors[0]!, { ...p.processors[1]!, supports: ['gemm'] }],
    });
    const r = branchParallel(t, ['d0', 'd1']);
    expect(r.valid).toBe(false);
    expect(r.fps).toBe(0);
  });

  it('with one branch it is the original model on one device', () => {
    for (const id of ['alexnet', 'resnet18', 'mobilenet_v2']) {
      const t = buildCostTables(zooNetwork(id), platformById('rpi4x4'));
      const r = branchParallel(t, ['pi0']);
      expect(r.macsFraction).toBeCloseTo(1, 12);
      expect(r.periodMs).toBeCloseTo(t.singleProcessorMs[0]!, 9);
      expect(r.scatterMs + r.gatherMs).toBe(0);
    }
  });
});
