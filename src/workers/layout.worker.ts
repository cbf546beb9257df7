import * as Comlink from 'comlink';
import { createLayoutApi, type LayoutApi } from './layoutApi';

// elk.bundled.js sees a worker global and wires `self.onmessage` to its own
// dispatcher when ELK is constructed; that dispatcher would also answer
// comlink's messages (with errors). We call ELK directly, so unhook it after
// constructing ELK, and again after each layout in case ELK re-wires it.
const api = createLayoutApi();
self.onmessage = null;
const exposed: LayoutApi = {
  layout: async (request) => {
    try {
      return await api.layout(request);
    } finally {
      self.onmessage = null;
    }
  },
};
Comlink.expose(exposed);
