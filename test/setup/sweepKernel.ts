import { loadSweepKernel, SWEEP_KERNEL_FILE } from '../../src/cli/sweepKernel';

// Every test runs the Pareto search on the WebAssembly kernel, as the app and the CLI do; the
// JavaScript sweep keeps its own tests and the equivalence tests compare the two.
if (!loadSweepKernel()) {
  throw new Error(`${SWEEP_KERNEL_FILE.pathname} is missing or broken: run npm run build:wasm`);
}
