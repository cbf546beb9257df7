import { buildCostTables } from '../src/core/cost/tables';
import { platformById } from '../src/core/platform/presets';
import { zooNetwork } from '../src/core/zoo';
import { searchMinCost } from '../src/core/search/minCost';
import { evaluatePlan } from '../src/core/plan/evaluate';
const t = buildCostTables(zooNetwork('resnet50'), platformById('snapdragon855'));
let T = Infinity; let it = 0; const t0 = performance.now(); const periods: number[] = [];
for (;;) { const r = searchMinCost(t, { objective: 'energy', maxPeriodMs: T }); if (!r) break; const p = evaluatePlan(t, r.plan).metrics.periodMs; periods.push(p); T = p * (1 - 1e-12); it++; }
console.log(it, 'iterations', (performance.now() - t0).toFixed(0), 'ms; periods', periods.slice(0, 10).map(p => p.toFixed(3)).join(' '), '...', periods.slice(-5).map(p => p.toFixed(3)).join(' '));
