import type { Evaluation } from '../plan/evaluate';

/** What a Gantt box shows. */
export const EVENT_KIND = {
  compute: 0,
  transfer: 1,
  send: 2,
  /** A QuiltNet autoencoder's encoder or decoder, inside a stage's compute (strategies/quiltnetGantt.ts). */
  encode: 3,
  decode: 4,
} as const;

export interface Lane {
  readonly id: string;
  readonly label: string;
  readonly kind: 'processor' | 'link';
  /** Stage index for processor lanes; sending stage index for link lanes. */
  readonly stage: number;
}

/**
 * Gantt events in columns (typed arrays), one row per box. Columnar so a
 * worker can transfer them without copying and a canvas can draw 10^5 boxes.
 */
export interface Schedule {
  readonly lanes: readonly Lane[];
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly lane: Uint16Array;
  readonly stage: Uint16Array;
  readonly frame: Uint32Array;
  /** EVENT_KIND values. */
  readonly kind: Uint8Array;
  /** Per frame: when its input arrived and when it left the last stage, ms. */
  readonly frameArrival: Float64Array;
  readonly frameDone: Float64Array;
  /** Time the last frame leaves, ms. */
  readonly makespanMs: number;
}

export interface SimulateOptions {
  /** Frames to simulate (>= 1). */
  readonly frames: number;
  /** Ms between input frames; 0 means every frame is waiting at time 0. */
  readonly inputIntervalMs?: number;
  /** Frames each buffer between consecutive resources holds (>= 1). */
  readonly queueCapacity?: number;
}

/**
 * Discrete-event simulation of F frames through the plan's pipeline.
 *
 * Resources form a line: stage 0, its outgoing link, stage 1, ... Each stage
 * and each DMA link serves frames in order; a buffer of `queueCapacity`
 * frames sits between consecutive resources and a resource holds a finished
 * frame until the next buffer has room (blocking after service). A link
 * without DMA is a push: the sender's thread moves the tensor into the
 * receiver's buffer once it has room, and the sender is occupied until the
 * transfer ends (a `send` box on its lane). Same-processor hand-offs have no link.
 *
 * Why a recurrence instead of an event queue: with deterministic times and
 * FIFO resources on a line, every start time is a max over two or three
 * known times, so F frames x R resources cost O(F * R) with no heap.
 * In steady state the spacing of frames equals the evaluation's period.
 */
export function simulate(evaluation: Evaluation, options: SimulateOptions): Schedule {
  const F = Math.max(1, Math.floor(options.frames));
  const interval = Math.max(0, options.inputIntervalMs ?? 0);
  const Q = Math.max(1, Math.floor(options.queueCapacity ?? 2));
  const stages = evaluation.stages;
  const S = stages.length;

  // Resources in line order; `link` resources exist only for real transfers.
  interface Resource {
    kind: 'stage' | 'dma' | 'push';
    stage: number;
    ms: number;
    lane: number;
  }
  const lanes: Lane[] = [];
  const resources: Resource[] = [];
  const usesOfProcessor = new Map<string, number>();
  for (const s of stages) usesOfProcessor.set(s.processor, (usesOfProcessor.get(s.processor) ?? 0) + 1);
  for (let i = 0; i < S; i++) {
    const s = stages[i]!;
    const shared = (usesOfProcessor.get(s.processor) ?? 0) > 1;
    lanes.push({
      id: `stage-${i}`,
      label: shared ? `${s.processor} ×${s.units} (stage ${i + 1})` : `${s.processor} (stage ${i + 1})`,
      kind: 'processor',
      stage: i,
    });
    resources.push({ kind: 'stage', stage: i, ms: s.computeMs, lane: lanes.length - 1 });
    if (i + 1 < S && s.transferMs > 0) {
      lanes.push({
        id: `link-${i}`,
        label: `${s.processor} → ${stages[i + 1]!.processor}`,
        kind: 'link',
        stage: i,
      });
      resources.push({
        kind: s.transferOverlaps ? 'dma' : 'push',
        stage: i,
        ms: s.transferMs,
        lane: lanes.length - 1,
      });
    }
  }

  const R = resources.length;
  const start = resources.map(() => new Float64Array(F));
  const end = resources.map(() => new Float64Array(F));
  const depart = resources.map(() => new Float64Array(F));
  const frameArrival = new Float64Array(F);
  const frameDone = new Float64Array(F);

  for (let f = 0; f < F; f++) {
    frameArrival[f] = f * interval;
    for (let j = 0; j < R; j++) {
      const r = resources[j]!;
      const next = resources[j + 1];
      // Blocking after service: frame f may enter the buffer before resource j + 1 once frame f - Q has left it.
      const room = next && f >= Q ? start[j + 1]![f - Q]! : 0;
      if (r.kind === 'push') {
        // The sender (resource j - 1) finished computing; the transfer waits for room at the receiver.
        start[j]![f] = Math.max(end[j - 1]![f]!, room);
        end[j]![f] = start[j]![f]! + r.ms;
        depart[j]![f] = end[j]![f]!;
        depart[j - 1]![f] = end[j]![f]!; // the sender is occupied until the push completes
        continue;
      }
      const ready = j === 0 ? frameArrival[f]! : depart[j - 1]![f]!;
      const free = f > 0 ? depart[j]![f - 1]! : 0;
      start[j]![f] = Math.max(ready, free);
      end[j]![f] = start[j]![f]! + r.ms;
      // Before a push, the push itself sets this resource's departure.
      depart[j]![f] = next?.kind === 'push' ? end[j]![f]! : Math.max(end[j]![f]!, room);
    }
    frameDone[f] = end[R - 1]![f]!;
  }

  // Pack boxes into columns: one per (resource, frame), plus a send box on the sender's lane for each push.
  let rows = R * F;
  for (const r of resources) if (r.kind === 'push') rows += F;
  const out = {
    start: new Float64Array(rows),
    end: new Float64Array(rows),
    lane: new Uint16Array(rows),
    stage: new Uint16Array(rows),
    frame: new Uint32Array(rows),
    kind: new Uint8Array(rows),
  };
  let row = 0;
  const push = (s0: number, e0: number, lane: number, stage: number, frame: number, kind: number): void => {
    out.start[row] = s0;
    out.end[row] = e0;
    out.lane[row] = lane;
    out.stage[row] = stage;
    out.frame[row] = frame;
    out.kind[row] = kind;
    row++;
  };
  for (let j = 0; j < R; j++) {
    const r = resources[j]!;
    for (let f = 0; f < F; f++) {
      const kind = r.kind === 'stage' ? EVENT_KIND.compute : EVENT_KIND.transfer;
      push(start[j]![f]!, end[j]![f]!, r.lane, r.stage, f, kind);
      if (r.kind === 'push') push(start[j]![f]!, end[j]![f]!, resources[j - 1]!.lane, r.stage, f, EVENT_KIND.send);
    }
  }
  return { lanes, ...out, frameArrival, frameDone, makespanMs: frameDone[F - 1]! };
}

/**
 * Steady-state spacing of frames leaving the pipeline, ms: the gap between the
 * last two frames (equals the evaluation's period once the pipeline is full).
 */
export function measuredPeriodMs(schedule: Schedule): number {
  const d = schedule.frameDone;
  return d.length < 2 ? NaN : d[d.length - 1]! - d[d.length - 2]!;
}
