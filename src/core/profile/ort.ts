import { ExplorerError } from '../errors';
import type { Profile, ProfileRecord } from './types';

interface TraceEvent {
  cat?: unknown;
  name?: unknown;
  dur?: unknown;
  args?: { op_name?: unknown; output_type_shape?: unknown };
}

const KERNEL_SUFFIX = '_kernel_time';

/** First output shape from ORT's `output_type_shape: [{"float": [1, 32, 112, 112]}]`. */
function firstShape(v: unknown): number[] | undefined {
  if (!Array.isArray(v) || v.length === 0 || typeof v[0] !== 'object' || v[0] === null) return undefined;
  const dims = Object.values(v[0] as Record<string, unknown>)[0];
  return Array.isArray(dims) && dims.every((d) => typeof d === 'number') ? (dims as number[]) : undefined;
}

/**
 * Parses an ONNX Runtime profiling JSON (a bare array of Chrome trace events,
 * or `{traceEvents: [...]}`). Kernel events (`cat: "Node"`, name
 * `<node>_kernel_time`, `dur` in µs) are summed per kernel name and divided by
 * the number of `model_run` events (or by each kernel's own count when there
 * are none), so several runs give an average per kernel. Kernel names keep
 * ORT's renaming of fused nodes (`/relu/Relu_output_0_nchwc`); matching them
 * to graph nodes is `matchProfile`'s job. Throws PROFILE_FORMAT.
 * O(events).
 * @example parseOrtProfile(readFileSync('ort_profile.json', 'utf8')).records[0].ms
 */
export function parseOrtProfile(text: string): Profile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ExplorerError('PROFILE_FORMAT', 'not JSON');
  }
  const events = Array.isArray(raw) ? raw : (raw as { traceEvents?: unknown } | null)?.traceEvents;
  if (!Array.isArray(events)) throw new ExplorerError('PROFILE_FORMAT', 'JSON without a trace event array');
  let runs = 0;
  const kernels = new Map<string, { us: number; count: number; opType?: string; outputShape?: number[] }>();
  for (const e of events as TraceEvent[]) {
    if (typeof e !== 'object' || e === null) continue;
    if (e.cat === 'Session' && e.name === 'model_run') runs++;
    if (e.cat !== 'Node' || typeof e.name !== 'string' || !e.name.endsWith(KERNEL_SUFFIX)) continue;
    const dur = Number(e.dur);
    if (!Number.isFinite(dur) || dur < 0) continue;
    const name = e.name.slice(0, -KERNEL_SUFFIX.length);
    let k = kernels.get(name);
    if (!k) {
      const opType = typeof e.args?.op_name === 'string' ? e.args.op_name : undefined;
      const outputShape = firstShape(e.args?.output_type_shape);
      k = { us: 0, count: 0, ...(opType ? { opType } : {}), ...(outputShape ? { outputShape } : {}) };
      kernels.set(name, k);
    }
    k.us += dur;
    k.count++;
  }
  if (kernels.size === 0) {
    throw new ExplorerError(
      'PROFILE_FORMAT',
      'no kernel events (cat "Node", name "..._kernel_time"); was profiling on?',
    );
  }
  const records: ProfileRecord[] = [...kernels].map(([name, k]) => ({
    name,
    ms: k.us / 1000 / (runs > 0 ? runs : k.count),
    ...(k.opType ? { opType: k.opType } : {}),
    ...(k.outputShape ? { outputShape: k.outputShape } : {}),
  }));
  return { format: 'ort', records, runs: Math.max(runs, 1) };
}
