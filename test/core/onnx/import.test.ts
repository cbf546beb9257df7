import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExplorerError } from '../../../src/core/errors';
import type { Network } from '../../../src/core/model/types';
import { importOnnxBytes } from '../../../src/core/onnx';
import { parseOnnxModel } from '../../../src/core/onnx/proto';
import { zooNetwork } from '../../../src/core/zoo';

/** Fixtures exported by scripts/make_onnx_fixtures.py: weights stripped to external data that is not committed. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/onnx/${name}.onnx`, import.meta.url)));
}

const sum = (net: Network, key: 'params' | 'macs'): number => net.layers.reduce((a, l) => a + l[key], 0);

/** Everything a cost table or the UI reads from a layer, as one comparable string. */
function signature(net: Network, i: number): string {
  const l = net.layers[i]!;
  const shape = net.tensors[l.outputs[0]!]!.shape;
  return [
    l.op,
    l.opClass,
    shape.join('x'),
    l.params,
    l.macs,
    l.ops,
    l.bytesRead,
    l.bytesWritten,
    l.weightBytes,
    l.block.join('/'),
  ].join(' | ');
}

describe.each([
  ['resnet50', 25_557_032, 4_089_184_256],
  ['mobilenet_v2', 3_504_872, 300_774_272],
  ['googlenet', 6_624_904, 1_498_376_192],
])('importOnnxBytes(%s torch export)', (id, params, macs) => {
  const result = importOnnxBytes(fixture(id));
  const net = result.network;
  const zoo = zooNetwork(id);

  it('has torchvision params and MACs exactly (BatchNorm kept, weight aliases counted once per use)', () => {
    expect(sum(net, 'params')).toBe(params);
    expect(sum(net, 'macs')).toBe(macs);
  });

  it('matches the zoo layer by layer: names, ops, shapes, counts, bytes and blocks', () => {
    expect(net.layers.length).toBe(zoo.layers.length);
    const byName = new Map(net.layers.map((l) => [l.name, l.index]));
    const problems: string[] = [];
    zoo.layers.forEach((l, i) => {
      const j = byName.get(l.name);
      if (j === undefined) problems.push(`${l.name}: missing`);
      else if (signature(net, j) !== signature(zoo, i)) {
        problems.push(`${l.name}: ${signature(net, j)} vs zoo ${signature(zoo, i)}`);
      }
    });
    expect(problems).toEqual([]);
  });

  it('imports from the .onnx alone (weights are external data) and reports the symbolic batch', () => {
    const model = parseOnnxModel(fixture(id));
    expect(model.graph.initializers.every((t) => t.external)).toBe(true);
    expect(result.symbolicDims).toEqual([{ name: 'batch', value: 1, defaulted: true }]);
    expect(result.warnings).toEqual([]);
    expect(net.inputShape).toEqual([1, 3, 224, 224]);
    expect(net.outputs.map((t) => net.tensors[t]!.shape)).toEqual([[1, 1000]]);
  });
});

describe('importOnnxBytes(tiny)', () => {
  it('counts a hand-checked network: conv 216 + BN 16 + conv 584 + fc 90 params', () => {
    const { network } = importOnnxBytes(fixture('tiny'));
    expect(network.layers.map((l) => l.name)).toEqual([
      'conv1',
      'bn1',
      'relu',
      'conv2',
      'add',
      'pool',
      'avgpool',
      'flatten',
      'fc',
    ]);
    expect(network.layers.map((l) => l.params)).toEqual([216, 16, 0, 584, 0, 0, 0, 0, 90]);
    // conv1: 8x32x32 outputs x 27; conv2: 8x32x32 x 72; fc: 80.
    expect(sum(network, 'macs')).toBe(8 * 1024 * 27 + 8 * 1024 * 72 + 80);
    expect(network.layers[1]!.weightBytes).toBe(4 * 8 * 4);
  });

  it('scales with a given batch and records it as not defaulted', () => {
    const one = importOnnxBytes(fixture('tiny')).network;
    const four = importOnnxBytes(fixture('tiny'), { dims: { batch: 4 } });
    expect(four.network.inputShape).toEqual([4, 3, 32, 32]);
    expect(sum(four.network, 'macs')).toBe(4 * sum(one, 'macs'));
    expect(four.symbolicDims).toEqual([{ name: 'batch', value: 4, defaulted: false }]);
  });

  it('keeps the ONNX node name on each layer for profile matching', () => {
    const { network } = importOnnxBytes(fixture('tiny'));
    expect(network.layers[0]!.attrs.onnxNode).toBe('/conv1/Conv');
  });

  it('reports progress from 0 to 1, never decreasing', () => {
    const seen: number[] = [];
    importOnnxBytes(fixture('resnet50'), {}, (f) => seen.push(f));
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
  });

  it('a BatchNorm-folded export (the default EVAL mode) counts what remains: conv bias instead of BN', () => {
    const { network } = importOnnxBytes(fixture('tiny_folded'));
    expect(network.layers.map((l) => l.name)).toEqual([
      'conv1',
      'relu',
      'conv2',
      'add',
      'pool',
      'avgpool',
      'flatten',
      'fc',
    ]);
    // torchvision counts 216 + 16 (BN); folding merges BN into the conv: 216 + 8 bias.
    expect(network.layers.map((l) => l.params)).toEqual([224, 0, 584, 0, 0, 0, 0, 90]);
    expect(sum(network, 'macs')).toBe(sum(importOnnxBytes(fixture('tiny')).network, 'macs'));
  });

  it('rejects a negative batch value', () => {
    expect(() => importOnnxBytes(fixture('tiny'), { dims: { batch: -2 } })).toThrow(ExplorerError);
  });
});
