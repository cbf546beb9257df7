import type { CostTables } from '../core/cost/tables';
import { tablesFromPayload } from '../core/cost/transfer';
import type { Network } from '../core/model/types';
import type { Platform } from '../core/platform/types';
import { zooNetwork } from '../core/zoo';
import { CostClient } from '../workers/costClient';

/** The app's one cost-model client (a worker, or same-thread where workers are missing). */
export const costClient = new CostClient();

// Measured layer times attached to a platform object (profiles). Attaching one makes a new
// platform object, so the tables cache below, keyed by identity, never serves stale tables.
const measuredByPlatform = new WeakMap<Platform, ReadonlyMap<string, Float64Array>>();

/** The platform with `measured` layer times attached to processor `id` (a new object). */
export function withMeasured(platform: Platform, id: string, measured: Float64Array | null): Platform {
  const next = { ...platform };
  const map = new Map(measuredByPlatform.get(platform) ?? []);
  if (measured) map.set(id, measured);
  else map.delete(id);
  if (map.size) measuredByPlatform.set(next, map);
  return next;
}

/** Measured layer times attached to a platform, by processor id (undefined: none). */
export function measuredOf(platform: Platform): ReadonlyMap<string, Float64Array> | undefined {
  return measuredByPlatform.get(platform);
}

// Keyed by object identity: networks and platforms are immutable, and an edit makes a new platform.
const cache = new WeakMap<Network, WeakMap<Platform, CostTables>>();

/** Tables already built for this pair, so undo and redo restore synchronously. O(1). */
export function cachedTables(network: Network, platform: Platform): CostTables | undefined {
  return cache.get(network)?.get(platform);
}

export function rememberTables(tables: CostTables): CostTables {
  let byPlatform = cache.get(tables.network);
  if (!byPlatform) cache.set(tables.network, (byPlatform = new WeakMap()));
  byPlatform.set(tables.platform, tables);
  return tables;
}

/** Whether a network is the zoo's (so the worker can rebuild it from its id instead of receiving a copy). */
export const isZooNetwork = (network: Network): boolean => {
  try {
    return zooNetwork(network.id) === network;
  } catch {
    return false;
  }
};

/**
 * The cost tables of a (network, platform) pair: from the cache, or built by
 * the cost worker. Rejects with CANCELLED when a newer request superseded it.
 */
export async function tablesFor(network: Network, platform: Platform): Promise<CostTables> {
  const hit = cachedTables(network, platform);
  if (hit) return hit;
  const measured = measuredOf(platform);
  const payload = await costClient.build({
    network: isZooNetwork(network) ? { zoo: network.id } : { network },
    platform,
    ...(measured ? { measured: [...measured] } : {}),
  });
  return rememberTables(tablesFromPayload(network, platform, payload));
}
