import * as Comlink from 'comlink';
import { createCostApi, type CostRequest } from './costApi';

const api = createCostApi();
// Transfer, not copy: the tables of a 2,000-layer network on 8 processors are megabytes of Float64Array.
Comlink.expose({
  build(request: CostRequest) {
    const { payload, buffers } = api.build(request);
    return Comlink.transfer(payload, buffers);
  },
});
