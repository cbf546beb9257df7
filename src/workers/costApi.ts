import { buildCostTables } from '../core/cost/tables';
import { tablesPayload, type TablesPayload } from '../core/cost/transfer';
import type { Network } from '../core/model/types';
import type { Platform } from '../core/platform/types';
import { zooNetwork } from '../core/zoo';

/** Which network: a zoo id (rebuilt here, nothing to copy) or the network itself (an imported one). */
export type NetworkRef = { readonly zoo: string } | { readonly network: Network };

export interface CostRequest {
  readonly network: NetworkRef;
  readonly platform: Platform;
  /** Measured ms per layer position by processor id (an attached profile; NaN = not measured). */
  readonly measured?: readonly (readonly [string, Float64Array])[];
}

/**
 * The cost-model service: builds a scenario's cost tables (every layer on
 * every processor and unit count, prefix sums, crossing bytes) and returns
 * them as typed arrays. Plain, so Node tests call it; `cost.worker.ts`
 * exposes it and transfers the arrays instead of copying them.
 */
export function createCostApi() {
  return {
    build(request: CostRequest): { payload: TablesPayload; buffers: ArrayBuffer[] } {
      const network = 'zoo' in request.network ? zooNetwork(request.network.zoo) : request.network.network;
      const measured = request.measured ? new Map(request.measured) : undefined;
      return tablesPayload(buildCostTables(network, request.platform, measured ? { measured } : {}));
    },
  };
}
