import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  descriptorFeatures,
  fitLinear,
  fitPipeItModels,
  layerDescriptor,
  predictLayerTimes,
  predictLinear,
} from '../../../src/core/strategies/pipeitModel';
import { zooNetwork } from '../../../src/core/zoo';

/** A seeded generator (mulberry32) so the synthetic noise is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Pipe-it layer-descriptor model', () => {
  it('describes a conv layer by input size, channels, kernel, stride and filters', () => {
    const net = zooNetwork('alexnet');
    const d = layerDescriptor(net, net.layers[0]!)!;
    expect(d).toMatchObject({ inH: 224, inW: 224, inChannels: 3, kernel: 11, stride: 4, filters: 64, outH: 55 });
    // MAC feature equals the network's own MAC count for the layer.
    expect(descriptorFeatures(d)[1]).toBe(net.layers[0]!.macs);
    expect(layerDescriptor(net, net.layers[1]!)).toBeUndefined(); // ReLU
  });

  it('recovers an exact linear model', () => {
    const rows = [
      [1, 1, 0],
      [1, 2, 1],
      [1, 3, 5],
      [1, 4, 2],
    ];
    const y = rows.map((r) => 0.5 + 2 * r[1]! - 0.25 * r[2]!);
    const m = fitLinear(rows, y);
    expect(predictLinear(m, [1, 10, 10])).toBeCloseTo(0.5 + 20 - 2.5, 6);
    expect(m.rmseMs).toBeLessThan(1e-6);
  });

  it('recovers a known model from noisy synthetic samples (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 1e9 }),
        (beta, seed) => {
          const rand = rng(seed);
          const truth = (x: number[]) => beta[0]! + beta[1]! * x[1]! + beta[2]! * x[2]!;
          const rows = Array.from({ length: 60 }, () => [1, rand() * 100, rand() * 50]);
          // 1% multiplicative noise.
          const y = rows.map((r) => truth(r) * (1 + 0.01 * (rand() * 2 - 1)));
          const m = fitLinear(rows, y);
          const probe = [1, 70, 20];
          expect(Math.abs(predictLinear(m, probe) - truth(probe)) / truth(probe)).toBeLessThan(0.02);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('fits per configuration and predicts unprofiled conv layers of MobileNet v1', () => {
    const net = zooNetwork('mobilenet_v1');
    const rand = rng(7);
    // Synthetic "measurements": 30 us + 1 ns per MAC + 2 ns per output element, 2% noise.
    const truth = (name: string) => {
      const d = layerDescriptor(
        net,
        net.layers.find((l) => l.name === name)!,
      )!;
      const f = descriptorFeatures(d);
      return 0.03 + 1e-6 * f[1]! + 2e-6 * f[3]!;
    };
    const convs = net.layers.filter((l) => layerDescriptor(net, l)).map((l) => l.name);
    // MobileNet alternates depthwise and pointwise convs: profile two of every three so both kinds
    // are in the training set (depthwise alone has MACs = 9 x output elements, collinear).
    const profiled = convs.filter((_, i) => i % 3 !== 0);
    const layerMs = Object.fromEntries(profiled.map((n) => [n, truth(n) * (1 + 0.02 * (rand() * 2 - 1))]));
    const profile = { processor: 'big', units: 2, layerMs };
    const [model] = fitPipeItModels(net, [profile]);
    expect(model!.model.samples).toBe(profiled.length);
    const { layerMs: all, predicted } = predictLayerTimes(net, profile, model!);
    expect(predicted).toEqual(convs.filter((_, i) => i % 3 === 0));
    for (const name of predicted) expect(Math.abs(all[name]! - truth(name)) / truth(name)).toBeLessThan(0.1);
    for (const name of profiled) expect(all[name]).toBe(layerMs[name]);
  });
});
