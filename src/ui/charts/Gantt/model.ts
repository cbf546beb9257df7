import { formatFps, formatMs } from '../../../core/format';
import type { Network } from '../../../core/model/types';
import type { Evaluation } from '../../../core/plan/evaluate';
import type { Lane, Schedule } from '../../../core/schedule/simulate';

/** Vertical layout, CSS px. Lanes are stacked between a marker row on top and the completion row and axis below. */
export const LAYOUT = {
  /** Left gutter for lane labels. */
  gutter: 168,
  rightPad: 20,
  /** Row above the lanes holding the latency bracket. */
  top: 30,
  processorLane: 34,
  linkLane: 24,
  /** Vertical padding of a box inside its lane. */
  boxPad: 5,
  /** Row below the lanes: one mark per completed frame, and the period bracket. */
  completions: 32,
  axis: 24,
} as const;

/** One lane of the chart with its vertical extent and its boxes (row indices into the schedule, by start). */
export interface GanttLane extends Lane {
  readonly top: number;
  readonly height: number;
  readonly bottleneck: boolean;
  readonly rows: Uint32Array;
}

/** What a tooltip needs to say about a stage, read from the evaluation and the network. */
export interface GanttStageInfo {
  readonly processor: string;
  readonly units: number;
  readonly from: number;
  readonly to: number;
  readonly firstLayer: string;
  readonly lastLayer: string;
  readonly computeMs: number;
  readonly transferMs: number;
  readonly transferBytes: number;
  /** `big → gpu` when the stage sends to another processor, else ''. */
  readonly link: string;
  readonly transferOverlaps: boolean;
}

/** Everything the renderer and hit-testing read: no costs are computed here, only arranged. */
export interface GanttModel {
  readonly schedule: Schedule;
  readonly lanes: readonly GanttLane[];
  readonly stages: readonly GanttStageInfo[];
  readonly frames: number;
  readonly periodMs: number;
  readonly latencyMs: number;
  readonly fps: number;
  /** Two consecutive completions in steady state (the last two frames), ms. */
  readonly periodMark: { readonly from: number; readonly to: number };
  /** Frame 0 from arrival to done: the latency through an idle pipeline, ms. */
  readonly latencyMark: { readonly from: number; readonly to: number };
  readonly bottleneckLabel: string;
  /** Index into lanes, or -1. */
  readonly bottleneckLane: number;
  /** False when some time is infinite (an invalid plan): nothing to draw. */
  readonly finite: boolean;
  /** Time span of the whole schedule, ms. */
  readonly endMs: number;
  readonly lanesTop: number;
  readonly lanesBottom: number;
  readonly height: number;
  /** One sentence for screen readers and the canvas' aria-label. */
  readonly summary: string;
  readonly periodText: string;
  readonly latencyText: string;
}

/**
 * Arranges a simulated schedule for drawing: lane rectangles, rows per lane
 * sorted by start (for binary-search hit-testing), marks for period and
 * latency, labels. O(events log events + lanes).
 */
export function buildGanttModel(schedule: Schedule, evaluation: Evaluation, network: Network): GanttModel {
  const m = evaluation.metrics;
  const bn = m.bottleneck;
  const bnLaneId = bn.kind === 'stage' ? `stage-${bn.index}` : `link-${bn.index}`;

  // Rows per lane, bucketed in one pass then sorted by start.
  const perLane: number[][] = schedule.lanes.map(() => []);
  for (let i = 0; i < schedule.start.length; i++) perLane[schedule.lane[i]!]!.push(i);

  let y: number = LAYOUT.top;
  const lanes: GanttLane[] = schedule.lanes.map((lane, i) => {
    const height = lane.kind === 'processor' ? LAYOUT.processorLane : LAYOUT.linkLane;
    const rows = Uint32Array.from(perLane[i]!);
    // simulate() emits each resource's frames in order; only lanes shared with send boxes need sorting.
    if (!sortedByStart(rows, schedule.start)) rows.sort((a, b) => schedule.start[a]! - schedule.start[b]!);
    const out: GanttLane = { ...lane, top: y, height, bottleneck: lane.id === bnLaneId, rows };
    y += height;
    return out;
  });
  const lanesBottom = y;

  const stages: GanttStageInfo[] = evaluation.stages.map((s, i) => {
    const next = evaluation.stages[i + 1];
    return {
      processor: s.processor,
      units: s.units,
      from: s.from,
      to: s.to,
      firstLayer: network.layers[s.from]?.name ?? '?',
      lastLayer: network.layers[s.to - 1]?.name ?? '?',
      computeMs: s.computeMs,
      transferMs: s.transferMs,
      transferBytes: s.transferBytes,
      link: next && next.processor !== s.processor ? `${s.processor} → ${next.processor}` : '',
      transferOverlaps: s.transferOverlaps,
    };
  });

  const F = schedule.frameDone.length;
  const done = schedule.frameDone;
  const periodMark = F >= 2 ? { from: done[F - 2]!, to: done[F - 1]! } : { from: 0, to: done[0] ?? 0 };
  const latencyMark = { from: schedule.frameArrival[0] ?? 0, to: done[0] ?? 0 };
  let finite = Number.isFinite(schedule.makespanMs) && schedule.makespanMs > 0;
  for (let i = 0; finite && i < schedule.end.length; i++) finite = Number.isFinite(schedule.end[i]!);

  const periodText = `period ${formatMs(m.periodMs)} ms`;
  const latencyText = `latency ${formatMs(m.latencyMs)} ms`;
  const S = evaluation.stages.length;
  const summary =
    `Pipeline of ${S} stage${S === 1 ? '' : 's'} over ${F} frames, ${periodText} (${formatFps(m.fps)} FPS), ` +
    `${latencyText}, bottleneck ${bn.label}. Lanes: ${lanes.map((l) => l.label).join('; ')}.`;

  return {
    schedule,
    lanes,
    stages,
    frames: F,
    periodMs: m.periodMs,
    latencyMs: m.latencyMs,
    fps: m.fps,
    periodMark,
    latencyMark,
    bottleneckLabel: bn.label,
    bottleneckLane: lanes.findIndex((l) => l.bottleneck),
    finite,
    endMs: finite ? schedule.makespanMs : 1,
    lanesTop: LAYOUT.top,
    lanesBottom,
    height: lanesBottom + LAYOUT.completions + LAYOUT.axis,
    summary,
    periodText,
    latencyText,
  };
}

function sortedByStart(rows: Uint32Array, start: Float64Array): boolean {
  for (let k = 1; k < rows.length; k++) if (start[rows[k]!]! < start[rows[k - 1]!]!) return false;
  return true;
}
