import type { Network } from '../model/types';
import type { Evaluation } from '../plan/evaluate';
import { linkBetween } from '../platform/links';
import type { Platform } from '../platform/types';
import type { Schedule } from '../schedule/simulate';
import { EVENT_KIND } from '../schedule/simulate';

/*
 * Chrome Trace Event Format (JSON object form), as Perfetto and chrome://tracing read it:
 * - `ts` and `dur` are microseconds (fractions allowed); `displayTimeUnit` only changes display.
 * - One process per processor used and one per transfer lane, named by `process_name` metadata
 *   and ordered along the pipeline by `process_sort_index`; one thread per schedule lane
 *   (`thread_name`), so a processor running two stages shows two named lanes.
 * - Boxes are complete events (`ph: 'X'`) with args: stage (1-based), frame, layers
 *   ('first .. last' names), from, to (positions, [from, to)), ms, startMs, endMs (and bytes for
 *   transfers).
 * - Flows (arrows) are v1 flow events: `ph: 's'` bound to the enclosing slice of the source box,
 *   `ph: 'f'` with `bp: 'e'` bound to the enclosing slice of the destination box. Each flow event
 *   sits at its box's start time with the box's pid, tid and category, which satisfies both
 *   Perfetto (enclosing slice) and Chrome DevTools (equal cat, pid, tid and ts). Ids are numeric
 *   and unique, one `s` and one `f` per id.
 * Events are sorted by time with a stable, pipeline-ordered tie-break, so a flow's start is read
 * before its finish even when both share a timestamp.
 */

/** Metadata event (names and sort order of processes and threads). */
export interface TraceMetadataEvent {
  readonly ph: 'M';
  readonly name: 'process_name' | 'process_sort_index' | 'thread_name' | 'thread_sort_index';
  readonly pid: number;
  readonly tid: number;
  readonly args: { readonly name?: string; readonly sort_index?: number };
}

/** Complete event: one Gantt box. */
export interface TraceCompleteEvent {
  readonly ph: 'X';
  readonly name: string;
  readonly cat: string;
  readonly pid: number;
  readonly tid: number;
  /** Microseconds. */
  readonly ts: number;
  readonly dur: number;
  readonly args: Readonly<Record<string, string | number>>;
}

/** Flow start (`s`) or finish (`f`) event. */
export interface TraceFlowEvent {
  readonly ph: 's' | 'f';
  readonly name: string;
  readonly cat: string;
  readonly id: number;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly bp?: 'e';
}

export type TraceEvent = TraceMetadataEvent | TraceCompleteEvent | TraceFlowEvent;

/** The JSON object form; `displayTimeUnit` is the first key. */
export interface ChromeTrace {
  readonly displayTimeUnit: 'ms';
  readonly traceEvents: readonly TraceEvent[];
  readonly otherData: Readonly<Record<string, string | number>>;
}

export interface ChromeTraceInput {
  readonly network: Network;
  readonly platform: Platform;
  readonly evaluation: Evaluation;
  /** `simulate(evaluation, ...)` of the same evaluation. */
  readonly schedule: Schedule;
}

const CATEGORY = 'pipeline';
const US_PER_MS = 1000;

/**
 * Builds a Chrome / Perfetto trace of a simulated schedule. Open the JSON in ui.perfetto.dev or
 * chrome://tracing. O(boxes log boxes) for the final time sort.
 * @example JSON.stringify(chromeTrace({ network, platform, evaluation, schedule: simulate(evaluation, { frames: 10 }) }))
 */
