import * as Comlink from 'comlink';
import { importOnnx, type OnnxApi, type OnnxImportOptions, type OnnxImportResult } from './onnxApi';

/**
 * Imports an ONNX file off the main thread. The ArrayBuffer is transferred to
 * the worker, not copied (it is detached here afterwards), so a 500 MB model
 * is never held twice; the worker is terminated when the import ends. Where
 * `Worker` does not exist (Node, tests) the import runs on the calling thread.
 * @example const { network, warnings } = await importOnnxInWorker(await file.arrayBuffer(), {}, setProgress);
 */
export async function importOnnxInWorker(
  buffer: ArrayBuffer,
  options: OnnxImportOptions = {},
  onProgress?: (fraction: number) => void,
): Promise<OnnxImportResult> {
  if (typeof Worker === 'undefined') return importOnnx(buffer, options, onProgress);
  const worker = new Worker(new URL('./onnx.worker.ts', import.meta.url), { type: 'module' });
  try {
    const remote = Comlink.wrap<OnnxApi>(worker);
    return await remote.importOnnx(
      Comlink.transfer(buffer, [buffer]),
      options,
      onProgress ? Comlink.proxy(onProgress) : undefined,
    );
  } finally {
    worker.terminate();
  }
}
