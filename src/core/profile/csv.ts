import { ExplorerError } from '../errors';
import type { Profile, ProfileRecord } from './types';

/**
 * Parses CSV `layer,time_ms[,energy_mj]`, one layer per line; a header line
 * (a non-numeric time) and `#` comments are skipped; the layer is a name or a
 * topological position. Throws PROFILE_FORMAT naming the first bad line.
 * O(lines).
 * @example parseCsvProfile('layer,time_ms\nconv1,1.5\n').records[0].ms === 1.5
 */
export function parseCsvProfile(text: string): Profile {
  const records: ProfileRecord[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    const cols = t.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (i === 0 && !Number.isFinite(Number(cols[1]))) return;
    const ms = Number(cols[1]);
    const energy = cols[2] === undefined || cols[2] === '' ? undefined : Number(cols[2]);
    if (
      cols.length < 2 ||
      cols[0] === '' ||
      !Number.isFinite(ms) ||
      ms < 0 ||
      (energy !== undefined && !(energy >= 0))
    ) {
      throw new ExplorerError('PROFILE_FORMAT', `CSV line ${i + 1}: "${t.slice(0, 80)}"`);
    }
    records.push({ name: cols[0]!, ms, ...(energy !== undefined ? { energyMj: energy } : {}) });
  });
  if (records.length === 0) throw new ExplorerError('PROFILE_FORMAT', 'CSV without rows');
  return { format: 'csv', records, runs: 1 };
}
