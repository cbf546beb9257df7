/**
 * Benchmarks (not tests): each prints one comparable figure against its budget.
 * Run with `npm run bench`; the figures go into the README.
 */
import { buildCostTables } from '../src/core/cost/tables';
import { evaluatePlan } from '../src/core/plan/evaluate';
import { planFromSpec } from '../src/core/plan/types';
import { platformById } from '../src/core/platform/presets';
import { simulate } from '../src/core/schedule/simulate';
import { bruteForceBest } from '../src/core/search/bruteForce';
import { searchMinPeriod, searchMinPeriodFast } from '../src/core/search/minPeriod';
import { paretoFront } from '../src/core/search/pareto';
import { zooNetwork } from '../src/core/zoo';
import { loadSweepKernel } from '../src/cli/sweepKernel';
import { setSweepKernel } from '../src/core/search/energySweepWasm';
import { ganttBenchmarks } from './gantt';
import { onnxBenchmarks } from './onnx';
import { eightProcessors, smallPlatform } from './platforms';
import { shareBenchmarks } from './share';
import { strategyBenchmarks } from './strategies';
import { syntheticNetwork } from './synthetic';

interface Result {
  name: string;
  value: number;
  unit: 'µs' | 'ms' | 'MB';
  budget?: number;
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Median per-call time (ms) of `rounds` rounds of `iterations` calls, after `warmups` calls (default: one round's). */
function medianMs(fn: () => void, iterations: number, rounds: number, warmups = iterations): number {
  for (let i = 0; i < warmups; i++) fn();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = now();
    for (let i = 0; i < iterations; i++) fn();
    samples.push((now() - t0) / iterations);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const results: Result[] = [];
// The Pareto rows run on the WebAssembly sweep kernel, as the app and the CLI do.
const kernel = loadSweepKernel();
if (!kernel)
  console.warn('wasm/build/energySweep.wasm is missing (npm run build:wasm): the Pareto rows run in JavaScript');
let sink = 0;

// Evaluation and simulation of a 1,000-layer network.
{
  const net = syntheticNetwork(1000);
  const platform = platformById('hikey970');
  const tables = buildCostTables(net, platform);
  const plan = planFromSpec(
    { cuts: [250, 500, 750], procs: ['big', 'little', 'gpu', 'npu'] },
    net.layers.length,
    (id) => platform.processors.find((p) => p.id === id)!.units,
  );
  results.push({
    name: 'evaluate one plan, 1,000 layers, 4 stages',
    value: medianMs(() => (sink += evaluatePlan(tables, plan).metrics.fps), 20_000, 15) * 1000,
    unit: 'µs',
    budget: 50,
  });
  const evaluation = evaluatePlan(tables, plan);
  results.push({
    name: 'simulate 10 frames of it',
    value: medianMs(() => (sink += simulate(evaluation, { frames: 10 }).makespanMs), 5_000, 15),
    unit: 'ms',
    budget: 2,
  });
  results.push({
    name: 'build its cost tables on the HiKey 970 (once per scenario)',
    value: medianMs(() => (sink += buildCostTables(net, platform).n), 5, 5),
    unit: 'ms',
  });
}

// The exact searches.
{
  const t = buildCostTables(zooNetwork('resnet152'), platformById('hikey970'));
  results.push({
    name: 'max-FPS search, ResNet-152 on HiKey 970, core counts',
    value: medianMs(() => (sink += searchMinPeriodFast(t)!.periodMs), 1, 7),
    unit: 'ms',
    budget: 50,
  });
}
{
  const t = buildCostTables(syntheticNetwork(2000), eightProcessors());
  results.push({
    name: 'max-FPS search, 2,000 layers on 8 heterogeneous processors',
    value: medianMs(() => (sink += searchMinPeriodFast(t)!.periodMs), 1, 3),
    unit: 'ms',
    budget: 1000,
  });
}
// Pareto fronts: the budgeted one (five rounds: one round swings by a third on a busy machine), and
// a board cluster where idle power dominates and four identical boards share the work (no budget).
// Three warm-up calls: V8 needs about three whole fronts to finish optimizing the JavaScript (calls 1-3
// ran 375, 243 and 182 ms, then 160-200 ms); the first call, cold, gets a row of its own.
for (const { platform, label, rounds, budget } of [
  { platform: 'snapdragon855', label: 'Snapdragon 855', rounds: 5, budget: 200 },
  { platform: 'rpi4x4', label: '4x Raspberry Pi 4', rounds: 3, budget: undefined },
]) {
  const t = buildCostTables(zooNetwork('resnet50'), platformById(platform));
  let points = 0;
  const front = () => (points = paretoFront(t).front.length);
  const cold = platform === 'snapdragon855' ? medianMs(front, 1, 1, 0) : undefined;
  const value = medianMs(front, 1, rounds, 3);
  results.push({
    name: `Pareto front, ResNet-50 on ${label} (${points} plan${points === 1 ? '' : 's'})`,
    value,
    unit: 'ms',
    ...(budget !== undefined ? { budget } : {}),
  });
  if (cold !== undefined)
    results.push({ name: '  its first call in the process (V8 still optimizing)', value: cold, unit: 'ms' });
  if (cold !== undefined && kernel) {
    // The same front on the JavaScript sweep (the fallback where no kernel was given), for the ratio.
    setSweepKernel(undefined);
    results.push({
      name: '  the same front on the JavaScript sweep',
      value: medianMs(front, 1, rounds, 3),
      unit: 'ms',
    });
    loadSweepKernel();
  }
}
// Brute force beside the exact search on the same small instances.
for (const layers of [8, 10, 12]) {
  const t = buildCostTables(syntheticNetwork(layers), smallPlatform());
  const exact = medianMs(() => (sink += searchMinPeriod(t)!.periodMs), 20, 5);
  const brute = medianMs(() => (sink += bruteForceBest(t, (e) => e.metrics.periodMs)!.score), 1, 3);
  results.push({
    name: `max-FPS, ${layers} layers, 3 processors (2+1+1 units): exact search`,
    value: exact,
    unit: 'ms',
  });
  results.push({
    name: `  same instance by brute force (${(brute / exact).toFixed(0)}x slower)`,
    value: brute,
    unit: 'ms',
  });
}
results.push(...shareBenchmarks(medianMs));
results.push(...ganttBenchmarks(medianMs));

results.push(...strategyBenchmarks(medianMs));

results.push(...onnxBenchmarks());

const pad = Math.max(...results.map((r) => r.name.length));
let over = 0;
for (const r of results) {
  const budget = r.budget === undefined ? '' : `budget < ${r.budget} ${r.unit}`;
  const verdict = r.budget === undefined ? '' : r.value < r.budget ? 'OK' : 'OVER BUDGET';
  if (verdict === 'OVER BUDGET') over++;
  const digits = r.value < 1 ? 4 : r.value < 100 ? 2 : 0;
  console.log(
    `${r.name.padEnd(pad)}  ${r.value.toFixed(digits).padStart(9)} ${r.unit.padEnd(2)}  ${budget.padEnd(16)} ${verdict}`,
  );
}
if (sink === 42) console.log('');
console.log(over === 0 ? 'every budget met' : `${over} budget(s) missed`);
process.exitCode = over === 0 ? 0 : 1;
