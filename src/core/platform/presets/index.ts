import { ExplorerError } from '../../errors';
import type { Platform } from '../types';
import { accelBoard4 } from './accelBoard4';
import { cmp16 } from './cmp16';
import { hikey970 } from './hikey970';
import { rpi4Cluster } from './rpi4Cluster';
import { snapdragon855 } from './snapdragon855';

export { accelBoard4, cmp16, hikey970, rpi4Cluster, snapdragon855 };

/**
 * The built-in platforms, one per research line: HiKey 970 (Pipe-it, processor pipelining),
 * Snapdragon 855-class phone (processor pipelining), 4-chip accelerator board (QuiltNet),
 * 16-core CMP on a mesh NoC (CAP), 4 Raspberry Pi 4 on Gigabit Ethernet (LCP).
 * Every figure is cited in the platform's `sources`; the UI marks `estimate` ones.
 */
export const PRESETS: readonly Platform[] = [hikey970, snapdragon855, accelBoard4, cmp16, rpi4Cluster];

/**
 * Returns the built-in platform with this id. Throws `ExplorerError('UNKNOWN_PLATFORM')` if none.
 * O(presets).
 * @example platformById('hikey970').name // 'HiKey 970 (Kirin 970)'
 */
export function platformById(id: string): Platform {
  const hit = PRESETS.find((p) => p.id === id);
  if (!hit) throw new ExplorerError('UNKNOWN_PLATFORM', `"${id}"`);
  return hit;
}
