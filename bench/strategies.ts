/**
 * Benchmarks of the research-line strategies (src/core/strategies): one figure each, no budgets
 * (the design sets none); registered in bench/run.ts.
 */
import { buildCostTables } from '../src/core/cost/tables';
import { planFromSpec } from '../src/core/plan/types';
import { platformById } from '../src/core/platform/presets';
import { CMP16_MESH, intraLayerParallel, wholeChip } from '../src/core/strategies/cap';
import { branchParallel } from '../src/core/strategies/lcp';
import { codecTable, evaluateCompressedPlan } from '../src/core/strategies/quiltnet';
import { runScenario, SCENARIOS } from '../src/core/strategies/scenarios';
import { zooNetwork } from '../src/core/zoo';

export interface StrategyResult {
  name: string;
  value: number;
  unit: 'µs' | 'ms';
}

/** Runs the strategy benchmarks with the caller's timer (median ms per call). */
export function strategyBenchmarks(medianMs: (fn: () => void, iterations: number, rounds: number) => number) {
  const out: StrategyResult[] = [];
  let sink = 0;
  {
    const t = buildCostTables(zooNetwork('resnet50'), platformById('accel4'));
    const plan = planFromSpec({ cuts: [40, 80, 125], procs: ['chip0', 'chip1', 'chip2', 'chip3'] }, t.n, () => 1);
    const codec = codecTable(t);
    out.push({
      name: 'QuiltNet: evaluate a 4-stage plan with autoencoders, ResNet-50',
      value: medianMs(() => (sink += evaluateCompressedPlan(t, plan, [4, 4, 2], codec).metrics.fps), 2000, 9) * 1000,
      unit: 'µs',
    });
  }
  {
    const net = zooNetwork('resnet50');
    const chip = wholeChip(platformById('cmp16'));
    out.push({
      name: 'CAP: comm-aware partitions, ResNet-50 on 16 cores',
      value: medianMs(() => (sink += intraLayerParallel(net, chip, CMP16_MESH, 'comm-aware').fps), 50, 9),
      unit: 'ms',
    });
  }
  {
    const t = buildCostTables(zooNetwork('resnet50'), platformById('rpi4x4'));
    out.push({
      name: 'LCP: branch-parallel, ResNet-50 on 4 Pis',
      value: medianMs(() => (sink += branchParallel(t, ['pi0', 'pi1', 'pi2', 'pi3']).fps), 50, 9),
      unit: 'ms',
    });
  }
  for (const s of SCENARIOS) {
    out.push({
      name: `scenario ${s.id} (all rows, searches included)`,
      value: medianMs(() => (sink += runScenario(s.id).rows.length), 1, 3),
      unit: 'ms',
    });
  }
  if (sink === 42) out.push({ name: '', value: 0, unit: 'ms' });
  return out;
}
