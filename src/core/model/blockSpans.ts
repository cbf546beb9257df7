import type { Network } from './types';

/** A run of consecutive positions sharing one block at a given depth. */
export interface BlockSpan {
  readonly name: string;
  /** First position. */
  readonly from: number;
  /** One past the last position. */
  readonly to: number;
}

/**
 * Maximal runs of consecutive layers whose block path has the same entry at
 * `depth` (layers without one break runs). For labelling the strip
 * (`layer1`, `features.denseblock2`) and snapping. O(n).
 * @example blockSpans(zooNetwork('resnet50'), 0).map((b) => b.name) // ['layer1', 'layer2', 'layer3', 'layer4']
 */
export function blockSpans(network: Network, depth = 0): BlockSpan[] {
  const spans: BlockSpan[] = [];
  let current: string | undefined;
  let from = 0;
  const layers = network.layers;
  for (let i = 0; i <= layers.length; i++) {
    const name = i < layers.length ? layers[i]!.block[depth] : undefined;
    if (name !== current) {
      if (current !== undefined) spans.push({ name: current, from, to: i });
      current = name;
      from = i;
    }
  }
  return spans;
}
