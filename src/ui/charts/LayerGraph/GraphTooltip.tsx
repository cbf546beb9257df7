import { formatBytes, formatCount, formatMs } from '../../../core/format';
import type { GraphEdge, GraphNode } from '../../../core/graph/view';
import type { Network } from '../../../core/model/types';

/** What the pointer is over, resolved to display text by the graph (times come from the store). */
export type TooltipTarget =
  { kind: 'node'; node: GraphNode; ms: number; where: string } | { kind: 'edge'; edge: GraphEdge; cutHint: string };

interface Props {
  readonly target: TooltipTarget;
  readonly network: Network;
  readonly x: number;
  readonly y: number;
}

const shape = (s: readonly number[]) => (s.length ? s.join('×') : '—');

/** The graph's hover card: op, output shape, params, MACs and time on its processor; or what an edge carries. */
export function GraphTooltip({ target, network, x, y }: Props) {
  return (
    <div className="graph-tooltip" role="tooltip" data-testid="graph-tooltip" style={{ left: x, top: y }}>
      {target.kind === 'node' ? (
        <NodeCard {...target} />
      ) : (
        <EdgeCard edge={target.edge} network={network} hint={target.cutHint} />
      )}
    </div>
  );
}

function NodeCard({ node, ms, where }: { node: GraphNode; ms: number; where: string }) {
  if (node.kind === 'input' || node.kind === 'output') {
    return (
      <>
        <strong>{node.title}</strong>
        <dl>
          <dt>shape</dt>
          <dd>{shape(node.shape)}</dd>
        </dl>
      </>
    );
  }
  return (
    <>
      <strong>{node.title}</strong>
      <dl>
        <dt>op</dt>
        <dd>{node.kind === 'block' ? `block of ${node.count} layers` : node.op}</dd>
        <dt>output</dt>
        <dd>{shape(node.shape)}</dd>
        <dt>params</dt>
        <dd>{formatCount(node.params)}</dd>
        <dt>MACs</dt>
        <dd data-testid="tooltip-macs">{formatCount(node.macs)}</dd>
        <dt>time</dt>
        <dd>
          {formatMs(ms)} ms {where}
        </dd>
      </dl>
      {node.kind === 'block' && <p className="graph-tip-hint">Click to open the block.</p>}
    </>
  );
}

function EdgeCard({ edge, network, hint }: { edge: GraphEdge; network: Network; hint: string }) {
  return (
    <>
      <strong>
        {edge.tensors.length === 1 ? 'tensor' : `${edge.tensors.length} tensors`} · {formatBytes(edge.bytes)}
      </strong>
      <dl>
        {edge.tensors.slice(0, 3).map((t) => (
          <div key={t} className="graph-tip-row">
            <dt>{network.tensors[t]?.name ?? t}</dt>
            <dd>{shape(network.tensors[t]?.shape.slice(1) ?? [])}</dd>
          </div>
        ))}
      </dl>
      <p className="graph-tip-hint">{hint}</p>
    </>
  );
}
