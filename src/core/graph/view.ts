import { formatCount } from '../format';
import type { Network } from '../model/types';
import { blockTree } from './blocks';

export type GraphNodeKind = 'input' | 'layer' | 'block' | 'output';

/** One visible node: a layer, a collapsed block, or the network's input or output. */
export interface GraphNode {
  /** Stable id: `layer:<name>`, `block:<path>`, `input` or `output`. */
  readonly id: string;
  readonly kind: GraphNodeKind;
  /** Short name, relative to the enclosing block (`conv1` inside `layer1.0`). */
  readonly label: string;
  /** Full name (`layer1.0.conv1`, `features.denseblock2`). */
  readonly title: string;
  /** Second line: op and output shape, or the block's layer count and MACs. */
  readonly detail: string;
  /** Layer positions [from, to) covered; the input sits at -1, the output at n. */
  readonly from: number;
  readonly to: number;
  /** Layers summarised (1 for a layer, 0 for input and output). */
  readonly count: number;
  readonly params: number;
  readonly macs: number;
  /** Layer position for a layer node, else -1. */
  readonly layer: number;
  /** Block path for a block node, else ''. */
  readonly block: string;
  /** Op type (`Conv`) for a layer node, 'block', 'input' or 'output'. */
  readonly op: string;
  /** Output shape without the batch dimension. */
  readonly shape: readonly number[];
}

/** Tensors flowing from one visible node to another (all tensors between the two, deduplicated). */
export interface GraphEdge {
  /** Node indices into `GraphView.nodes`. */
  readonly source: number;
  readonly target: number;
  /** Tensor ids carried. */
  readonly tensors: readonly number[];
  /** Per carried tensor: its producer's position (-1 for a network input). */
  readonly producers: readonly number[];
  /** Per carried tensor: the last position inside the target that reads it (n for the network output). */
  readonly lastReads: readonly number[];
  /** Bytes of all carried tensors. */
  readonly bytes: number;
}

/** The network as shown: layers inside collapsed blocks are summarised by their block. */
export interface GraphView {
  readonly networkId: string;
  /** Layer count of the network. */
  readonly layers: number;
  /** Nodes ordered by first position: input first, output last (a topological order when blocks are contiguous). */
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Node index showing each layer position. */
  readonly nodeOfLayer: Int32Array;
}

const dims = (shape: readonly number[]): readonly number[] => (shape.length > 1 ? shape.slice(1) : shape);
const shapeText = (shape: readonly number[]): string => shape.join('×');
/**
 * A name relative to its enclosing block (for labels); a bare index (`0` for `layer1.0`)
 * keeps the parent's last segment, since `layer1.0` tells a reader more than `0`. O(name length).
 * @example relativeName('features.denseblock1', 'features') === 'denseblock1'
 * @example relativeName('layer1.0', 'layer1') === 'layer1.0'
 */
export const relativeName = (name: string, parent: string): string => {
  if (!parent || !name.startsWith(`${parent}.`)) return name;
  const rest = name.slice(parent.length + 1);
  return /^\d+$/.test(rest) ? `${parent.slice(parent.lastIndexOf('.') + 1)}.${rest}` : rest;
};

/**
 * The collapsed view of a network: every layer whose block path is fully
 * expanded is a node; other layers are summarised by their outermost collapsed
 * block (name, layer range, count, params, MACs). Edges between visible nodes
 * are deduplicated and carry their tensors with producer and last-reader
 * positions, so whether a cut crosses an edge can be decided exactly.
 * O(n x depth + tensor reads).
 * @example collapsedView(densenet121, new Set(['features'])).nodes.length // 18
 */
