import * as Comlink from 'comlink';
import kernelUrl from '../../wasm/build/energySweep.wasm?url';
import { setSweepKernel } from '../core/search/energySweepWasm';
import { createSearchApi, type ParetoRequest } from './searchApi';

// The Pareto sweep's WebAssembly kernel, compiled once per worker (6.5 KB, 1-2 ms). If it cannot be
// fetched or compiled the front still comes, from the JavaScript sweep, about half as fast.
const kernelReady = fetch(kernelUrl)
  .then((response) => response.arrayBuffer())
  .then((bytes) => setSweepKernel(new WebAssembly.Module(bytes)))
  .catch(() => setSweepKernel(undefined));

const api = createSearchApi();
Comlink.expose({
  ...api,
  async pareto(request: ParetoRequest, onProgress?: (fraction: number) => void) {
    await kernelReady;
    return api.pareto(request, onProgress);
  },
});
