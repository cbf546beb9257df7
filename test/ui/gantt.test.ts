import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCostTables, type CostTables } from '../../src/core/cost/tables';
import { formatMs } from '../../src/core/format';
import { bestTwoStagePlan } from '../../src/core/plan/defaults';
import { evaluatePlan, type Evaluation } from '../../src/core/plan/evaluate';
import { planFromSpec, type PlanSpec } from '../../src/core/plan/types';
import { platformById } from '../../src/core/platform/presets';
import { EVENT_KIND, simulate } from '../../src/core/schedule/simulate';
import { zooNetwork } from '../../src/core/zoo';
import { GANTT_FRAMES, selectSchedule } from '../../src/state/schedule';
import type { AppState } from '../../src/state/store';
import { GANTT_COLORS } from '../../src/ui/charts/Gantt/colors';
import { boxBand, drawGantt, drawGanttOverlay } from '../../src/ui/charts/Gantt/draw';
import { hitTest } from '../../src/ui/charts/Gantt/hitTest';
import { buildGanttModel, LAYOUT, type GanttModel } from '../../src/ui/charts/Gantt/model';
import { niceTicks, timeScale, zoomedScale, type TimeScale } from '../../src/ui/charts/Gantt/scale';
import { stageColor } from '../../src/ui/theme';
import { chain } from '../fixtures/networks';
import { twoProcessors } from '../fixtures/platforms';
import { RecordingContext } from '../fixtures/recordingContext';

const WIDTH = 1000;
const net = zooNetwork('resnet50');
const hikey = buildCostTables(net, platformById('hikey970'));

function evaluate(t: CostTables, spec: PlanSpec): Evaluation {
  const plan = planFromSpec(spec, t.n, (id) => t.platform.processors.find((p) => p.id === id)?.units ?? 1);
  return evaluatePlan(t, plan);
}

function setup(e: Evaluation, frames = GANTT_FRAMES) {
  const model = buildGanttModel(simulate(e, { frames }), e, net);
  const scale = timeScale([0, model.endMs], [LAYOUT.gutter, WIDTH - LAYOUT.rightPad]);
  return { model, scale };
}

function draw(model: GanttModel, scale: TimeScale) {
  const ctx = new RecordingContext();
  const stats = drawGantt(ctx, model, scale, { width: WIDTH, height: model.height });
  return { ctx, stats };
}

/** fillRects whose vertical extent is exactly some lane's box band: the boxes. */
function boxRects(ctx: RecordingContext, model: GanttModel) {
  return ctx.of('fillRect').filter((c) => {
    const [x, y, , h] = c.args as number[];
    return x! >= LAYOUT.gutter - 4 && model.lanes.some((l) => boxBand(l).y === y && boxBand(l).h === h);
  });
}

const twoStage = evaluatePlan(hikey, bestTwoStagePlan(hikey, 'gpu', 'npu'));
const fourStage = evaluate(hikey, { cuts: [30, 90, 140], procs: ['big', 'gpu', 'little', 'npu'] });

describe('selectSchedule', () => {
  it('simulates GANTT_FRAMES frames once per evaluation', () => {
    const state = { evaluation: twoStage } as AppState;
    const s = selectSchedule(state);
    expect(s.frameDone.length).toBe(GANTT_FRAMES);
    expect(selectSchedule({ evaluation: twoStage } as AppState)).toBe(s);
    expect(selectSchedule({ evaluation: fourStage } as AppState)).not.toBe(s);
  });
});

