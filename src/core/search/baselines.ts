import type { CostTables } from '../cost/tables';
import { evaluatePlan, type EvaluateOptions } from '../plan/evaluate';
import type { Plan } from '../plan/types';
import { pairLinks, pairMs } from './links';
import type { Found } from './types';

/** Data-parallel replicas: every capable processor runs whole frames. Times ms, energy mJ. */
export interface DataParallel {
  readonly available: boolean;
  /** Why not, when unavailable. */
  readonly reason?: string;
  readonly replicas: readonly { readonly processor: string; readonly frameMs: number }[];
  readonly fps: number;
  readonly periodMs: number;
  /** The slowest replica's time for one frame, input and output transfers included. */
  readonly latencyMs: number;
  readonly energyPerFrameMj: number;
  readonly avgPowerW: number;
}

export interface Baselines {
  /** The fastest single processor on all its units (undefined if none can run the network). */
  readonly singleBest?: Found;
  /** The plan's processors and units, cut where each stage gets an equal share of the work. */
  readonly equalMacs?: Found;
  readonly dataParallel: DataParallel;
}

/** Best valid single-stage plan by period. O(P). */
export function singleBestBaseline(t: CostTables, options: EvaluateOptions = {}): Found | undefined {
  let best: Found | undefined;
  for (const proc of t.processors) {
    const plan: Plan = { stages: [{ from: 0, to: t.n, processor: proc.id, units: proc.units }] };
    const evaluation = evaluatePlan(t, plan, options);
    if (evaluation.valid && (!best || evaluation.metrics.periodMs < best.evaluation.metrics.periodMs)) {
      best = { plan, evaluation };
    }
  }
  return best;
}

/**
 * The same processors and units as `plan`, with cuts placed so that each stage
 * gets an equal share of the network's work (MACs plus other ops). What a
 * MAC-counting rule of thumb would do. O(n).
 */
export function equalMacsBaseline(t: CostTables, plan: Plan, options: EvaluateOptions = {}): Found | undefined {
  const S = plan.stages.length;
  if (S === 0 || S > t.n) return undefined;
  const cumulative = new Float64Array(t.n + 1);
  t.network.layers.forEach((l, i) => (cumulative[i + 1] = cumulative[i]! + l.macs + l.ops));
  const total = cumulative[t.n]!;
  const bounds = [0];
  let c = 1;
  for (let j = 1; j < S; j++) {
    // Earliest position reaching j/S of the work, leaving room for the remaining stages.
    while (c < t.n - (S - j) && cumulative[c]! < (total * j) / S) c++;
    c = Math.max(c, bounds[j - 1]! + 1);
    bounds.push(c);
    c++;
  }
  bounds.push(t.n);
  const stages = plan.stages.map((s, i) => ({ ...s, from: bounds[i]!, to: bounds[i + 1]! }));
  const equal: Plan = { stages };
  return { plan: equal, evaluation: evaluatePlan(t, equal, options) };
}

/**
 * Data-parallel replicas. Frames arrive at the platform's first processor (the
 * camera's host); a replica elsewhere also receives each input and returns
 * each output over its link, which occupies it (and costs link energy).
 * Throughput adds up: fps = sum of 1000 / frameMs. Energy per frame = power of
 * busy replicas plus idle power of the others, over the period.
 * Available when at least two processors can each run the whole network.
 * O(P).
 */
export function dataParallelBaseline(t: CostTables): DataParallel {
  const P = t.processors.length;
  const links = pairLinks(t);
  const source = 0;
  const replicas: { processor: string; frameMs: number; index: number; mj: number }[] = [];
  t.processors.forEach((proc, p) => {
    let frameMs = t.singleProcessorMs[p]!; // Infinity when it cannot run or hold the network
    if (!Number.isFinite(frameMs)) return;
    let mj = 0;
    if (p !== source) {
      const inMs = pairMs(links, P, source, p, t.crossing[0]!);
      const outMs = pairMs(links, P, p, source, t.crossing[t.n]!);
      if (!Number.isFinite(inMs + outMs)) return;
      frameMs += inMs + outMs;
      mj = links.mjPerByte[source * P + p]! * t.crossing[0]! + links.mjPerByte[p * P + source]! * t.crossing[t.n]!;
    }
    replicas.push({ processor: proc.id, frameMs, index: p, mj });
  });
  if (replicas.length < 2) {
    return {
      available: false,
      reason:
        replicas.length === 0
          ? 'no processor can run the whole network'
          : 'only one processor can run the whole network (unsupported ops or memory)',
      replicas: replicas.map(({ processor, frameMs }) => ({ processor, frameMs })),
      fps: NaN,
      periodMs: NaN,
      latencyMs: NaN,
      energyPerFrameMj: NaN,
      avgPowerW: NaN,
    };
  }
  const fps = replicas.reduce((a, r) => a + 1000 / r.frameMs, 0);
  const periodMs = 1000 / fps;
  const used = new Set(replicas.map((r) => r.index));
  let powerW = 0;
  t.processors.forEach((proc, p) => (powerW += used.has(p) ? proc.activePowerW : proc.idlePowerW));
  // Link energy per frame: each replica's share of frames times its per-frame link energy.
  const linkMj = replicas.reduce((a, r) => a + (1000 / r.frameMs / fps) * r.mj, 0);
  const energyPerFrameMj = powerW * periodMs + linkMj;
  return {
    available: true,
    replicas: replicas.map(({ processor, frameMs }) => ({ processor, frameMs })),
    fps,
    periodMs,
    latencyMs: Math.max(...replicas.map((r) => r.frameMs)),
    energyPerFrameMj,
    avgPowerW: energyPerFrameMj / periodMs,
  };
}
