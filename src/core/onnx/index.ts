import type { Network } from '../model/types';
import { parseOnnxModel } from './proto';
import { onnxToNetwork, type OnnxImportOptions, type SymbolicDim } from './toNetwork';

export { ONNX_LIMITS } from './limits';
export type { OnnxImportOptions, SymbolicDim } from './toNetwork';

/** What an ONNX import returns: the network plus what the UI and CLI should tell the user. */
export interface OnnxImportResult {
  readonly network: Network;
  /** Unknown ops, guessed shapes. */
  readonly warnings: readonly string[];
  /** Symbolic dims of the graph inputs and the values used (batch defaults to 1). */
  readonly symbolicDims: readonly SymbolicDim[];
  readonly model: {
    readonly producer: string;
    readonly irVersion: number;
    readonly opset: number;
    readonly nodes: number;
    readonly folded: number;
    readonly initializers: number;
  };
}

/**
 * Imports an ONNX model from its bytes: parses the protobuf without copying
 * weight payloads (external data is not needed, only dims), infers shapes and
 * counts costs. Progress goes 0..1 (parsing is the first 60%). Throws
 * ExplorerError with an ONNX_* or graph code on bad input.
 *
 * Complexity: O(file bytes excluding skipped payloads + nodes log nodes).
 * @example const { network, warnings } = importOnnxBytes(new Uint8Array(buf), { dims: { batch: 1 } });
 */
export function importOnnxBytes(
  bytes: Uint8Array,
  options: OnnxImportOptions = {},
  onProgress?: (fraction: number) => void,
): OnnxImportResult {
  onProgress?.(0);
  const model = parseOnnxModel(bytes, onProgress ? (f) => onProgress(0.6 * f) : undefined);
  onProgress?.(0.6);
  const conv = onnxToNetwork(model, options, onProgress ? (f) => onProgress(0.6 + 0.4 * f) : undefined);
  return {
    network: conv.network,
    warnings: conv.warnings,
    symbolicDims: conv.symbolicDims,
    model: {
      producer: `${model.producerName} ${model.producerVersion}`.trim(),
      irVersion: model.irVersion,
      opset: model.opset,
      nodes: conv.nodes.total,
      folded: conv.nodes.folded,
      initializers: model.graph.initializers.length,
    },
  };
}