describe('drawGantt', () => {
  it('draws one box per schedule event when the whole schedule is in view', () => {
    for (const e of [twoStage, fourStage]) {
      const { model, scale } = setup(e);
      const { ctx, stats } = draw(model, scale);
      expect(stats.boxes).toBe(model.schedule.start.length);
      expect(boxRects(ctx, model)).toHaveLength(model.schedule.start.length);
    }
  });

  it('draws only the boxes that intersect the visible time span when zoomed', () => {
    const { model, scale: base } = setup(fourStage);
    const s = model.schedule;
    fc.assert(
      fc.property(fc.double({ min: 1, max: 40, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (k, at) => {
        // Translate so the point `at` of the plot stays put, as a wheel zoom there would.
        const px = LAYOUT.gutter + at * (WIDTH - LAYOUT.rightPad - LAYOUT.gutter);
        const scale = zoomedScale(base, { k, x: px - k * px });
        const [d0, d1] = scale.domain;
        let inView = 0;
        for (let i = 0; i < s.start.length; i++) if (s.end[i]! >= d0 && s.start[i]! <= d1) inView++;
        const { ctx, stats } = draw(model, scale);
        expect(stats.boxes).toBe(inView);
        expect(boxRects(ctx, model)).toHaveLength(inView);
      }),
      { numRuns: 40 },
    );
  });

  it('colours compute boxes by stage, draws transfers lighter and striped, and slivers solid', () => {
    // Zoomed in, so some transfers are wide enough for stripes and others stay slivers.
    const { model, scale: base } = setup(fourStage);
    const scale = zoomedScale(base, { k: 12, x: -12 * base.x(model.latencyMark.to) + 400 });
    const { ctx } = draw(model, scale);
    const rects = boxRects(ctx, model);
    let lighter = 0;
    for (const r of rects) {
      const [x, y, w] = r.args as number[];
      const lane = model.lanes.find((l) => boxBand(l).y === y)!;
      const t = scale.ms(x! + 0.5 * w!);
      const row = [...lane.rows].find((i) => model.schedule.start[i]! <= t && t <= model.schedule.end[i]! + 1e-9)!;
      const stage = model.schedule.stage[row]!;
      if (model.schedule.kind[row] !== EVENT_KIND.compute && w! >= 4) {
        lighter++;
        expect(r.fillStyle).not.toBe(stageColor(stage));
        expect(STAGE_SET.has(r.fillStyle)).toBe(false);
      } else expect(r.fillStyle).toBe(stageColor(stage));
    }
    expect(lighter).toBeGreaterThan(0);
    expect(lighter).toBeLessThan(rects.length);
  });

  it('tints the bottleneck lane and labels it', () => {
    const { model, scale } = setup(twoStage);
    const { ctx } = draw(model, scale);
    const bn = twoStage.metrics.bottleneck;
    expect(bn.kind).toBe('stage');
    const lane = model.lanes[model.bottleneckLane]!;
    expect(lane.kind).toBe('processor');
    expect(lane.stage).toBe(bn.index);
    const tints = ctx.of('fillRect').filter((c) => c.fillStyle === GANTT_COLORS.bottleneckTint);
    expect(tints.map((c) => c.args)).toEqual([[0, lane.top, WIDTH, lane.height]]);
    const label = ctx.of('fillText').find((c) => String(c.args[0]).includes('bottleneck'))!;
    expect(label.args[2]).toBeGreaterThan(lane.top);
    expect(label.args[2]).toBeLessThan(lane.top + lane.height);
  });

  it('tints the link lane when a transfer is the bottleneck', () => {
    // A DMA bus slow enough that moving the activation takes longer than either stage.
    const platform = twoProcessors({ link: { bandwidthGBs: 1e-6 } });
    const t = buildCostTables(chain(), platform);
    const e = evaluate(t, { cuts: [1], procs: ['fast', 'slow'] });
    expect(e.metrics.bottleneck.kind).toBe('transfer');
    const model = buildGanttModel(simulate(e, { frames: GANTT_FRAMES }), e, chain());
    const lane = model.lanes[model.bottleneckLane]!;
    expect(lane.kind).toBe('link');
    expect(lane.stage).toBe(e.metrics.bottleneck.index);
    const scale = timeScale([0, model.endMs], [LAYOUT.gutter, WIDTH - LAYOUT.rightPad]);
    const tints = draw(model, scale)
      .ctx.of('fillRect')
      .filter((c) => c.fillStyle === GANTT_COLORS.bottleneckTint);
    expect(tints.map((c) => c.args[1])).toEqual([lane.top]);
  });

  it('marks the period with the metric formatted as the metrics panel does, spanning two completions', () => {
    for (const e of [twoStage, fourStage]) {
      const { model, scale } = setup(e);
      const texts = draw(model, scale).ctx.texts();
      const want = `period ${formatMs(e.metrics.periodMs)} ms`;
      expect(texts.some((t) => t.startsWith(want))).toBe(true);
      // In steady state two consecutive completions are one period apart.
      expect(model.periodMark.to - model.periodMark.from).toBeCloseTo(e.metrics.periodMs, 6);
      expect(model.summary).toContain(`over ${GANTT_FRAMES} frames, ${want}`);
    }
  });

  it("marks one frame's latency from arrival to done, equal to the evaluated latency", () => {
    const { model, scale } = setup(fourStage);
    const texts = draw(model, scale).ctx.texts();
    expect(texts.some((t) => t.startsWith(`latency ${formatMs(fourStage.metrics.latencyMs)} ms`))).toBe(true);
    expect(model.latencyMark.to - model.latencyMark.from).toBeCloseTo(fourStage.metrics.latencyMs, 9);
  });

  it('writes frame numbers (from 1) inside boxes wide enough, and axis ticks in ms', () => {
    const { model, scale } = setup(twoStage);
    const texts = draw(model, scale).ctx.texts();
    for (let f = 1; f <= GANTT_FRAMES; f++) expect(texts).toContain(String(f));
    expect(texts).toContain('time (ms)');
    const ticks = niceTicks(0, model.endMs, 9);
    expect(ticks.length).toBeGreaterThan(2);
    expect(texts).toContain(String(ticks[1]));
  });

  it('draws a message and no boxes for a plan that cannot run', () => {
    const e = evaluate(hikey, { cuts: [50], procs: ['gpu', 'big'], units: [1, 99] });
    expect(e.valid).toBe(false);
    const { model, scale } = setup(e);
    expect(model.finite).toBe(false);
    const { ctx, stats } = draw(model, scale);
    expect(stats.boxes).toBe(0);
    expect(ctx.texts().join(' ')).toContain('cannot run');
  });
});

describe('drawGanttOverlay', () => {
  it("redraws only the highlighted stage's boxes over a veil, and outlines the hovered box", () => {
    const { model, scale } = setup(fourStage);
    const ctx = new RecordingContext();
    const row = model.lanes[0]!.rows[3]!;
    drawGanttOverlay(ctx, model, scale, { width: WIDTH, height: model.height, stage: 2, row });
    expect(ctx.of('fillRect').filter((c) => c.fillStyle === GANTT_COLORS.veil)).toHaveLength(1);
    const s = model.schedule;
    let ofStage2 = 0;
    for (let i = 0; i < s.stage.length; i++) if (s.stage[i] === 2) ofStage2++;
    expect(boxRects(ctx, model)).toHaveLength(ofStage2);
    const outline = ctx.of('strokeRect').filter((c) => c.strokeStyle === GANTT_COLORS.outline);
    expect(outline).toHaveLength(1);
    expect(outline[0]!.args[0]).toBeCloseTo(scale.x(s.start[row]!) - 1, 9);
  });

  it('only clears when nothing is highlighted', () => {
    const { model, scale } = setup(twoStage);
    const ctx = new RecordingContext();
    drawGanttOverlay(ctx, model, scale, { width: WIDTH, height: model.height, stage: null, row: -1 });
    expect(ctx.calls.map((c) => c.op)).toEqual(['clearRect']);
  });
});

describe('hitTest', () => {
  it('finds the (stage, frame) box drawn at a computed pixel', () => {
    const { model, scale } = setup(fourStage);
    const s = model.schedule;
    const lane = model.lanes.findIndex((l) => l.kind === 'processor' && l.stage === 2);
    const row = [...model.lanes[lane]!.rows].find((i) => s.frame[i] === 4 && s.kind[i] === EVENT_KIND.compute)!;
    const x = scale.x((s.start[row]! + s.end[row]!) / 2);
    const y = model.lanes[lane]!.top + model.lanes[lane]!.height / 2;
    expect(hitTest(model, scale, x, y)).toEqual({ row, lane, stage: 2, frame: 4, kind: EVENT_KIND.compute });
  });

  it('finds every box wider than the slack at its centre, at any zoom', () => {
    const { model, scale: base } = setup(fourStage);
    const s = model.schedule;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: s.start.length - 1 }),
        fc.double({ min: 1, max: 30, noNaN: true }),
        (row, k) => {
          // Zoom so the box's centre sits in the middle of the plot.
          const mid = (s.start[row]! + s.end[row]!) / 2;
          const cx = (LAYOUT.gutter + WIDTH - LAYOUT.rightPad) / 2;
          const scale = zoomedScale(base, { k, x: cx - k * base.x(mid) });
          const w = scale.x(s.end[row]!) - scale.x(s.start[row]!);
          fc.pre(w >= 8 && scale.domain[0] >= 0 && scale.domain[1] <= model.endMs);
          const lane = model.lanes[s.lane[row]!]!;
          const hit = hitTest(model, scale, scale.x(mid), lane.top + lane.height / 2);
          expect(hit?.row).toBe(row);
          expect(hit?.frame).toBe(s.frame[row]);
          expect(hit?.stage).toBe(s.stage[row]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds nothing in the label gutter, below the lanes, or in an idle gap', () => {
    const { model, scale } = setup(fourStage);
    const lane = model.lanes[model.lanes.length - 1]!; // the last stage idles until frame 1 arrives
    expect(hitTest(model, scale, LAYOUT.gutter - 10, lane.top + 5)).toBeNull();
    expect(hitTest(model, scale, 500, model.lanesBottom + 5)).toBeNull();
    expect(hitTest(model, scale, scale.x(1), lane.top + lane.height / 2)).toBeNull();
  });
});

describe('time scale and zoom', () => {
  it('zooming ×k around a point narrows the domain k times and keeps that point', () => {
    const base = timeScale([0, 200], [100, 900]);
    const px = 300;
    const z = zoomedScale(base, { k: 4, x: px - 4 * px });
    expect(z.domain[1] - z.domain[0]).toBeCloseTo(50, 9);
    expect(z.ms(px)).toBeCloseTo(base.ms(px), 9);
    expect(z.x(z.ms(700))).toBeCloseTo(700, 9);
    expect(zoomedScale(base, { k: 1, x: 0 })).toBe(base);
  });

  it('ticks are round, evenly spaced and inside the domain', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
        (a, span) => {
          const t = niceTicks(a, a + span, 8);
          expect(t.length).toBeGreaterThanOrEqual(3);
          expect(t.length).toBeLessThanOrEqual(17);
          for (const v of t) {
            expect(v).toBeGreaterThanOrEqual(a - span * 1e-9);
            expect(v).toBeLessThanOrEqual(a + span * (1 + 1e-9));
          }
          const step = t[1]! - t[0]!;
          const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
          expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6)).toBe(true);
        },
      ),
    );
  });
});

const STAGE_SET = new Set(Array.from({ length: 10 }, (_, i) => stageColor(i)));
