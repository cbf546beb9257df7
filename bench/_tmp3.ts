import { buildCostTables } from '../src/core/cost/tables';
import { searchMinPeriodFast, searchMinPeriod } from '../src/core/search/minPeriod';
import { platformById } from '../src/core/platform/presets';
import { zooNetwork } from '../src/core/zoo';
import { syntheticNetwork } from './synthetic';
import { eightProcessors } from './platforms';
for (const t of [buildCostTables(syntheticNetwork(2000), eightProcessors()), buildCostTables(zooNetwork('resnet152'), platformById('hikey970')), buildCostTables(zooNetwork('densenet121'), platformById('rpi4x4'))]) {
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = searchMinPeriodFast(t)!;
  const t1 = performance.now();
  console.log((t1-t0).toFixed(1), r.periodMs, r.plan.stages.length);
}
}
