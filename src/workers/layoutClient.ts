import * as Comlink from 'comlink';
import { ExplorerError } from '../core/errors';
import type { GraphLayout } from '../core/graph/geometry';
import type { LayoutApi, LayoutRequest } from './layoutApi';
import { NewestWins, type Terminable } from './newestWins';

/** Layouts kept by the client (least recently used dropped first). */
export const CLIENT_CACHE_SIZE = 24;

/** A worker-like endpoint: what the client needs to talk to and stop a layout worker. */
export interface LayoutEndpoint extends Terminable {
  readonly api: { layout(request: LayoutRequest): Promise<GraphLayout> | GraphLayout };
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
 * Lays out graphs in a worker, newest request wins (`NewestWins`): a layout
 * still running when a newer one arrives (the user expanded another block, or
 * opened another network) is stopped by terminating its worker, and its
 * promise rejects with LAYOUT_SUPERSEDED. Finished layouts are cached here by
 * key (network and expansion), so collapsing back to a seen state is instant
 * and survives worker restarts.
 */
export class LayoutClient {
  private readonly runner: NewestWins<LayoutEndpoint>;
  private readonly cache = new Map<string, GraphLayout>();

  constructor(spawn: () => LayoutEndpoint = () => layoutWorkerEndpoint() ?? sameThreadLayoutEndpoint()) {
    this.runner = new NewestWins(spawn, () => new ExplorerError('LAYOUT_SUPERSEDED'));
  }

  /** A cached layout for this key, if one was computed. O(1). */
  cached(key: string): GraphLayout | undefined {
    return this.cache.get(key);
  }

  layout(request: LayoutRequest): Promise<GraphLayout> {
    this.runner.cancel();
    const hit = this.cache.get(request.key);
    if (hit) return Promise.resolve(hit);
    return this.runner.run(async (e) => {
      let layout: GraphLayout;
      try {
        layout = await e.api.layout(request);
      } catch (error) {
        throw new ExplorerError('LAYOUT_FAILED', error instanceof Error ? error.message : String(error));
      }
      this.remember(request.key, layout);
      return layout;
    });
  }

  /** Stops everything; the client can still be used afterwards. */
  dispose(): void {
    this.runner.dispose();
  }

  private remember(key: string, layout: GraphLayout): void {
    this.cache.set(key, layout);
    if (this.cache.size > CLIENT_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }
}