export function chromeTrace(input: ChromeTraceInput): ChromeTrace {
  const { network, platform, evaluation, schedule } = input;
  const stages = evaluation.stages;
  const F = schedule.frameArrival.length;
  const layerName = (i: number): string => network.layers[i]?.name ?? `#${i}`;
  const span = (from: number, to: number): string =>
    to > from ? `${layerName(from)} .. ${layerName(to - 1)}` : '(no layers)';
  const processorName = (id: string): string => platform.processors.find((p) => p.id === id)?.name ?? id;

  // Processes in pipeline order: a processor's process is created at its first stage.
  const meta: TraceMetadataEvent[] = [];
  const pidOfProcessor = new Map<string, number>();
  const laneThread: { pid: number; tid: number }[] = [];
  let nextPid = 1;
  const newProcess = (name: string): number => {
    const pid = nextPid++;
    meta.push({ ph: 'M', name: 'process_name', pid, tid: 0, args: { name } });
    meta.push({ ph: 'M', name: 'process_sort_index', pid, tid: 0, args: { sort_index: pid } });
    return pid;
  };
  schedule.lanes.forEach((lane, l) => {
    let pid: number;
    if (lane.kind === 'processor') {
      const id = stages[lane.stage]!.processor;
      pid = pidOfProcessor.get(id) ?? newProcess(`${id}: ${processorName(id)}`);
      pidOfProcessor.set(id, pid);
    } else {
      const a = stages[lane.stage]!.processor;
      const b = stages[lane.stage + 1]!.processor;
      const link = linkBetween(platform, a, b);
      pid = newProcess(`transfer ${lane.stage + 1}→${lane.stage + 2}: ${a} → ${b}${link ? ` (${link.name})` : ''}`);
    }
    const tid = l + 1;
    laneThread[l] = { pid, tid };
    meta.push({ ph: 'M', name: 'thread_name', pid, tid, args: { name: lane.label } });
    meta.push({ ph: 'M', name: 'thread_sort_index', pid, tid, args: { sort_index: tid } });
  });

  // Rows of the schedule by (stage, frame) for each box kind.
  const S = stages.length;
  const computeRow = new Int32Array(S * F).fill(-1);
  const transferRow = new Int32Array(S * F).fill(-1);
  const rows = schedule.start.length;
  for (let r = 0; r < rows; r++) {
    const key = schedule.stage[r]! * F + schedule.frame[r]!;
    if (schedule.kind[r] === EVENT_KIND.compute) computeRow[key] = r;
    else if (schedule.kind[r] === EVENT_KIND.transfer) transferRow[key] = r;
  }

  // Flows of each frame along the pipeline: compute -> transfer -> next compute (or compute -> compute).
  const timed: (TraceCompleteEvent | TraceFlowEvent)[] = [];
  const incoming = new Map<number, number[]>(); // row -> flow ids finishing there
  const outgoing = new Map<number, number>(); // row -> flow id starting there
  let nextFlow = 1;
  const flow = (from: number, to: number): void => {
    if (from < 0 || to < 0) return;
    const id = nextFlow++;
    outgoing.set(from, id);
    incoming.set(to, [...(incoming.get(to) ?? []), id]);
  };
  for (let f = 0; f < F; f++) {
    for (let i = 0; i + 1 < S; i++) {
      const c = computeRow[i * F + f]!;
      const x = transferRow[i * F + f]!;
      const next = computeRow[(i + 1) * F + f]!;
      if (x >= 0) {
        flow(c, x);
        flow(x, next);
      } else flow(c, next);
    }
  }
  const boxArgs = (r: number): Record<string, string | number> => {
    const i = schedule.stage[r]!;
    const s = stages[i]!;
    const startMs = schedule.start[r]!;
    const endMs = schedule.end[r]!;
    const common = { stage: i + 1, frame: schedule.frame[r]!, ms: endMs - startMs, startMs, endMs };
    if (schedule.kind[r] === EVENT_KIND.compute) {
      return { ...common, processor: s.processor, units: s.units, layers: span(s.from, s.to), from: s.from, to: s.to };
    }
    // A transfer carries the tensors crossing the cut at s.to.
    return {
      ...common,
      layers: `${layerName(s.to - 1)} → ${layerName(s.to)}`,
      from: s.to - 1,
      to: s.to,
      bytes: s.transferBytes,
    };
  };
  const boxName = (r: number): string => {
    const i = schedule.stage[r]!;
    if (schedule.kind[r] === EVENT_KIND.compute) return `stage ${i + 1}`;
    return schedule.kind[r] === EVENT_KIND.send ? `send ${i + 1}→${i + 2}` : `transfer ${i + 1}→${i + 2}`;
  };
  // Rows are resource-major, i.e. in pipeline order within a frame: sort by time, then frame, then row.
  const order = Array.from({ length: rows }, (_, r) => r);
  order.sort((a, b) => schedule.start[a]! - schedule.start[b]! || schedule.frame[a]! - schedule.frame[b]! || a - b);
  for (const r of order) {
    const { pid, tid } = laneThread[schedule.lane[r]!]!;
    const ts = schedule.start[r]! * US_PER_MS;
    timed.push({
      ph: 'X',
      name: boxName(r),
      cat: CATEGORY,
      pid,
      tid,
      ts,
      dur: Math.max(0, schedule.end[r]! - schedule.start[r]!) * US_PER_MS,
      args: boxArgs(r),
    });
    for (const id of incoming.get(r) ?? []) {
      timed.push({ ph: 'f', bp: 'e', name: 'frame', cat: CATEGORY, id, pid, tid, ts });
    }
    const out = outgoing.get(r);
    if (out !== undefined) timed.push({ ph: 's', name: 'frame', cat: CATEGORY, id: out, pid, tid, ts });
  }

  const m = evaluation.metrics;
  return {
    displayTimeUnit: 'ms',
    traceEvents: [...meta, ...timed],
    otherData: {
      network: network.name,
      platform: platform.name,
      stages: S,
      frames: F,
      fps: m.fps,
      periodMs: m.periodMs,
      latencyMs: m.latencyMs,
      energyPerFrameMj: m.energyPerFrameMj,
    },
  };
}
