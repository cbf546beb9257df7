import type { Network } from '../core/model/types';
import { importOnnxBytes, type OnnxImportOptions, type OnnxImportResult } from '../core/onnx';
import type { Platform } from '../core/platform/types';
import { calibrate, type Calibration } from '../core/profile/calibrate';
import { parseProfile } from '../core/profile/parse';

export type { OnnxImportOptions, OnnxImportResult } from '../core/onnx';
export type { Calibration } from '../core/profile/calibrate';

/**
 * Imports an ONNX model from its bytes (an ArrayBuffer transferred to the
 * worker, or a view). The bytes are read in place: no copy of the file and
 * none of its weight payloads. Progress 0..1. Throws ExplorerError.
 */
export function importOnnx(
  bytes: ArrayBuffer | Uint8Array,
  options: OnnxImportOptions = {},
  onProgress?: (fraction: number) => void,
): OnnxImportResult {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return importOnnxBytes(view, options, onProgress);
}

/**
 * Parses a measured profile (ONNX Runtime JSON, TFLite op profile or CSV)
 * and attaches it to one processor: the returned `measuredMs` goes to
 * `buildCostTables(net, platform, { measured: new Map([[processorId, measuredMs]]) })`.
 */
export function attachProfile(
  network: Network,
  platform: Platform,
  processorId: string,
  profileText: string,
): Calibration {
  return calibrate(network, platform, processorId, parseProfile(profileText));
}

/** The ONNX service: plain functions, exposed by `onnx.worker.ts` and called directly by Node tests. */
export function createOnnxApi() {
  return { importOnnx, attachProfile };
}

export type OnnxApi = ReturnType<typeof createOnnxApi>;
