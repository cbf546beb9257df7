import type { Network } from '../model/types';

/** A block of the network's hierarchy (a ResNet bottleneck, a dense block, an inception module...). */
export interface BlockInfo {
  /** Dotted path, unique in the network (`layer3.4`). */
  readonly path: string;
  /** Enclosing block's path, or '' at top level. */
  readonly parent: string;
  /** Nesting depth: 0 for top-level blocks. */
  readonly depth: number;
  /** First layer position in the block. */
  readonly from: number;
  /** One past the last layer position in the block. */
  readonly to: number;
  /** Layers in the block (equals to - from when the block is contiguous). */
  readonly count: number;
  /** Learned parameters of all its layers. */
  readonly params: number;
  /** Multiply-accumulates of all its layers. */
  readonly macs: number;
}

type MutableBlock = { -readonly [K in keyof BlockInfo]: BlockInfo[K] };

/**
 * Every block path of a network with its layer range and totals, outermost
 * first (by depth, then by first layer). O(n x depth).
 * @example blockTree(resnet50).get('layer1.0') // { from: 4, to: 14, count: 10, ... }
 */
export function blockTree(network: Network): ReadonlyMap<string, BlockInfo> {
  const blocks = new Map<string, MutableBlock>();
  for (const layer of network.layers) {
    layer.block.forEach((path, depth) => {
      let b = blocks.get(path);
      if (!b) {
        b = {
          path,
          parent: depth === 0 ? '' : layer.block[depth - 1]!,
          depth,
          from: layer.index,
          to: layer.index + 1,
          count: 0,
          params: 0,
          macs: 0,
        };
        blocks.set(path, b);
      }
      b.from = Math.min(b.from, layer.index);
      b.to = Math.max(b.to, layer.index + 1);
      b.count++;
      b.params += layer.params;
      b.macs += layer.macs;
    });
  }
  const sorted = [...blocks.values()].sort((a, b) => a.depth - b.depth || a.from - b.from);
  return new Map(sorted.map((b) => [b.path, b]));
}
