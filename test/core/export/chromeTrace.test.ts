import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCostTables } from '../../../src/core/cost/tables';
import type {
  ChromeTrace,
  TraceCompleteEvent,
  TraceFlowEvent,
  TraceMetadataEvent,
} from '../../../src/core/export/chromeTrace';
import { chromeTrace } from '../../../src/core/export/chromeTrace';
import type { Network } from '../../../src/core/model/types';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import { planFromSpec, type PlanSpec } from '../../../src/core/plan/types';
import { platformById } from '../../../src/core/platform/presets';
import type { Platform } from '../../../src/core/platform/types';
import { simulate } from '../../../src/core/schedule/simulate';
import { zooNetwork } from '../../../src/core/zoo';
import { arbNetwork, arbPlanSpec, arbPlatform } from '../../fixtures/arbitraries';

function traceOf(network: Network, platform: Platform, spec: PlanSpec, frames = 6) {
  const units = (id: string) => platform.processors.find((p) => p.id === id)!.units;
  const evaluation = evaluatePlan(buildCostTables(network, platform), planFromSpec(spec, network.layers.length, units));
  const schedule = simulate(evaluation, { frames });
  // Through JSON, as the file is written.
  const trace = JSON.parse(JSON.stringify(chromeTrace({ network, platform, evaluation, schedule }))) as ChromeTrace;
  return { trace, schedule, evaluation };
}

/** Structural rules of the Trace Event Format that Perfetto and chrome://tracing rely on. */
function checkStructure(network: Network, spec: PlanSpec, frames: number, r: ReturnType<typeof traceOf>): void {
  const { trace, schedule } = r;
  expect(Object.keys(trace)[0]).toBe('displayTimeUnit');
  expect(trace.displayTimeUnit).toBe('ms');
  const events = trace.traceEvents;
  const meta = events.filter((e): e is TraceMetadataEvent => e.ph === 'M');
  const boxes = events.filter((e): e is TraceCompleteEvent => e.ph === 'X');
  const flows = events.filter((e): e is TraceFlowEvent => e.ph === 's' || e.ph === 'f');
  expect(meta.length + boxes.length + flows.length).toBe(events.length);

  const processNames = new Map(meta.filter((m) => m.name === 'process_name').map((m) => [m.pid, m.args.name]));
  const threadNames = new Map(
    meta.filter((m) => m.name === 'thread_name').map((m) => [`${m.pid}:${m.tid}`, m.args.name]),
  );
  expect(boxes).toHaveLength(schedule.start.length);
  for (const b of boxes) {
    expect(Number.isFinite(b.ts) && b.ts >= 0).toBe(true);
    expect(Number.isFinite(b.dur) && b.dur >= 0).toBe(true);
    expect(typeof processNames.get(b.pid)).toBe('string');
    expect(typeof threadNames.get(`${b.pid}:${b.tid}`)).toBe('string');
    expect(b.args.frame).toBeLessThan(frames);
  }
  // Lanes: one process per processor used and per transfer lane; one thread per schedule lane.
  const links = schedule.lanes.filter((l) => l.kind === 'link').length;
  expect(processNames.size).toBe(new Set(spec.procs).size + links);
  expect(threadNames.size).toBe(schedule.lanes.length);
  expect(new Set(boxes.map((b) => `${b.pid}:${b.tid}`)).size).toBe(schedule.lanes.length);

  // Flows: numeric ids, exactly one s and one f each, f not before s, both bound to a box of the same lane and time.
  const byId = new Map<number, TraceFlowEvent[]>();
  for (const f of flows) {
    expect(Number.isInteger(f.id)).toBe(true);
    byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
    expect(boxes.some((b) => b.pid === f.pid && b.tid === f.tid && b.cat === f.cat && b.ts === f.ts)).toBe(true);
  }
  expect(byId.size).toBe(frames * (spec.procs.length - 1 + links));
  for (const [id, pair] of byId) {
    expect(pair.map((p) => p.ph).sort()).toEqual(['f', 's']);
    const s = pair.find((p) => p.ph === 's')!;
    const f = pair.find((p) => p.ph === 'f')!;
    expect(f.bp).toBe('e');
    expect(f.ts).toBeGreaterThanOrEqual(s.ts);
    expect(events.indexOf(s)).toBeLessThan(events.indexOf(f));
    expect(id).toBeGreaterThan(0);
  }
  // Timed events are sorted by time.
  const timed = events.filter((e) => e.ph !== 'M') as (TraceCompleteEvent | TraceFlowEvent)[];
  for (let i = 1; i < timed.length; i++) expect(timed[i]!.ts).toBeGreaterThanOrEqual(timed[i - 1]!.ts);
  void network;
}

