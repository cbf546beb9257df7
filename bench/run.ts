/**
 * Benchmarks (not tests): each prints one comparable figure against its budget.
 * Run with `npm run bench`. Figures go into the README.
 */
import { buildCostTables } from '../src/core/cost/tables';
import { evaluatePlan } from '../src/core/plan/evaluate';
import { planFromSpec } from '../src/core/plan/types';
import { platformById } from '../src/core/platform/presets';
import { simulate } from '../src/core/schedule/simulate';
import { syntheticNetwork } from './synthetic';

interface Result {
  name: string;
  value: number;
  unit: string;
  budget: number;
}

/** Median of `rounds` timings of `iterations` calls each, per call, in microseconds. */
function timeUs(fn: () => void, iterations: number, rounds = 15): number {
  for (let i = 0; i < iterations; i++) fn(); // warm-up: let the JIT settle
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e3 / iterations);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const results: Result[] = [];
const net = syntheticNetwork(1000);
const platform = platformById('hikey970');
const t0 = process.hrtime.bigint();
const tables = buildCostTables(net, platform);
const tablesMs = Number(process.hrtime.bigint() - t0) / 1e6;
const plan = planFromSpec(
  { cuts: [250, 500, 750], procs: ['big', 'little', 'gpu', 'npu'] },
  net.layers.length,
  (id) => platform.processors.find((p) => p.id === id)!.units,
);

let sink = 0;
results.push({
  name: 'evaluate one plan, 1,000 layers, 4 stages',
  value: timeUs(() => {
    sink += evaluatePlan(tables, plan).metrics.fps;
  }, 20_000),
  unit: 'µs',
  budget: 50,
});
const evaluation = evaluatePlan(tables, plan);
results.push({
  name: 'simulate 10 frames of it',
  value:
    timeUs(() => {
      sink += simulate(evaluation, { frames: 10 }).makespanMs;
    }, 5_000) / 1000,
  unit: 'ms',
  budget: 2,
});
results.push({
  name: 'build cost tables, 1,000 layers x (4+4+1+1) unit counts (once per scenario)',
  value: tablesMs,
  unit: 'ms',
  budget: Infinity,
});

const pad = Math.max(...results.map((r) => r.name.length));
for (const r of results) {
  const budget = Number.isFinite(r.budget) ? `budget < ${r.budget} ${r.unit}` : 'no budget';
  const verdict = Number.isFinite(r.budget) ? (r.value < r.budget ? 'OK' : 'OVER BUDGET') : '';
  console.log(
    `${r.name.padEnd(pad)}  ${r.value.toFixed(r.value < 1 ? 4 : 2).padStart(9)} ${r.unit.padEnd(2)}  ${budget}  ${verdict}`,
  );
}
if (sink === 42) console.log(''); // keep the work observable to the optimizer
process.exitCode = results.some((r) => r.value >= r.budget) ? 1 : 0;
