import { buildCostTables } from '../src/core/cost/tables';
import { platformById } from '../src/core/platform/presets';
import { zooNetwork } from '../src/core/zoo';
import { searchMinPeriod } from '../src/core/search/minPeriod';
const t = buildCostTables(zooNetwork('resnet152'), platformById('hikey970'));
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  const first = searchMinPeriod(t, { wholeProcessors: true });
  const t1 = performance.now();
  const r = searchMinPeriod(t, { upperBoundMs: first?.periodMs })!;
  const t2 = performance.now();
  console.log((t1-t0).toFixed(1), (t2-t1).toFixed(1));
}
