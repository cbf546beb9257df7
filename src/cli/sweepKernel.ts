import { readFileSync } from 'node:fs';
import { setSweepKernel } from '../core/search/energySweepWasm';

/** Where `npm run build:wasm` (run by `npm install`, `npm test` and `npm start`) writes the sweep kernel. */
export const SWEEP_KERNEL_FILE = new URL('../../wasm/build/energySweep.wasm', import.meta.url);

/**
 * Compiles the sweep kernel from disk and gives it to the core (Node: CLI, benches, tests).
 * Returns false, leaving the JavaScript sweep in place, when the file is missing or does not compile.
 */
export function loadSweepKernel(): boolean {
  try {
    setSweepKernel(new WebAssembly.Module(readFileSync(SWEEP_KERNEL_FILE)));
    return true;
  } catch {
    return false;
  }
}
