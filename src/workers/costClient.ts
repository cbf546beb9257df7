import * as Comlink from 'comlink';
import { ExplorerError } from '../core/errors';
import type { TablesPayload } from '../core/cost/transfer';
import { createCostApi, type CostRequest } from './costApi';

interface CostEndpoint {
  build(request: CostRequest): Promise<TablesPayload> | TablesPayload;
}

function workerEndpoint(): CostEndpoint | undefined {
  if (typeof Worker === 'undefined') return undefined;
  const worker = new Worker(new URL('./cost.worker.ts', import.meta.url), { type: 'module' });
  return Comlink.wrap<CostEndpoint>(worker);
}

function sameThreadEndpoint(): CostEndpoint {
  const api = createCostApi();
  return { build: (request) => api.build(request).payload };
}

/**
 * Builds cost tables off the main thread. Newest request wins: an answer to
 * a request that a newer one superseded rejects with CANCELLED and is never
 * applied (STYLE habit 7). Builds are short (milliseconds to tens of
 * milliseconds), so superseded ones are left to finish rather than killed.
 */
export class CostClient {
  private endpoint: CostEndpoint | undefined;
  private latest = 0;

  constructor(private readonly spawn: () => CostEndpoint = () => workerEndpoint() ?? sameThreadEndpoint()) {}

  async build(request: CostRequest): Promise<TablesPayload> {
    const id = ++this.latest;
    this.endpoint ??= this.spawn();
    const payload = await this.endpoint.build(request);
    if (id !== this.latest) throw new ExplorerError('CANCELLED');
    return payload;
  }
}
