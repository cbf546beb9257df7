import { formatBytes, formatCount } from '../../core/format';
import type { Network } from '../../core/model/types';
import { table } from '../table';

/** `stats <model>`: totals and every layer. */
export function stats(net: Network, json: boolean): string {
  const params = net.layers.reduce((a, l) => a + l.params, 0);
  const macs = net.layers.reduce((a, l) => a + l.macs, 0);
  const layersDetail = net.layers.map((l) => ({
    name: l.name,
    op: l.op,
    outputShape: net.tensors[l.outputs[0]!]!.shape,
    params: l.params,
    macs: l.macs,
    outputBytes: l.bytesWritten,
  }));
  if (json) {
    return JSON.stringify({
      model: net.id,
      inputShape: net.inputShape,
      layers: net.layers.length,
      params,
      macs,
      layersDetail,
    });
  }
  return [
    `${net.name} (${net.id}): ${net.layers.length} layers, ${formatCount(params)} params, ${formatCount(macs)} MACs, input ${net.inputShape.join('x')}`,
    table(
      ['#', 'name', 'op', 'output', 'params', 'MACs', 'output bytes'],
      layersDetail.map((l, i) => [
        i,
        l.name,
        l.op,
        l.outputShape.join('x'),
        l.params,
        l.macs,
        formatBytes(l.outputBytes),
      ]),
    ),
  ].join('\n');
}
