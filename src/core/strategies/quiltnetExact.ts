import type { CostTables } from '../cost/tables';
import { stageMemoryBudgetBytes, stageMemoryBytes, transferCost } from '../cost/tables';
import type { Plan } from '../plan/types';
import { codecMs, codecTable, DEFAULT_ACCURACY_LOSS_PCT, DEFAULT_RATIOS, type CodecOptions } from './quiltnet';

/** Most processors the exact search accepts (its state holds the set of processors used). */
export const EXACT_MAX_PROCESSORS = 10;

interface Label {
  readonly value: number; // the plan prefix's bottleneck so far, ms
  readonly loss: number; // accuracy loss used so far, percentage points
  readonly parent: Label | undefined;
  readonly from: number; // the stage that ends here: [from, to) on proc
  readonly to: number;
  readonly proc: number;
  readonly ratio: number; // the ratio of the cut at `to` (1 at the end)
}

/**
 * The exact max-FPS plan with autoencoders when every stage takes a whole processor and each
 * processor runs at most one stage (the QuiltNet setting: one chip per stage; on platforms whose
 * processors all have one unit, that is every plan). Exact over the number of stages, the cuts, the
 * processor order and a ratio per cut, under the accuracy budget, op support, memory and links.
 *
 * Dynamic programming over labels (next stage start c, processors used, next processor r, incoming
 * ratio) holding Pareto-optimal (bottleneck so far, accuracy loss used) pairs; a stage [c, c') on r
 * costs compute + decoder(incoming) + encoder(outgoing) (+ the transfer when the link has no DMA),
 * a DMA transfer is its own resource. Labels above `upperBoundMs` are pruned, and a stage stops
 * growing once its compute alone exceeds it.
 *
 * Complexity: O(n^2 * 2^P * P^2 * R^2 * front size) in the worst case; the bound prunes most of it.
 * Returns undefined when no plan reaches `upperBoundMs` or P > EXACT_MAX_PROCESSORS.
 * @example searchCompressedExact(t, { ratios: [2, 4], maxAccuracyLossPct: 0.5 })?.ratios // e.g. [4, 1, 1]
 */
