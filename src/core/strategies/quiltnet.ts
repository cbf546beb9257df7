import { layerTimeMs } from '../cost/layerCost';
import type { CostTables } from '../cost/tables';
import { stageComputeMs, transferCost } from '../cost/tables';
import type { Layer } from '../model/types';
import { evaluatePlan, type Evaluation, type StageMetrics } from '../plan/evaluate';
import type { Plan } from '../plan/types';
import type { Processor } from '../platform/types';
import { dtypeBytes } from '../units';

/*
 * QuiltNet (Park et al., DAC 2022): an autoencoder on a pipeline cut. The encoder, a 1x1 convolution
 * C -> C/r on the sending processor, shrinks each crossing tensor r-fold; the decoder, a 1x1
 * convolution C/r -> C on the receiving processor, restores it. So per crossing tensor of E elements
 * and C channels (shape[1]):
 *   encoder MACs = decoder MACs = E * C / r,   weights = C * C / r,   link bytes = bytes / r.
 * Vector tensors ([N, C]) use the same formula (a C -> C/r fully connected layer).
 */

/** Accuracy loss (top-1 percentage points) per compression ratio: ESTIMATES, not QuiltNet's figures. */
export const DEFAULT_ACCURACY_LOSS_PCT: Readonly<Record<number, number>> = {
  // estimate: a trained bottleneck autoencoder at one cut costs little at 2-4x and more as it
  // squeezes harder; QuiltNet reports "minimal accuracy loss" without a per-ratio table.
  2: 0.1,
  4: 0.3,
  8: 0.8,
  16: 2.0,
};

/** The compression choices and the accuracy budget the search respects. */
export interface CodecOptions {
  /** Ratios a cut may use besides 1 (no autoencoder); each in 2..16. */
  readonly ratios?: readonly number[];
  /** Accuracy loss per ratio, percentage points; defaults to DEFAULT_ACCURACY_LOSS_PCT (estimates). */
  readonly accuracyLossPct?: Readonly<Record<number, number>>;
  /** Largest total accuracy loss over all cuts, percentage points (default 1). */
  readonly maxAccuracyLossPct?: number;
}

export const DEFAULT_RATIOS: readonly number[] = [2, 4, 8, 16];

/**
 * Per-cut sums over the crossing tensors that size an autoencoder at ratio 1:
 * macs[c] = sum of E * C, weightElems[c] = sum of C * C. Divide both by r. O(n + tensors).
 */
export interface CodecTable {
  readonly macs: Float64Array;
  readonly weightElems: Float64Array;
}

/** Builds the codec table of a network (difference arrays over tensor lifetimes). O(n + tensors). @example codecTable(t).macs[40] / 4 // encoder MACs of cut 40 at 4x */
export function codecTable(t: Pick<CostTables, 'network' | 'n'>): CodecTable {
  const net = t.network;
  const dm = new Float64Array(t.n + 2);
  const dw = new Float64Array(t.n + 2);
  net.tensors.forEach((tensor, i) => {
    const last = net.lastUse[i]!;
    if (last < 0) return;
    const p = net.producer[i]!;
    const elems = tensor.shape.reduce((a, b) => a * b, 1);
    const channels = tensor.shape[1] ?? 1;
    dm[p + 1]! += elems * channels;
    dm[last + 1]! -= elems * channels;
    dw[p + 1]! += channels * channels;
    dw[last + 1]! -= channels * channels;
  });
  const macs = new Float64Array(t.n + 1);
  const weightElems = new Float64Array(t.n + 1);
  let m = 0;
  let w = 0;
  for (let c = 0; c <= t.n; c++) {
    m += dm[c]!;
    w += dw[c]!;
    macs[c] = m;
    weightElems[c] = w;
  }
  return { macs, weightElems };
}

/**
 * The encoder (or decoder) of cut c at ratio r as a layer the cost model can time: a 1x1
 * convolution reading X(c) (or X(c)/r) and writing X(c)/r (or X(c)). O(1).
 */