describe('chromeTrace', () => {
  it('traces a 3-stage pipeline without DMA: send boxes, transfer lanes, flows along each frame', () => {
    const net = zooNetwork('resnet50');
    const spec = { cuts: [40, 120], procs: ['big', 'gpu', 'npu'], units: [4, 1, 1] };
    const r = traceOf(net, platformById('hikey970'), spec);
    checkStructure(net, spec, 6, r);
    const boxes = r.trace.traceEvents.filter((e): e is TraceCompleteEvent => e.ph === 'X');
    const first = boxes.find((b) => b.name === 'stage 1' && b.args.frame === 0)!;
    expect(first.ts).toBe(0);
    expect(first.args).toMatchObject({
      stage: 1,
      frame: 0,
      from: 0,
      to: 40,
      layers: `${net.layers[0]!.name} .. ${net.layers[39]!.name}`,
      processor: 'big',
    });
    expect(first.dur).toBeCloseTo(r.evaluation.stages[0]!.computeMs * 1000, 6);
    expect(boxes.filter((b) => b.name === 'send 1→2')).toHaveLength(6);
    const transfer = boxes.find((b) => b.name === 'transfer 2→3' && b.args.frame === 2)!;
    expect(transfer.args.bytes).toBe(r.evaluation.stages[1]!.transferBytes);
    const names = r.trace.traceEvents
      .filter((e): e is TraceMetadataEvent => e.ph === 'M' && e.name === 'process_name')
      .map((e) => e.args.name);
    expect(names[0]).toBe('big: Cortex-A73 x4 (big)');
    expect(names[1]).toContain('transfer 1→2: big → gpu');
  });

  it('traces DMA links on the accelerator board', () => {
    const net = zooNetwork('resnet18');
    const spec = { cuts: [15, 35, 50], procs: ['chip0', 'chip1', 'chip2', 'chip3'] };
    checkStructure(net, spec, 4, traceOf(net, platformById('accel4'), spec, 4));
  });

  it('gives a processor running two stages one process with two named lanes, flows straight between them', () => {
    const net = zooNetwork('resnet18');
    const spec = { cuts: [30], procs: ['big', 'big'], units: [2, 2] };
    const r = traceOf(net, platformById('hikey970'), spec, 3);
    checkStructure(net, spec, 3, r);
    const threads = r.trace.traceEvents.filter(
      (e): e is TraceMetadataEvent => e.ph === 'M' && e.name === 'thread_name',
    );
    expect(threads.map((t) => t.pid)).toEqual([1, 1]);
    expect(threads.map((t) => t.args.name)).toEqual(['big ×2 (stage 1)', 'big ×2 (stage 2)']);
  });

  it('keeps the structure for random networks, platforms and plans (property)', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(arbNetwork(10), arbPlatform(3))
          .chain(([net, platform]) =>
            fc.tuple(fc.constant(net), fc.constant(platform), arbPlanSpec(net.layers.length, platform.processors)),
          ),
        fc.integer({ min: 1, max: 5 }),
        ([net, platform, spec], frames) => {
          checkStructure(net, spec, frames, traceOf(net, platform, spec, frames));
        },
      ),
      { numRuns: 60 },
    );
  });
});
