import type { CostTables } from '../core/cost/tables';
import { tablesFromPayload } from '../core/cost/transfer';
import type { Network } from '../core/model/types';
import type { Platform } from '../core/platform/types';
import { zooNetwork } from '../core/zoo';
import { CostClient } from '../workers/costClient';

/** The app's one cost-model client (a worker, or same-thread where workers are missing). */
export const costClient = new CostClient();

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
const isZoo = (network: Network): boolean => {
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
  const payload = await costClient.build({
    network: isZoo(network) ? { zoo: network.id } : { network },
    platform,
  });
  return rememberTables(tablesFromPayload(network, platform, payload));
}