export function codecLayer(t: CostTables, codec: CodecTable, c: number, r: number, side: 'encode' | 'decode'): Layer {
  const full = t.crossing[c]!;
  const weightBytes = (codec.weightElems[c]! / r) * dtypeBytes(t.network.dtype);
  const input = side === 'encode' ? full : full / r;
  const output = side === 'encode' ? full / r : full;
  return {
    index: -1,
    name: `${side === 'encode' ? 'encoder' : 'decoder'}@${c}`,
    op: 'Conv',
    opClass: 'conv',
    inputs: [],
    outputs: [],
    params: codec.weightElems[c]! / r,
    macs: codec.macs[c]! / r,
    ops: 0,
    bytesRead: input + weightBytes,
    bytesWritten: output,
    weightBytes,
    block: [],
    attrs: { kernel: [1, 1], ratio: r },
  };
}

/** Ms of cut c's encoder or decoder at ratio r on k units of a processor (0 at r = 1). O(1). */
export function codecMs(
  t: CostTables,
  codec: CodecTable,
  c: number,
  r: number,
  proc: Processor,
  k: number,
  side: 'encode' | 'decode',
): number {
  if (r <= 1) return 0;
  return layerTimeMs(codecLayer(t, codec, c, r, side), proc, k, t.network.dtype);
}

/** Stage figures with the autoencoder boxes the Gantt draws inside the stage's compute. */
export interface CompressedStageMetrics extends StageMetrics {
  /** Decoder of the incoming cut, ms (0 without one); included in computeMs. */
  readonly decodeMs: number;
  /** Encoder of the outgoing cut, ms (0 without one); included in computeMs. */
  readonly encodeMs: number;
  /** Compression ratio of the outgoing cut (1 = none). */
  readonly outRatio: number;
}

export interface CompressedEvaluation extends Evaluation {
  readonly stages: readonly CompressedStageMetrics[];
  /** Ratio per cut actually applied (1 where consecutive stages share a processor: nothing moves). */
  readonly ratios: readonly number[];
  /** Sum of the accuracy-loss figures of the applied ratios, percentage points. */
  readonly accuracyLossPct: number;
}

/**
 * Evaluates a plan with an autoencoder of ratio `ratios[i]` on cut i (between stages i and i + 1):
 * the encoder runs on stage i after its layers, the link carries bytes / r, the decoder runs on
 * stage i + 1 before its layers. Period, latency and energy follow `evaluatePlan` exactly (the
 * stage's compute now includes its encoder and decoder), so with every ratio 1 the figures equal
 * evaluatePlan's (frames arriving as fast as the pipeline takes them). Problems, memory and the
 * best-single reference come from evaluatePlan; the autoencoders' weights (C^2/r per tensor, small
 * beside a stage's) are not added to stage memory.
 * O(stages + processors).
 * @example evaluateCompressedPlan(t, planFromSpec({ cuts: [40], procs: ['chip0', 'chip1'] }, t.n, () => 1), [4]).stages[0].encodeMs
 */
