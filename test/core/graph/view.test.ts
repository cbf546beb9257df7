import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockTree } from '../../../src/core/graph/blocks';
import {
  DEFAULT_VISIBLE_NODES,
  defaultExpansion,
  EXPAND_ALL_MAX_LAYERS,
  expansionKey,
  visibleCount,
} from '../../../src/core/graph/expansion';
import { collapsedView, relativeName } from '../../../src/core/graph/view';
import { buildNetwork } from '../../../src/core/model/build';
import { ZOO, zooNetwork } from '../../../src/core/zoo';
import { layer, residual, vectors } from '../../fixtures/networks';

/** Two residual blocks `b1`, `b2` (conv, conv, add each) between a stem and a head. */
function twoBlocks() {
  return buildNetwork({
    id: 'two-blocks',
    name: 'Two blocks',
    dtype: 'float32',
    tensors: vectors(8, 8, 8, 8, 8, 8, 8, 8, 8),
    layers: [
      layer('stem', [0], 1, { macs: 10, params: 1 }),
      layer('b1.conv1', [1], 2, { macs: 20, params: 2 }),
      layer('b1.conv2', [2], 3, { macs: 30, params: 3 }),
      layer('b1.add', [1, 3], 4, {}, 'elementwise'),
      layer('b2.conv1', [4], 5, { macs: 40, params: 4 }),
      layer('b2.conv2', [5], 6, { macs: 50, params: 5 }),
      layer('b2.add', [4, 6], 7, {}, 'elementwise'),
      layer('head', [7], 8, { macs: 60, params: 6 }),
    ],
    inputs: [0],
    outputs: [8],
  });
}

describe('blockTree', () => {
  it('sums each block and records its range and parent', () => {
    const tree = blockTree(twoBlocks());
    expect(tree.get('b1')).toEqual({ path: 'b1', parent: '', depth: 0, from: 1, to: 4, count: 3, params: 5, macs: 50 });
    expect(tree.get('b2')).toMatchObject({ from: 4, to: 7, macs: 90 });
    const r152 = blockTree(zooNetwork('resnet152'));
    expect(r152.get('layer3.35')).toMatchObject({ parent: 'layer3', depth: 1 });
  });
});

