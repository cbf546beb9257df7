import * as Comlink from 'comlink';
import { createLayoutApi } from './layoutApi';

// elk.bundled.js sees a worker global and wires `self.onmessage` to its own
// dispatcher; it would answer comlink's messages with errors. We call ELK
// directly, so unhook it before comlink listens.
self.onmessage = null;
Comlink.expose(createLayoutApi());
