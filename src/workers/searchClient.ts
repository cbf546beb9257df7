import * as Comlink from 'comlink';
import { ExplorerError } from '../core/errors';
import type { SearchResult } from '../core/search/searchPlan';
import {
  createSearchApi,
  type ParetoRequest,
  type ParetoResponse,
  type SearchApi,
  type SearchRequest,
} from './searchApi';

/** A worker-like endpoint: what the client needs to talk to and stop a search worker. */
export interface SearchEndpoint {
  readonly api: {
    search(request: SearchRequest, onProgress?: (f: number) => void): Promise<SearchResult> | SearchResult;
    pareto(request: ParetoRequest, onProgress?: (f: number) => void): Promise<ParetoResponse> | ParetoResponse;
  };
  /** Stops whatever the endpoint is running. */
  terminate(): void;
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
 * Newest request wins. A search runs in a worker; a newer request (or
 * `cancel()`) terminates that worker, which stops the search at once even in
 * the middle of its loops, rejects the older promise with CANCELLED, and
 * starts a fresh worker for the new request. Terminating instead of polling
 * a flag needs no shared memory (and so no cross-origin isolation).
 */
export class SearchClient {
  private endpoint: SearchEndpoint | undefined;
  private pending: { id: number; reject: (e: unknown) => void } | undefined;
  private nextId = 1;

  constructor(private readonly spawn: () => SearchEndpoint = () => workerEndpoint() ?? sameThreadEndpoint()) {}

  search(request: SearchRequest, onProgress?: (fraction: number) => void): Promise<SearchResult> {
    return this.run((api) => api.search(request, onProgress));
  }

  pareto(request: ParetoRequest, onProgress?: (fraction: number) => void): Promise<ParetoResponse> {
    return this.run((api) => api.pareto(request, onProgress));
  }

  /** Stops the running request, if any; its promise rejects with CANCELLED. */
  cancel(): void {
    if (!this.pending) return;
    this.pending.reject(new ExplorerError('CANCELLED'));
    this.pending = undefined;
    this.endpoint?.terminate();
    this.endpoint = undefined;
  }

  /** Stops everything; the client can still be used afterwards. */
  dispose(): void {
    this.cancel();
    this.endpoint?.terminate();
    this.endpoint = undefined;
  }

  private run<T>(call: (api: SearchEndpoint['api']) => Promise<T> | T): Promise<T> {
    this.cancel();
    const id = this.nextId++;
    this.endpoint ??= this.spawn();
    const api = this.endpoint.api;
    return new Promise<T>((resolve, reject) => {
      this.pending = { id, reject };
      const settle = (fn: () => void) => {
        if (this.pending?.id !== id) return; // superseded: its outcome is dropped
        this.pending = undefined;
        fn();
      };
      Promise.resolve()
        .then(() => call(api))
        .then(
          (value) => settle(() => resolve(value)),
          (error: unknown) => settle(() => reject(error)),
        );
    });
  }
}