export function evaluateCompressedPlan(
  t: CostTables,
  plan: Plan,
  ratios: readonly number[],
  codec: CodecTable = codecTable(t),
  lossPct: Readonly<Record<number, number>> = DEFAULT_ACCURACY_LOSS_PCT,
): CompressedEvaluation {
  const base = evaluatePlan(t, plan);
  const stages = plan.stages;
  const S = stages.length;
  const proc = stages.map((s) => t.processorIndex.get(s.processor) ?? -1);
  const applied = stages.slice(0, -1).map((_, i) => {
    const r = ratios[i] ?? 1;
    return proc[i]! >= 0 && proc[i]! !== proc[i + 1]! && r > 1 ? r : 1;
  });
  const enc = new Float64Array(S);
  const dec = new Float64Array(S);
  const compute = new Float64Array(S);
  const busy = new Float64Array(S);
  const xferMs = new Float64Array(S);
  const xferBytes = new Float64Array(S);
  const overlap: boolean[] = new Array<boolean>(S).fill(true);
  let linkMj = 0;
  for (let i = 0; i < S; i++) {
    const p = proc[i]!;
    const s = stages[i]!;
    if (p < 0 || !Number.isFinite(base.stages[i]!.computeMs)) {
      compute[i] = Infinity;
      continue;
    }
    const pr = t.processors[p]!;
    if (i + 1 < S) enc[i] = codecMs(t, codec, s.to, applied[i]!, pr, s.units, 'encode');
    if (i > 0) dec[i] = codecMs(t, codec, s.from, applied[i - 1]!, pr, s.units, 'decode');
    compute[i] = stageComputeMs(t, p, s.units, s.from, s.to) + enc[i]! + dec[i]!;
  }
  for (let i = 0; i < S; i++) busy[i] = compute[i]!;
  for (let i = 0; i + 1 < S; i++) {
    const p = proc[i]!;
    const q = proc[i + 1]!;
    if (p < 0 || q < 0) {
      xferMs[i] = Infinity;
      continue;
    }
    const x = transferCost(t, stages[i]!.to, p, q);
    const r = applied[i]!;
    xferBytes[i] = x.bytes / r;
    xferMs[i] = x.link ? x.link.latencyUs / 1000 + (xferBytes[i]! / (x.link.bandwidthGBs * 1e9)) * 1000 : x.ms;
    linkMj += x.mj / r;
    if (x.link && !x.link.overlapsCompute) {
      overlap[i] = false;
      busy[i]! += xferMs[i]!;
    }
  }
  let periodMs = 0;
  let bottleneck = base.metrics.bottleneck;
  for (let i = 0; i < S; i++) {
    if (busy[i]! > periodMs || i === 0) {
      periodMs = busy[i]!;
      bottleneck = { kind: 'stage', index: i, label: `stage ${i + 1} (${stages[i]!.processor})`, ms: busy[i]! };
    }
    if (i + 1 < S && overlap[i] && xferMs[i]! > periodMs) {
      periodMs = xferMs[i]!;
      bottleneck = { kind: 'transfer', index: i, label: `transfer ${i + 1}→${i + 2}`, ms: xferMs[i]! };
    }
  }
  let latencyMs = 0;
  for (let i = 0; i < S; i++) latencyMs += compute[i]! + xferMs[i]!;
  let energyMj = linkMj;
  for (const pr of t.processors) energyMj += pr.idlePowerW * periodMs;
  const busyUnitMs = new Float64Array(t.processors.length);
  const stageMetrics: CompressedStageMetrics[] = stages.map((s, i) => {
    const p = proc[i]!;
    let activeEnergyMj = 0;
    if (p >= 0) {
      const pr = t.processors[p]!;
      activeEnergyMj = ((pr.activePowerW * s.units) / pr.units) * busy[i]!;
      energyMj += (pr.activePowerW - pr.idlePowerW) * (s.units / pr.units) * busy[i]!;
      busyUnitMs[p]! += busy[i]! * s.units;
    }
    const b = base.stages[i]!;
    // Fields listed, not spread: spreading then overriding made this loop ~10x slower in V8.
    return {
      from: b.from,
      to: b.to,
      processor: b.processor,
      units: b.units,
      memoryBytes: b.memoryBytes,
      memoryBudgetBytes: b.memoryBudgetBytes,
      computeMs: compute[i]!,
      transferMs: xferMs[i]!,
      transferBytes: xferBytes[i]!,
      transferOverlaps: overlap[i]!,
      busyMs: busy[i]!,
      activeEnergyMj,
      decodeMs: dec[i]!,
      encodeMs: enc[i]!,
      outRatio: i + 1 < S ? applied[i]! : 1,
    };
  });
  const utilization: Record<string, number> = {};
  t.processors.forEach((pr, p) => {
    utilization[pr.id] = periodMs > 0 ? busyUnitMs[p]! / (pr.units * periodMs) : 0;
  });
  return {
    ...base,
    stages: stageMetrics,
    metrics: {
      ...base.metrics,
      fps: 1000 / periodMs,
      periodMs,
      latencyMs,
      energyPerFrameMj: energyMj,
      frameIntervalMs: periodMs,
      avgPowerW: energyMj / periodMs,
      bottleneck,
      speedupOverBestSingle: base.metrics.bestSinglePeriodMs / periodMs,
      utilization,
    },
    ratios: applied,
    accuracyLossPct: applied.reduce((a, r) => a + (r > 1 ? (lossPct[r] ?? Infinity) : 0), 0),
  };
}
