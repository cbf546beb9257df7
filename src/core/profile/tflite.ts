import { ExplorerError } from '../errors';
import type { Profile, ProfileRecord } from './types';

/**
 * Parses the "Run Order" table of TFLite `benchmark_model
 * --enable_op_profiling=true`: tab-separated rows of node type, start, first,
 * avg ms, %, cdf%, mem KB, times called, name. The table ends at a blank line
 * or the next `====` banner; `avg ms` is already an average over runs; names
 * lose their `[...]:N` decoration. A
 * node listed twice (several subgraphs) has its times summed. Throws
 * PROFILE_FORMAT. O(lines).
 * @example parseTfliteProfile(stdoutOfBenchmarkModel).records.length
 */
export function parseTfliteProfile(text: string): Profile {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /=+\s*Run Order\s*=+/.test(l));
  if (start < 0) throw new ExplorerError('PROFILE_FORMAT', 'no "Run Order" table');
  const byName = new Map<string, ProfileRecord>();
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || /^\s*=+/.test(line)) {
      if (byName.size > 0) break;
      continue;
    }
    const cols = line.split('\t').map((c) => c.trim());
    while (cols.length > 0 && cols[0] === '') cols.shift();
    if (cols[0]?.startsWith('[')) continue; // header row
    if (cols.length < 9) continue;
    const ms = Number(cols[3]);
    // Names print as `[MobilenetV2/Conv/Relu6]:0` (output tensor, then the node index).
    const name = cols
      .slice(8)
      .join('\t')
      .replace(/^\[(.*)\](:\d+)?$/, '$1');
    if (!Number.isFinite(ms) || ms < 0 || name === '') continue;
    const prev = byName.get(name);
    byName.set(name, { name, ms: (prev?.ms ?? 0) + ms, opType: cols[0]! });
  }
  if (byName.size === 0) throw new ExplorerError('PROFILE_FORMAT', 'the "Run Order" table has no rows');
  return { format: 'tflite', records: [...byName.values()], runs: 1 };
}
