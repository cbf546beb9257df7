/**
 * Share-link and export benchmarks, registered in run.ts. Each returns one figure per row.
 */
import { buildCostTables } from '../src/core/cost/tables';
import { chromeTrace } from '../src/core/export/chromeTrace';
import { evaluatePlan } from '../src/core/plan/evaluate';
import { planFromSpec } from '../src/core/plan/types';
import { platformById } from '../src/core/platform/presets';
import { simulate } from '../src/core/schedule/simulate';
import { decodeShareState, encodeShareState } from '../src/core/share/codec';
import { openShareHash } from '../src/core/share/open';
import { makeShareState } from '../src/core/share/shareState';
import { zooNetwork } from '../src/core/zoo';
import { HOSTILE_HASHES } from '../test/fixtures/hostileHashes';

interface Row {
  name: string;
  value: number;
  unit: 'µs' | 'ms';
  budget?: number;
}

/** Runs the share benchmarks with run.ts's timer (median ms per call). */
export function shareBenchmarks(medianMs: (fn: () => void, iterations: number, rounds: number) => number): Row[] {
  let sink = 0;
  const rows: Row[] = [];
  const platform = platformById('hikey970');
  const units = (id: string) => platform.processors.find((p) => p.id === id)!.units;

  const resnet50 = zooNetwork('resnet50');
  const plan = planFromSpec({ cuts: [40, 120], procs: ['big', 'gpu', 'npu'] }, resnet50.layers.length, units);
  const zooState = makeShareState({ model: { zoo: 'resnet50' }, platform, plan, objective: 'fps' });
  const zooHash = `#s=${encodeShareState(zooState)}`;
  rows.push({
    name: 'share link of ResNet-50 (zoo): encode',
    value: medianMs(() => (sink += encodeShareState(zooState).length), 200, 9) * 1000,
    unit: 'µs',
  });
  rows.push({
    name: '  open it (decode + resolve)',
    value: medianMs(() => (sink += openShareHash(zooHash)!.ok ? 1 : 0), 200, 9) * 1000,
    unit: 'µs',
  });

  const resnet152 = zooNetwork('resnet152');
  const inline = makeShareState({
    model: { network: resnet152 },
    platform,
    plan: planFromSpec({ cuts: [200], procs: ['gpu', 'npu'] }, resnet152.layers.length, units),
    objective: 'fps',
  });
  const inlinePayload = encodeShareState(inline);
  rows.push({
    name: `share link of ResNet-152 inline (${inlinePayload.length} chars): encode`,
    value: medianMs(() => (sink += encodeShareState(inline).length), 5, 7),
    unit: 'ms',
  });
  rows.push({
    name: '  open it (decode, validate, rebuild the network)',
    value: medianMs(() => (sink += openShareHash(`#s=${inlinePayload}`)!.ok ? 1 : 0), 5, 7),
    unit: 'ms',
    budget: 100,
  });

  // The slowest hostile input bounds how long a malicious link can block the page.
  let worst = { name: '', ms: 0 };
  for (const h of HOSTILE_HASHES) {
    const ms = medianMs(() => (sink += decodeShareState(h.hash.slice(3)).ok ? 1 : 0), 1, 3);
    if (ms > worst.ms) worst = { name: h.name, ms };
  }
  rows.push({ name: `slowest hostile link to refuse (${worst.name})`, value: worst.ms, unit: 'ms', budget: 500 });

  const evaluation = evaluatePlan(buildCostTables(resnet50, platform), plan);
  const schedule = simulate(evaluation, { frames: 100 });
  rows.push({
    name: 'Chrome trace of 100 frames, 3 stages (JSON text)',
    value: medianMs(
      () => (sink += JSON.stringify(chromeTrace({ network: resnet50, platform, evaluation, schedule })).length),
      5,
      7,
    ),
    unit: 'ms',
  });
  if (sink === 42) rows.push({ name: '', value: 0, unit: 'ms' });
  return rows;
}
