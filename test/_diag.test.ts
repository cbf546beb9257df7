import fc from 'fast-check';
import { it } from 'vitest';
import { buildCostTables } from '../src/core/cost/tables';
import { bruteForceBest } from '../src/core/search/bruteForce';
import { arbSearchInstance } from './fixtures/arbitraries';
it('diag', () => {
  const samples = fc.sample(arbSearchInstance(10), 80);
  let none = 0, multi = 0, nondma = 0, sendMatters = 0;
  for (const { net, platform } of samples) {
    const t = buildCostTables(net, platform);
    const b = bruteForceBest(t, (e) => e.metrics.periodMs);
    if (!b) { none++; continue; }
    if (b.plan.stages.length > 1) multi++;
    if (!platform.links[0]!.overlapsCompute) nondma++;
    if (b.evaluation.stages.some((s) => s.transferMs > 0.01 * s.computeMs)) sendMatters++;
  }
  console.log({ none, multi, nondma, sendMatters, layers: samples.map(s => s.net.layers.length).join(',') });
});
