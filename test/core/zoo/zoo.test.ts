import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { Network } from '../../../src/core/model/types';
import { ZOO } from '../../../src/core/zoo';

/** One leaf-module call recorded by scripts/torch_reference.py. */
interface RefLayer {
  name: string;
  type: string;
  outputShape: number[];
  params: number;
  macs: number;
}

interface RefNetwork {
  totals: { params: number; convFcMacs: number; inputShape: number[] };
  layers: RefLayer[];
}

interface Reference {
  networks: Record<string, RefNetwork>;
}

// Regenerate with: /usr/bin/python3 scripts/torch_reference.py > test/fixtures/zoo-reference.json
const reference = JSON.parse(
  readFileSync(new URL('../../fixtures/zoo-reference.json', import.meta.url), 'utf8'),
) as Reference;

/**
 * Pinned torchvision totals (torch 1.13 / torchvision 0.14), written out so that a
 * wrong or regenerated reference file cannot silently pass. `layers` is the TS layer
 * count: torchvision's leaf calls without Dropout, plus the functional ops the zoo adds
 * as layers, in this order in the sums below:
 * - AlexNet, VGG: flatten. ResNet: one add per block, flatten. SqueezeNet: one cat per Fire, flatten.
 * - DenseNet-121: 58 cats (the concat feeding each dense layer after the first of its block,
 *   plus each block's output concat), then the final F.relu, adaptive pool and flatten.
 * - MobileNet v1: none (the script defines flatten as a module). v2: 10 residual adds, pool, flatten.
 * - GoogLeNet: 57 F.relu in BasicConv2d, 9 inception concats, flatten.
 * - Inception v3: 94 F.relu, 11 functional pools (9 avg in A/C/E, 2 max in B/D), 15 concats, flatten.
 */
const EXPECTED: Record<string, { params: number; macs: number; layers: number }> = {
  alexnet: { params: 61_100_840, macs: 714_188_480, layers: 19 + 1 },
  vgg16: { params: 138_357_544, macs: 15_470_264_320, layers: 37 + 1 },
  vgg19: { params: 143_667_240, macs: 19_632_062_464, layers: 43 + 1 },
  resnet18: { params: 11_689_512, macs: 1_814_073_344, layers: 60 + 8 + 1 },
  resnet50: { params: 25_557_032, macs: 4_089_184_256, layers: 158 + 16 + 1 },
  resnet152: { params: 60_192_808, macs: 11_513_626_624, layers: 464 + 50 + 1 },
  densenet121: { params: 7_978_856, macs: 2_834_161_664, layers: 366 + 58 + 3 },
  mobilenet_v1: { params: 4_231_976, macs: 568_740_352, layers: 84 },
  mobilenet_v2: { params: 3_504_872, macs: 300_774_272, layers: 140 + 10 + 2 },
  squeezenet1_1: { params: 1_235_496, macs: 349_151_936, layers: 56 + 8 + 1 },
  googlenet: { params: 6_624_904, macs: 1_498_376_192, layers: 129 + 57 + 9 + 1 },
  inception_v3: { params: 23_834_568, macs: 5_713_216_096, layers: 192 + 94 + 11 + 15 + 1 },
};
const IDS = Object.keys(EXPECTED);

/** Builds a zoo network, failing with a clear message when it is not registered. */
function build(id: string): Network {
  const entry = ZOO.find((e) => e.id === id);
  if (!entry) throw new Error(`zoo network "${id}" is not registered in ZOO`);
  return entry.build();
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('zoo reference file', () => {
  it('covers exactly the pinned networks, with the pinned totals', () => {
    expect(Object.keys(reference.networks).sort()).toEqual([...IDS].sort());
    for (const id of IDS) {
      const t = reference.networks[id]!.totals;
      expect({ id, params: t.params, macs: t.convFcMacs }).toEqual({
        id,
        params: EXPECTED[id]!.params,
        macs: EXPECTED[id]!.macs,
      });
    }
  });

  it('lists every zoo network', () => {
    expect(ZOO.map((e) => e.id).sort()).toEqual([...IDS].sort());
  });
});

// Every id runs, finished or not: an unfinished network fails loudly instead of being skipped.
describe.each(IDS)('zoo network %s', (id) => {
  const ref = reference.networks[id]!;
  const want = EXPECTED[id]!;

  it('has torchvision total params exactly and conv+fc MACs within 1%', () => {
    const net = build(id);
    const params = sum(net.layers.map((l) => l.params));
    const macs = sum(net.layers.map((l) => l.macs));
    expect(params).toBe(want.params);
    expect(params).toBe(ref.totals.params);
    expect(Math.abs(macs - want.macs) / want.macs).toBeLessThan(0.01);
    expect(Math.abs(macs - ref.totals.convFcMacs) / ref.totals.convFcMacs).toBeLessThan(0.01);
    expect(net.inputShape).toEqual(ref.totals.inputShape);
  });

  it('matches every torchvision leaf layer (except Dropout) by name, shape and params', () => {
    const net = build(id);
    const byName = new Map(net.layers.map((l) => [l.name, l]));
    // Collect all differences so one run reports every broken layer at once.
    const problems: string[] = [];
    for (const r of ref.layers) {
      if (r.type === 'Dropout') continue;
      const l = byName.get(r.name);
      if (!l) {
        problems.push(`${r.name} (${r.type}): missing`);
        continue;
      }
      const shape = net.tensors[l.outputs[0]!]!.shape;
      if (shape.join() !== r.outputShape.join()) {
        problems.push(`${r.name}: shape [${shape.join(', ')}], torchvision [${r.outputShape.join(', ')}]`);
      }
      if (l.params !== r.params) problems.push(`${r.name}: params ${l.params}, torchvision ${r.params}`);
    }
    expect(problems).toEqual([]);
  });

  it('has unique layer names and the expected layer count', () => {
    const net = build(id);
    const names = net.layers.map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBe(want.layers);
  });

  it('ends in 1000 class scores', () => {
    const net = build(id);
    expect(net.outputs.map((t) => net.tensors[t]!.shape)).toEqual([[1, 1000]]);
  });
});