describe('collapsedView', () => {
  it('shows every layer, plus input and output, when all blocks are expanded', () => {
    const net = twoBlocks();
    const view = collapsedView(net, new Set(['b1', 'b2']));
    expect(view.nodes.map((n) => n.id)).toEqual([
      'input',
      'layer:stem',
      'layer:b1.conv1',
      'layer:b1.conv2',
      'layer:b1.add',
      'layer:b2.conv1',
      'layer:b2.conv2',
      'layer:b2.add',
      'layer:head',
      'output',
    ]);
    // Labels are relative to the enclosing block.
    expect(view.nodes[2]!.label).toBe('conv1');
    // One edge per tensor read: 7 chain edges + 2 skips + input + output.
    expect(view.edges).toHaveLength(11);
  });

  it('summarises a collapsed block and keeps only edges between visible nodes', () => {
    const view = collapsedView(twoBlocks(), new Set(['b2']));
    const b1 = view.nodes.find((n) => n.id === 'block:b1')!;
    expect(b1).toMatchObject({ kind: 'block', from: 1, to: 4, count: 3, params: 5, macs: 50, label: 'b1' });
    expect(b1.detail).toBe('3 layers · 50MAC');
    const k = view.nodes.indexOf(b1);
    expect([...view.nodeOfLayer.slice(1, 4)]).toEqual([k, k, k]);
    // stem -> b1 carries tensor 1 once, last read inside b1 by the add (position 3), not by conv1.
    const stemToB1 = view.edges.find((e) => view.nodes[e.source]!.id === 'layer:stem' && e.target === k)!;
    expect(stemToB1.tensors).toEqual([1]);
    expect(stemToB1.producers).toEqual([0]);
    expect(stemToB1.lastReads).toEqual([3]);
    // b1's output feeds b2.conv1 and b2.add: two edges, each with tensor 4.
    const fromB1 = view.edges.filter((e) => e.source === k);
    expect(fromB1.map((e) => view.nodes[e.target]!.id).sort()).toEqual(['layer:b2.add', 'layer:b2.conv1']);
    // No self edges: internal tensors of b1 disappear.
    expect(view.edges.every((e) => e.source !== e.target)).toBe(true);
  });

  it('dedupes edges between two collapsed blocks', () => {
    const view = collapsedView(twoBlocks(), new Set());
    const ids = view.nodes.map((n) => n.id);
    expect(ids).toEqual(['input', 'layer:stem', 'block:b1', 'block:b2', 'layer:head', 'output']);
    const b1b2 = view.edges.filter((e) => e.source === 2 && e.target === 3);
    expect(b1b2).toHaveLength(1);
    expect(b1b2[0]!.lastReads).toEqual([6]); // read by b2.conv1 (4) and b2.add (6): the last counts
  });

  it('maps every layer to exactly one node, for any expansion of the zoo networks', () => {
    const ids = ZOO.map((e) => e.id);
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.double({ min: 0, max: 1, noNaN: true }), (id, p) => {
        const net = zooNetwork(id);
        const paths = [...blockTree(net).keys()];
        const expanded = new Set(paths.filter((_, i) => (i * 7919) % 100 < p * 100));
        const view = collapsedView(net, expanded);
        const covered = view.nodes.reduce((s, n) => s + n.count, 0);
        expect(covered).toBe(net.layers.length);
        expect(view.nodes.length).toBe(visibleCount(net, expanded) + 2);
        for (const l of net.layers) {
          const node = view.nodes[view.nodeOfLayer[l.index]!]!;
          expect(node.from <= l.index && l.index < node.to).toBe(true);
        }
        // Edges carry each (producer, consumer node) tensor once and go forward when blocks are contiguous.
        for (const e of view.edges) {
          expect(new Set(e.tensors).size).toBe(e.tensors.length);
          e.producers.forEach((a, i) => expect(a).toBeLessThan(e.lastReads[i]!));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('relativeName', () => {
  it('drops the enclosing block but keeps context for a bare index', () => {
    expect(relativeName('features.denseblock1', 'features')).toBe('denseblock1');
    expect(relativeName('layer1.0', 'layer1')).toBe('layer1.0');
    expect(relativeName('features.1.conv.0', 'features.1.conv')).toBe('conv.0');
    expect(relativeName('conv1', '')).toBe('conv1');
  });
});

describe('defaultExpansion', () => {
  it('expands small networks fully', () => {
    const net = zooNetwork('resnet18');
    expect(net.layers.length).toBeLessThanOrEqual(EXPAND_ALL_MAX_LAYERS);
    expect(visibleCount(net, defaultExpansion(net))).toBe(net.layers.length);
  });

  it('opens DenseNet-121 with its dense blocks and transitions collapsed', () => {
    const net = zooNetwork('densenet121');
    const expanded = defaultExpansion(net);
    expect([...expanded]).toEqual(['features']);
    const view = collapsedView(net, expanded);
    const blocks = view.nodes.filter((n) => n.kind === 'block').map((n) => n.label);
    expect(blocks).toEqual([
      'denseblock1',
      'transition1',
      'denseblock2',
      'transition2',
      'denseblock3',
      'transition3',
      'denseblock4',
    ]);
    expect(view.nodes.find((n) => n.label === 'denseblock3')!.count).toBe(24 * 7 - 1 + 1);
  });

  it('opens ResNet-50 and Inception v3 within the node budget, one level at a time', () => {
    for (const id of ['resnet50', 'resnet152', 'inception_v3', 'googlenet', 'mobilenet_v2']) {
      const net = zooNetwork(id);
      const expanded = defaultExpansion(net);
      expect(visibleCount(net, expanded)).toBeLessThanOrEqual(DEFAULT_VISIBLE_NODES);
      // Whole levels: a block is expanded only if its parent is.
      const tree = blockTree(net);
      for (const p of expanded) {
        const parent = tree.get(p)!.parent;
        expect(parent === '' || expanded.has(parent)).toBe(true);
      }
    }
    const r50 = collapsedView(zooNetwork('resnet50'), defaultExpansion(zooNetwork('resnet50')));
    expect(r50.nodes.filter((n) => n.kind === 'block')).toHaveLength(16); // 3 + 4 + 6 + 3 bottlenecks
  });

  it('gives one key per set, whatever the insertion order', () => {
    expect(expansionKey(new Set(['b', 'a']))).toBe(expansionKey(new Set(['a', 'b'])));
    expect(expansionKey(new Set(['a']))).not.toBe(expansionKey(new Set(['a', 'b'])));
  });

  it('works on a network without blocks', () => {
    const view = collapsedView(residual(), defaultExpansion(residual()));
    expect(view.nodes).toHaveLength(7);
  });
});
