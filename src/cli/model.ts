import { existsSync, readFileSync } from 'node:fs';
import { ExplorerError } from '../core/errors';
import type { Network } from '../core/model/types';
import { importOnnxBytes, type OnnxImportResult } from '../core/onnx';
import { zooNetwork } from '../core/zoo';
import { all, list, type Args } from './args';

/** A model given on the command line: a zoo network, or an imported ONNX file with its import notes. */
export interface LoadedModel {
  readonly network: Network;
  readonly onnx?: OnnxImportResult;
}

/** `--dim batch=4 --dim height=320` (or `--dim batch=4,height=320`) as a name -> value map. */
export function dimsFrom(args: Args): Record<string, number> {
  const dims: Record<string, number> = {};
  for (const item of all(args, 'dim').flatMap(list)) {
    const m = /^([^=]+)=(\d+)$/.exec(item);
    if (!m || Number(m[2]) <= 0) {
      throw new ExplorerError('BAD_ARGUMENT', `--dim "${item}" must be name=positive integer, e.g. batch=1`);
    }
    dims[m[1]!.trim()] = Number(m[2]);
  }
  return dims;
}

/**
 * Resolves a model reference: a path to an `.onnx` file (read once into
 * memory; weights are skipped, not copied) or a zoo id.
 */
export function loadModel(ref: string, args: Args): LoadedModel {
  const isFile = ref.toLowerCase().endsWith('.onnx') || (ref.includes('/') && existsSync(ref));
  if (!isFile) return { network: zooNetwork(ref) };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(ref);
  } catch {
    throw new ExplorerError('BAD_ARGUMENT', `cannot read ONNX file "${ref}"`);
  }
  const base = ref
    .split(/[\\/]/)
    .pop()!
    .replace(/\.onnx$/i, '');
  const onnx = importOnnxBytes(bytes, { id: base, name: base, dims: dimsFrom(args) });
  return { network: onnx.network, onnx };
}
