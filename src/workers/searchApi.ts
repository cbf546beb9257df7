import { buildCostTables, type CostTables } from '../core/cost/tables';
import { ExplorerError } from '../core/errors';
import type { Network } from '../core/model/types';
import type { Platform } from '../core/platform/types';
import { paretoFront } from '../core/search/pareto';
import { searchPlan, type SearchResult } from '../core/search/searchPlan';
import type { Found, SearchOptions } from '../core/search/types';
import { unplaceableLayer } from '../core/search/unplaceable';
import { zooNetwork } from '../core/zoo';

/** What to search: a zoo network by id, a platform (as edited), and the options without callbacks. */
export interface SearchRequest {
  readonly model: string;
  readonly platform: Platform;
  readonly options: Omit<SearchOptions, 'onProgress' | 'isCancelled'>;
  /** An imported network (ONNX) to search instead of the zoo's `model`. */
  readonly network?: Network;
  /** Measured ms per layer by processor id (a calibration), see `buildCostTables`. */
  readonly measured?: ReadonlyMap<string, Float64Array>;
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
  const tablesFor = (request: Omit<SearchRequest, 'options'>): CostTables => {
    const { model, platform, network, measured } = request;
    // An imported network arrives as a fresh clone each call: key it by content, not identity.
    const netKey = network
      ? `onnx:${network.id}:${network.layers.length}:${network.layers.reduce((a, l) => a + l.macs, 0)}`
      : model;
    const measuredKey = measured
      ? [...measured].map(([id, ms]) => `${id}:${ms.reduce((a, v) => (Number.isNaN(v) ? a : a + v), 0)}`).join(',')
      : '';
    const key = `${netKey}\n${measuredKey}\n${JSON.stringify(platform)}`;
    if (cached?.key !== key) {
      const net: Network = network ?? zooNetwork(model);
      cached = { key, tables: buildCostTables(net, platform, measured ? { measured } : {}) };
    }
    return cached.tables;
  };
  return {
    search(request: SearchRequest, onProgress?: (fraction: number) => void): SearchResult {
      const tables = tablesFor(request);
      return searchPlan(tables, { ...request.options, ...(onProgress ? { onProgress } : {}) });
    },
    pareto(request: ParetoRequest, onProgress?: (fraction: number) => void): ParetoResponse {
      const tables = tablesFor(request);
      const started = Date.now();
      const { front, truncated } = paretoFront(tables, { ...request.options, ...(onProgress ? { onProgress } : {}) });
      if (front.length === 0) throw new ExplorerError('INFEASIBLE', unplaceableLayer(tables));
      return { front, truncated, searchMs: Date.now() - started };
    },
  };
}

export type SearchApi = ReturnType<typeof createSearchApi>;
