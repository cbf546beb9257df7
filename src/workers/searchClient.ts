import * as Comlink from 'comlink';
import { ExplorerError } from '../core/errors';
import type { SearchResult } from '../core/search/searchPlan';
import { NewestWins, type Terminable } from './newestWins';
import {
  createSearchApi,
  type ParetoRequest,
  type ParetoResponse,
  type SearchApi,
  type SearchRequest,
} from './searchApi';

/** A worker-like endpoint: what the client needs to talk to and stop a search worker. */
export interface SearchEndpoint extends Terminable {
  readonly api: {
    search(request: SearchRequest, onProgress?: (f: number) => void): Promise<SearchResult> | SearchResult;
    pareto(request: ParetoRequest, onProgress?: (f: number) => void): Promise<ParetoResponse> | ParetoResponse;
  };
}

/** Spawns the real module worker, or undefined where `Worker` does not exist (Node, old browsers). */
export function workerEndpoint(): SearchEndpoint | undefined {
  if (typeof Worker === 'undefined') return undefined;
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<SearchApi>(worker);
  return {
    api: {
      search: (request, onProgress) => remote.search(request, onProgress ? Comlink.proxy(onProgress) : undefined),
      pareto: (request, onProgress) => remote.pareto(request, onProgress ? Comlink.proxy(onProgress) : undefined),
    },
    terminate: () => worker.terminate(),
  };
}

/** Runs the search on the calling thread (the fallback). It cannot be interrupted mid-run. */
export function sameThreadEndpoint(): SearchEndpoint {
  const api = createSearchApi();
  return { api, terminate: () => {} };
}

/**
 * Runs searches in a worker, newest request wins (`NewestWins`): a newer
 * request or `cancel()` terminates the running search at once and rejects its
 * promise with CANCELLED; the next request gets a fresh worker.
 */
export class SearchClient {
  private readonly runner: NewestWins<SearchEndpoint>;

  constructor(spawn: () => SearchEndpoint = () => workerEndpoint() ?? sameThreadEndpoint()) {
    this.runner = new NewestWins(spawn, () => new ExplorerError('CANCELLED'));
  }

  search(request: SearchRequest, onProgress?: (fraction: number) => void): Promise<SearchResult> {
    return this.runner.run((e) => e.api.search(request, onProgress));
  }

  pareto(request: ParetoRequest, onProgress?: (fraction: number) => void): Promise<ParetoResponse> {
    return this.runner.run((e) => e.api.pareto(request, onProgress));
  }

  /** Stops the running request, if any; its promise rejects with CANCELLED. */
  cancel(): void {
    this.runner.cancel();
  }

  /** Stops everything; the client can still be used afterwards. */
  dispose(): void {
    this.runner.dispose();
  }
}
