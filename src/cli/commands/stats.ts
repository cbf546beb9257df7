import { formatBytes, formatCount } from '../../core/format';
import type { Network } from '../../core/model/types';
import type { OnnxImportResult } from '../../core/onnx';
import { table } from '../table';

/** `stats <model>`: totals and every layer; for an ONNX file also its warnings and symbolic dims. */
export function stats(net: Network, json: boolean, onnx?: OnnxImportResult): string {
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
      ...(onnx ? { onnx: { warnings: onnx.warnings, symbolicDims: onnx.symbolicDims, ...onnx.model } } : {}),
    });
  }
  const notes = onnx
    ? [
        `ONNX: ${onnx.model.producer || 'unknown producer'}, IR ${onnx.model.irVersion}, opset ${onnx.model.opset}, ` +
          `${onnx.model.nodes} nodes (${onnx.model.folded} folded: constants, shape arithmetic, weight aliases)`,
        onnx.symbolicDims.length === 0
          ? 'symbolic dims: none'
          : `symbolic dims: ${onnx.symbolicDims.map((d) => `${d.name}=${d.value}${d.defaulted ? ' (default; set with --dim)' : ''}`).join(', ')}`,
        ...onnx.warnings.map((w) => `warning: ${w}`),
      ]
    : [];
  return [
    ...notes,
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