export function searchCompressedExact(
  t: CostTables,
  options: CodecOptions & { readonly upperBoundMs?: number } = {},
): { plan: Plan; ratios: number[]; periodMs: number } | undefined {
  const P = t.processors.length;
  if (P > EXACT_MAX_PROCESSORS) return undefined;
  const n = t.n;
  const ratios = [1, ...(options.ratios ?? DEFAULT_RATIOS)];
  const R = ratios.length;
  const lossOf = options.accuracyLossPct ?? DEFAULT_ACCURACY_LOSS_PCT;
  const loss = ratios.map((r) => (r === 1 ? 0 : (lossOf[r] ?? Infinity)));
  const budget = (options.maxAccuracyLossPct ?? 1) + 1e-12;
  const ub = options.upperBoundMs ?? Infinity;
  const codec = codecTable(t);

  // Codec times per (processor, ratio, cut) and transfer times per (pair, ratio, cut), precomputed.
  const enc = new Float64Array(P * R * (n + 1));
  const dec = new Float64Array(P * R * (n + 1));
  for (let p = 0; p < P; p++) {
    const proc = t.processors[p]!;
    for (let ri = 1; ri < R; ri++) {
      for (let c = 1; c < n; c++) {
        enc[(p * R + ri) * (n + 1) + c] = codecMs(t, codec, c, ratios[ri]!, proc, proc.units, 'encode');
        dec[(p * R + ri) * (n + 1) + c] = codecMs(t, codec, c, ratios[ri]!, proc, proc.units, 'decode');
      }
    }
  }
  // xfer[((p * P + q) * R + ri) * (n + 1) + c]: transfer ms of cut c from p to q at ratio ri.
  const xfer = new Float64Array(P * P * R * (n + 1)).fill(Infinity);
  const dma = new Uint8Array(P * P);
  for (let p = 0; p < P; p++) {
    for (let q = 0; q < P; q++) {
      if (p === q) continue;
      for (let c = 1; c < n; c++) {
        const x = transferCost(t, c, p, q);
        if (!x.link) break;
        dma[p * P + q] = x.link.overlapsCompute ? 1 : 0;
        for (let ri = 0; ri < R; ri++) {
          xfer[((p * P + q) * R + ri) * (n + 1) + c] =
            x.link.latencyUs / 1000 + (x.bytes / ratios[ri]! / (x.link.bandwidthGBs * 1e9)) * 1000;
        }
      }
    }
  }
  // Lower bound on what is left: layers [c, n) on m processors take at least minSuffix[c] / m, where
  // minSuffix sums each layer's time on its fastest processor (whole units).
  const minSuffix = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    let m = Infinity;
    for (let p = 0; p < P; p++) {
      const pre = t.timePrefix[p]![t.processors[p]!.units - 1]!;
      m = Math.min(m, pre[i + 1]! - pre[i]!);
    }
    minSuffix[i] = minSuffix[i + 1]! + m;
  }
  const popcount = (m: number): number => {
    let k = 0;
    for (let x = m; x; x &= x - 1) k++;
    return k;
  };

  // fronts[c]: key (mask * P + r) * R + ri -> Pareto labels at stage start c.
  const fronts: Map<number, Label[]>[] = Array.from({ length: n + 1 }, () => new Map());
  const offer = (c: number, key: number, label: Label): void => {
    const list = fronts[c]!.get(key);
    if (!list) {
      fronts[c]!.set(key, [label]);
      return;
    }
    for (const l of list) if (l.value <= label.value && l.loss <= label.loss) return;
    fronts[c]!.set(key, [...list.filter((l) => !(label.value <= l.value && label.loss <= l.loss)), label]);
  };
  for (let r = 0; r < P; r++) {
    offer(0, ((1 << r) * P + r) * R, { value: 0, loss: 0, parent: undefined, from: 0, to: 0, proc: -1, ratio: 1 });
  }

  let best: Label | undefined;
  for (let c = 0; c < n; c++) {
    for (const [key, labels] of fronts[c]!) {
      const ri = key % R;
      const r = ((key - ri) / R) % P;
      const mask = Math.floor((key - ri) / R / P);
      const proc = t.processors[r]!;
      const prefix = t.timePrefix[r]![proc.units - 1]!;
      const unsupported = t.unsupportedPrefix[r]!;
      const memBudget = stageMemoryBudgetBytes(proc, proc.units);
      const decMs = ri > 0 ? dec[(r * R + ri) * (n + 1) + c]! : 0;
      const left = P - popcount(mask); // processors still free after this stage
      for (let end = c + 1; end <= n; end++) {
        if (unsupported[end]! - unsupported[c]! > 0) break; // stays unsupported as the stage grows
        if (stageMemoryBytes(t, r, c, end) > memBudget) break; // memory only grows with the stage
        const base = prefix[end]! - prefix[c]! + decMs;
        if (base > ub) break;
        // The rest cannot fit: no free processor, or too much work for the free ones.
        if (end < n && (left === 0 || minSuffix[end]! / left > ub)) continue;
        for (const label of labels) {
          if (label.value > ub) continue;
          if (end === n) {
            const v = Math.max(label.value, base);
            if (v <= ub && (!best || v < best.value)) {
              best = { value: v, loss: label.loss, parent: label, from: c, to: n, proc: r, ratio: 1 };
            }
            continue;
          }
          for (let r2 = 0; r2 < P; r2++) {
            if (mask & (1 << r2)) continue;
            for (let si = 0; si < R; si++) {
              const lossAfter = label.loss + loss[si]!;
              if (lossAfter > budget) continue;
              const xms = xfer[((r * P + r2) * R + si) * (n + 1) + end]!;
              if (xms === Infinity) break; // no link: no ratio helps
              const overlaps = dma[r * P + r2] === 1;
              const stage = base + (si > 0 ? enc[(r * R + si) * (n + 1) + end]! : 0) + (overlaps ? 0 : xms);
              const v = Math.max(label.value, stage, overlaps ? xms : 0);
              if (v > ub) continue;
              offer(end, ((mask | (1 << r2)) * P + r2) * R + si, {
                value: v,
                loss: lossAfter,
                parent: label,
                from: c,
                to: end,
                proc: r,
                ratio: ratios[si]!,
              });
            }
          }
        }
      }
    }
    fronts[c] = new Map(); // done with this start: free it
  }
  if (!best) return undefined;
  const stages: { from: number; to: number; proc: number; ratio: number }[] = [];
  for (let l: Label | undefined = best; l && l.proc >= 0; l = l.parent) stages.unshift(l);
  return {
    plan: {
      stages: stages.map((s) => ({
        from: s.from,
        to: s.to,
        processor: t.processors[s.proc]!.id,
        units: t.processors[s.proc]!.units,
      })),
    },
    ratios: stages.slice(0, -1).map((s) => s.ratio),
    periodMs: best.value,
  };
}
