import { buildCostTables, type CostTables } from '../core/cost/tables';
import type { Network } from '../core/model/types';
import type { Platform } from '../core/platform/types';
import { paretoFront } from '../core/search/pareto';
import { searchPlan, type SearchResult } from '../core/search/searchPlan';
import type { Found, SearchOptions } from '../core/search/types';
import { zooNetwork } from '../core/zoo';
import type { NetworkRef } from './costApi';

/** What to search: a zoo network by id or an imported network, a platform (as edited), and the options without callbacks. */
export interface SearchRequest {
  readonly model: string | NetworkRef;
  readonly platform: Platform;
  readonly options: Omit<SearchOptions, 'onProgress' | 'isCancelled'>;
}

export type ParetoRequest = Omit<SearchRequest, 'options'> & {
  readonly options: Pick<SearchOptions, 'maxStages' | 'pins'>;
};

export interface ParetoResponse {
  readonly front: Found[];
  readonly truncated: boolean;
  readonly searchMs: number;
}

/**
 * The search service, plain and synchronous so Node tests call it directly;
 * `search.worker.ts` exposes it with comlink and the client runs it
 * same-thread where workers are unavailable. Cost tables are cached for the
 * last (network, platform) pair: a user re-optimizing the same scenario pays
 * for them once.
 */
export function createSearchApi() {
  let cached: { key: string; tables: CostTables } | undefined;
  const tablesFor = (model: string | NetworkRef, platform: Platform): CostTables => {
    const ref: NetworkRef = typeof model === 'string' ? { zoo: model } : model;
    const netKey = 'zoo' in ref ? `zoo:${ref.zoo}` : `net:${ref.network.id}:${ref.network.layers.length}`;
    const key = `${netKey}\n${JSON.stringify(platform)}`;
    if (cached?.key !== key) {
      const network: Network = 'zoo' in ref ? zooNetwork(ref.zoo) : ref.network;
      cached = { key, tables: buildCostTables(network, platform) };
    }
    return cached.tables;
  };
  return {
    search(request: SearchRequest, onProgress?: (fraction: number) => void): SearchResult {
      const tables = tablesFor(request.model, request.platform);
      return searchPlan(tables, { ...request.options, ...(onProgress ? { onProgress } : {}) });
    },
    pareto(request: ParetoRequest, onProgress?: (fraction: number) => void): ParetoResponse {
      const tables = tablesFor(request.model, request.platform);
      const started = Date.now();
      const { front, truncated } = paretoFront(tables, { ...request.options, ...(onProgress ? { onProgress } : {}) });
      return { front, truncated, searchMs: Date.now() - started };
    },
  };
}

export type SearchApi = ReturnType<typeof createSearchApi>;
