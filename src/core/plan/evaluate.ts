import { stageActivePowerW } from '../cost/layerCost';
import type { CostTables } from '../cost/tables';
import { stageComputeMs, stageMemoryBudgetBytes, stageMemoryBytes, transferCost } from '../cost/tables';
import type { PlanProblem } from './problems';
import { planProblems } from './problems';
import type { Plan } from './types';

/** Per-stage figures of an evaluated plan. Times in ms, energy in mJ, memory in bytes. */
export interface StageMetrics {
  readonly from: number;
  readonly to: number;
  readonly processor: string;
  readonly units: number;
  /** Compute time of the stage's layers. */
  readonly computeMs: number;
  /** Transfer of this stage's output to the next stage (0 for the last). */
  readonly transferMs: number;
  /** Bytes sent to the next stage, at this stage's dtype. */
  readonly transferBytes: number;
  /** Whether the outgoing transfer runs on a DMA link beside compute. */
  readonly transferOverlaps: boolean;
  /** Time the stage's processor units are occupied per frame: compute plus its outgoing transfer when that has no DMA. */
  readonly busyMs: number;
  /** Active energy of the stage per frame: its share of active power x busy time. */
  readonly activeEnergyMj: number;
  readonly memoryBytes: number;
  /** Memory the stage may use: its units' share of the processor's memory (0 for an unknown processor). */
  readonly memoryBudgetBytes: number;
}

/** The resource that sets the period. */
export interface Bottleneck {
  readonly kind: 'stage' | 'transfer';
  /** Stage index, or for a transfer the index of the sending stage. */
  readonly index: number;
  readonly label: string;
  readonly ms: number;
}

export interface Metrics {
  /** Frames per second in steady state: 1000 / periodMs. */
  readonly fps: number;
  /** Time between frames: the busiest resource's time per frame. */
  readonly periodMs: number;
  /** One frame through an idle pipeline: all computes plus all transfers. */
  readonly latencyMs: number;
  /** Idle power of every processor over a frame interval, plus active energy of stages, plus link energy. */
  readonly energyPerFrameMj: number;
  /** Time between frames: the period, or the input interval when input is slower. */
  readonly frameIntervalMs: number;
  readonly avgPowerW: number;
  readonly bottleneck: Bottleneck;
  /** Best single processor's period divided by this plan's period. */
  readonly speedupOverBestSingle: number;
  /** Processor id of the best single-processor plan. */
  readonly bestSingleProcessor: string;
  readonly bestSinglePeriodMs: number;
  /** Busy fraction of each processor's units over a period, keyed by processor id (0 for unused). */
  readonly utilization: Readonly<Record<string, number>>;
}

/** How frames arrive. */
export interface EvaluateOptions {
  /**
   * Input rate (a camera's FPS). When set and slower than the pipeline, each frame's idle energy
   * accrues over 1000 / inputFps ms instead of the period. Omitted: frames arrive as fast as the
   * pipeline takes them.
   */
  readonly inputFps?: number;
}

export interface Evaluation {
  readonly stages: readonly StageMetrics[];
  readonly metrics: Metrics;
  readonly valid: boolean;
  readonly problems: readonly PlanProblem[];
}

/**
 * Evaluates a plan from cost tables: per-stage times, period, FPS, latency,
 * energy, power, utilization, memory and bottleneck. A plan with problems is
 * still evaluated as far as it can be (unknown processors cost Infinity).
 *
 * Complexity: O(stages + processors); no per-layer work.
 * @example evaluatePlan(tables, planFromSpec({ cuts: [80], procs: ['big', 'npu'] }, n, unitsOf)).metrics.fps
 */