export function collapsedView(network: Network, expanded: ReadonlySet<string>): GraphView {
  const n = network.layers.length;
  const tree = blockTree(network);
  const nodes: GraphNode[] = [];
  const nodeOfLayer = new Int32Array(n);
  const blockNode = new Map<string, number>();
  const outShape = (t: number | undefined) => dims(t === undefined ? [] : (network.tensors[t]?.shape ?? []));

  const inputShape = outShape(network.inputs[0]);
  nodes.push({
    id: 'input',
    kind: 'input',
    label: 'input',
    title: 'network input',
    detail: shapeText(inputShape),
    from: -1,
    to: 0,
    count: 0,
    params: 0,
    macs: 0,
    layer: -1,
    block: '',
    op: 'input',
    shape: inputShape,
  });
  for (const layer of network.layers) {
    const closed = layer.block.find((p) => !expanded.has(p));
    if (closed === undefined) {
      const shape = outShape(layer.outputs[0]);
      nodeOfLayer[layer.index] = nodes.length;
      nodes.push({
        id: `layer:${layer.name}`,
        kind: 'layer',
        label: relativeName(layer.name, layer.block[layer.block.length - 1] ?? ''),
        title: layer.name,
        detail: `${layer.op} ${shapeText(shape)}`,
        from: layer.index,
        to: layer.index + 1,
        count: 1,
        params: layer.params,
        macs: layer.macs,
        layer: layer.index,
        block: '',
        op: layer.op,
        shape,
      });
      continue;
    }
    let k = blockNode.get(closed);
    if (k === undefined) {
      const b = tree.get(closed)!;
      k = nodes.length;
      blockNode.set(closed, k);
      nodes.push({
        id: `block:${closed}`,
        kind: 'block',
        label: relativeName(closed, b.parent),
        title: closed,
        detail: `${b.count} layers · ${formatCount(b.macs)}MAC`,
        from: b.from,
        to: b.to,
        count: b.count,
        params: b.params,
        macs: b.macs,
        layer: -1,
        block: closed,
        op: 'block',
        shape: [],
      });
    }
    nodeOfLayer[layer.index] = k;
  }
  // A block's output shape is that of its last layer.
  for (const [, k] of blockNode) {
    const node = nodes[k]!;
    nodes[k] = { ...node, shape: outShape(network.layers[node.to - 1]?.outputs[0]) };
  }
  const outputShape = outShape(network.outputs[0]);
  const outputNode = nodes.length;
  nodes.push({
    id: 'output',
    kind: 'output',
    label: 'output',
    title: 'network output',
    detail: shapeText(outputShape),
    from: n,
    to: n + 1,
    count: 0,
    params: 0,
    macs: 0,
    layer: -1,
    block: '',
    op: 'output',
    shape: outputShape,
  });

  return { networkId: network.id, layers: n, nodes, edges: buildEdges(network, nodeOfLayer, outputNode), nodeOfLayer };
}

interface EdgeDraft {
  source: number;
  target: number;
  tensors: number[];
  producers: number[];
  lastReads: number[];
  bytes: number;
}

/** Deduplicated edges between visible nodes; a tensor appears once per edge with its last reader there. */
function buildEdges(network: Network, nodeOfLayer: Int32Array, outputNode: number): GraphEdge[] {
  const edges: EdgeDraft[] = [];
  const byPair = new Map<number, number>();
  const slotOfTensor = new Map<number, number>(); // (edge, tensor) -> slot in the edge's arrays
  const stride = outputNode + 1;
  const add = (t: number, consumerPos: number, target: number) => {
    const p = network.producer[t]!;
    const source = p < 0 ? 0 : nodeOfLayer[p]!;
    if (source === target) return;
    const pair = source * stride + target;
    let e = byPair.get(pair);
    if (e === undefined) {
      e = edges.length;
      byPair.set(pair, e);
      edges.push({ source, target, tensors: [], producers: [], lastReads: [], bytes: 0 });
    }
    const edge = edges[e]!;
    const key = e * network.tensors.length + t;
    const slot = slotOfTensor.get(key);
    if (slot === undefined) {
      slotOfTensor.set(key, edge.tensors.length);
      edge.tensors.push(t);
      edge.producers.push(p);
      edge.lastReads.push(consumerPos);
      edge.bytes += network.tensors[t]!.bytes;
    } else {
      edge.lastReads[slot] = Math.max(edge.lastReads[slot]!, consumerPos);
    }
  };
  for (const layer of network.layers) {
    for (const t of layer.inputs) add(t, layer.index, nodeOfLayer[layer.index]!);
  }
  for (const t of network.outputs) add(t, network.layers.length, outputNode);
  return edges.sort((a, b) => a.source - b.source || a.target - b.target);
}
