import { buildCostTables } from '../src/core/cost/tables';
import { platformById } from '../src/core/platform/presets';
import { zooNetwork } from '../src/core/zoo';
import { searchMinPeriod } from '../src/core/search/minPeriod';
for (const [m, p] of [['resnet152','hikey970'],['resnet50','snapdragon855'],['densenet121','rpi4x4'],['vgg19','cmp16'],['inception_v3','accel4']]) {
  const t = buildCostTables(zooNetwork(m), platformById(p));
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const first = searchMinPeriod(t, { wholeProcessors: true });
    const t1 = performance.now();
    const r = searchMinPeriod(t, { upperBoundMs: first?.periodMs })!;
    const ms = performance.now() - t0;
    if (i === 2) console.log(m, p, (t1-t0).toFixed(1), ms.toFixed(1), 'ms', first?.periodMs.toFixed(3), r.periodMs.toFixed(3));
  }
}
