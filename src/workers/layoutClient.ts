import * as Comlink from 'comlink';
import { ExplorerError } from '../core/errors';
import type { GraphLayout } from '../core/graph/geometry';
import type { LayoutApi, LayoutRequest } from './layoutApi';

/** Layouts kept by the client (least recently used dropped first). */
export const CLIENT_CACHE_SIZE = 24;

/** A worker-like endpoint: what the client needs to talk to and stop a layout worker. */
export interface LayoutEndpoint {
  readonly api: { layout(request: LayoutRequest): Promise<GraphLayout> | GraphLayout };
  terminate(): void;
}

/** Spawns the real module worker, or undefined where `Worker` does not exist (Node, old browsers). */
export function layoutWorkerEndpoint(): LayoutEndpoint | undefined {
  if (typeof Worker === 'undefined') return undefined;
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<LayoutApi>(worker);
  // A worker that fails to load or throws never answers comlink: fail the request instead of waiting forever.
  const crashed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (e) => reject(new Error(e.message || 'the layout worker failed to start'))),
  );
  crashed.catch(() => {});
  return {
    api: { layout: (request) => Promise.race([remote.layout(request), crashed]) },
    terminate: () => worker.terminate(),
  };
}

/**
 * Runs ELK on the calling thread (the fallback). ELK (1.6 MB) is imported
 * on first use, so it never weighs on the app's first load.
 */
export function sameThreadLayoutEndpoint(): LayoutEndpoint {
  let api: Promise<LayoutApi> | undefined;
  return {
    api: {
      layout: async (request) => {
        api ??= import('./layoutApi').then((m) => m.createLayoutApi());
        return (await api).layout(request);
      },
    },
    terminate: () => {},
  };
}

/**
 * Newest request wins. A layout still running when a newer one arrives
 * (the user expanded another block, or opened another network) is stopped by
 * terminating its worker, and its promise rejects with LAYOUT_SUPERSEDED; a
 * fresh worker takes the new request. Finished layouts are cached here by key
 * (network and expansion), so collapsing back to a seen state is instant
 * and survives worker restarts.
 */
export class LayoutClient {
  private endpoint: LayoutEndpoint | undefined;
  private pending: { id: number; reject: (e: unknown) => void } | undefined;
  private nextId = 1;
  private readonly cache = new Map<string, GraphLayout>();

  constructor(
    private readonly spawn: () => LayoutEndpoint = () => layoutWorkerEndpoint() ?? sameThreadLayoutEndpoint(),
  ) {}

  /** A cached layout for this key, if one was computed. O(1). */
  cached(key: string): GraphLayout | undefined {
    return this.cache.get(key);
  }

  layout(request: LayoutRequest): Promise<GraphLayout> {
    this.supersede();
    const hit = this.cache.get(request.key);
    if (hit) return Promise.resolve(hit);
    const id = this.nextId++;
    this.endpoint ??= this.spawn();
    const api = this.endpoint.api;
    return new Promise<GraphLayout>((resolve, reject) => {
      this.pending = { id, reject };
      const settle = (fn: () => void) => {
        if (this.pending?.id !== id) return; // superseded: its outcome is dropped
        this.pending = undefined;
        fn();
      };
      Promise.resolve()
        .then(() => api.layout(request))
        .then(
          (layout) =>
            settle(() => {
              this.remember(request.key, layout);
              resolve(layout);
            }),
          (error: unknown) =>
            settle(() =>
              reject(new ExplorerError('LAYOUT_FAILED', error instanceof Error ? error.message : String(error))),
            ),
        );
    });
  }

  /** Stops everything; the client can still be used afterwards. */
  dispose(): void {
    this.supersede();
    this.endpoint?.terminate();
    this.endpoint = undefined;
  }

  private supersede(): void {
    if (!this.pending) return;
    this.pending.reject(new ExplorerError('LAYOUT_SUPERSEDED'));
    this.pending = undefined;
    this.endpoint?.terminate();
    this.endpoint = undefined;
  }

  private remember(key: string, layout: GraphLayout): void {
    this.cache.set(key, layout);
    if (this.cache.size > CLIENT_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }
}
