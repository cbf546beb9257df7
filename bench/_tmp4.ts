import { buildCostTables } from '../src/core/cost/tables';
import { platformById } from '../src/core/platform/presets';
import { zooNetwork } from '../src/core/zoo';
import { paretoFront } from '../src/core/search/pareto';
const t = buildCostTables(zooNetwork('resnet50'), platformById('snapdragon855'));
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = paretoFront(t);
  console.log((performance.now() - t0).toFixed(1), 'ms', r.front.length, 'points');
}