export function evaluatePlan(t: CostTables, plan: Plan, options: EvaluateOptions = {}): Evaluation {
  const problems = planProblems(t, plan);
  const stages = plan.stages;
  const S = stages.length;
  const procIdx = new Int32Array(S);
  const compute = new Float64Array(S);
  const busy = new Float64Array(S);
  const xferMs = new Float64Array(S);
  const xferBytes = new Float64Array(S);
  const xferOverlap: boolean[] = new Array<boolean>(S).fill(true);
  let linkEnergyMj = 0;

  for (let i = 0; i < S; i++) {
    const s = stages[i]!;
    const p = t.processorIndex.get(s.processor) ?? -1;
    procIdx[i] = p;
    const unitsOk = p >= 0 && s.units >= 1 && s.units <= t.processors[p]!.units && Number.isInteger(s.units);
    compute[i] = unitsOk && s.to >= s.from ? stageComputeMs(t, p, s.units, s.from, s.to) : Infinity;
    busy[i] = compute[i]!;
  }
  for (let i = 0; i + 1 < S; i++) {
    const p = procIdx[i]!;
    const q = procIdx[i + 1]!;
    if (p < 0 || q < 0) {
      xferMs[i] = Infinity;
      continue;
    }
    const x = transferCost(t, stages[i]!.to, p, q);
    xferMs[i] = x.ms;
    xferBytes[i] = x.bytes;
    linkEnergyMj += x.mj;
    if (x.link && !x.link.overlapsCompute) {
      // No DMA: the sender's thread pushes the tensor into the receiver's (double-buffered) input,
      // so the sender is occupied and the receiver keeps computing the previous frame.
      xferOverlap[i] = false;
      busy[i]! += x.ms;
    }
  }

  let periodMs = 0;
  let bottleneck: Bottleneck = { kind: 'stage', index: 0, label: 'none', ms: 0 };
  for (let i = 0; i < S; i++) {
    if (busy[i]! > periodMs || i === 0) {
      periodMs = busy[i]!;
      bottleneck = { kind: 'stage', index: i, label: stageLabel(t, stages[i]!, i), ms: busy[i]! };
    }
    if (i + 1 < S && xferOverlap[i] && xferMs[i]! > periodMs) {
      periodMs = xferMs[i]!;
      bottleneck = {
        kind: 'transfer',
        index: i,
        label: `transfer ${i + 1}→${i + 2} (${stages[i]!.processor}→${stages[i + 1]!.processor})`,
        ms: xferMs[i]!,
      };
    }
  }

  let latencyMs = 0;
  for (let i = 0; i < S; i++) latencyMs += compute[i]! + xferMs[i]!;

  const P = t.processors.length;
  const busyUnitMs = new Float64Array(P);
  const inputIntervalMs = options.inputFps && options.inputFps > 0 ? 1000 / options.inputFps : 0;
  const frameIntervalMs = Math.max(periodMs, inputIntervalMs);
  let energyMj = linkEnergyMj;
  for (let p = 0; p < P; p++) energyMj += t.processors[p]!.idlePowerW * frameIntervalMs; // W x ms = mJ
  const stageMetrics: StageMetrics[] = stages.map((s, i) => {
    const p = procIdx[i]!;
    let activeEnergyMj = 0;
    let memoryBytes = 0;
    let memoryBudgetBytes = 0;
    if (p >= 0) {
      const proc = t.processors[p]!;
      const share = s.units / proc.units;
      activeEnergyMj = stageActivePowerW(proc, s.units) * busy[i]!;
      energyMj += (proc.activePowerW - proc.idlePowerW) * share * busy[i]!;
      busyUnitMs[p]! += busy[i]! * s.units;
      memoryBytes = stageMemoryBytes(t, p, s.from, s.to);
      memoryBudgetBytes = stageMemoryBudgetBytes(proc, s.units);
    }
    return {
      from: s.from,
      to: s.to,
      processor: s.processor,
      units: s.units,
      computeMs: compute[i]!,
      transferMs: xferMs[i]!,
      transferBytes: xferBytes[i]!,
      transferOverlaps: xferOverlap[i]!,
      busyMs: busy[i]!,
      activeEnergyMj,
      memoryBytes,
      memoryBudgetBytes,
    };
  });

  const utilization: Record<string, number> = {};
  for (let p = 0; p < P; p++) {
    const proc = t.processors[p]!;
    utilization[proc.id] = periodMs > 0 ? busyUnitMs[p]! / (proc.units * periodMs) : 0;
  }
  const best = bestSingle(t);
  return {
    stages: stageMetrics,
    metrics: {
      fps: 1000 / periodMs,
      periodMs,
      latencyMs,
      energyPerFrameMj: energyMj,
      frameIntervalMs,
      avgPowerW: energyMj / frameIntervalMs,
      bottleneck,
      speedupOverBestSingle: best.ms / periodMs,
      bestSingleProcessor: best.id,
      bestSinglePeriodMs: best.ms,
      utilization,
    },
    valid: problems.length === 0,
    problems,
  };
}

/** The fastest processor running the whole network alone on all its units. O(processors). */
export function bestSingle(t: CostTables): { id: string; ms: number } {
  let best = { id: '', ms: Infinity };
  t.singleProcessorMs.forEach((ms, p) => {
    if (ms < best.ms) best = { id: t.processors[p]!.id, ms };
  });
  return best;
}

function stageLabel(t: CostTables, s: { processor: string; units: number }, i: number): string {
  const p = t.processorIndex.get(s.processor);
  const proc = p === undefined ? undefined : t.processors[p];
  const units = proc && proc.units > 1 ? ` ×${s.units}` : '';
  return `stage ${i + 1} (${s.processor}${units})`;
}
