/**
 * Gantt redraw cost: while a split is dragged, every new plan is simulated,
 * arranged and drawn within the 16 ms frame shared with metrics and strip.
 * The context is a no-op stand-in, so this measures our own work per redraw
 * (culling, colours, labels), not the browser's rasterisation.
 */
import { buildCostTables } from '../src/core/cost/tables';
import { evaluatePlan } from '../src/core/plan/evaluate';
import { planFromSpec } from '../src/core/plan/types';
import { platformById } from '../src/core/platform/presets';
import { simulate } from '../src/core/schedule/simulate';
import { zooNetwork } from '../src/core/zoo';
import { GANTT_FRAMES } from '../src/state/schedule';
import { drawGantt, type GanttContext } from '../src/ui/charts/Gantt/draw';
import { buildGanttModel, LAYOUT } from '../src/ui/charts/Gantt/model';
import { timeScale } from '../src/ui/charts/Gantt/scale';

/** A context that does nothing but answer measureText like a 12 px font would. */
function nullContext(): GanttContext {
  const noop = (): void => {};
  return {
    save: noop,
    restore: noop,
    fillRect: noop,
    strokeRect: noop,
    clearRect: noop,
    fillText: noop,
    measureText: (text: string) => ({ width: text.length * 6.5 }) as TextMetrics,
    beginPath: noop,
    moveTo: noop,
    lineTo: noop,
    closePath: noop,
    rect: noop,
    clip: noop,
    fill: noop,
    stroke: noop,
    setLineDash: noop,
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    font: '12px sans-serif',
    textAlign: 'left',
    textBaseline: 'middle',
  };
}

interface GanttResult {
  name: string;
  value: number;
  unit: 'ms';
  budget: number;
}

/** Figures for bench/run.ts; `medianMs` is its timer. */
export function ganttBenchmarks(
  medianMs: (fn: () => void, iterations: number, rounds: number) => number,
): GanttResult[] {
  const net = zooNetwork('resnet152');
  const platform = platformById('hikey970');
  const tables = buildCostTables(net, platform);
  const unitsOf = (id: string) => platform.processors.find((p) => p.id === id)!.units;
  const plan = (cut: number) =>
    planFromSpec({ cuts: [cut, 161, 183], procs: ['big', 'gpu', 'little', 'npu'] }, net.layers.length, unitsOf);
  const evaluation = evaluatePlan(tables, plan(43));
  const model = buildGanttModel(simulate(evaluation, { frames: GANTT_FRAMES }), evaluation, net);
  const width = 1100;
  const scale = timeScale([0, model.endMs], [LAYOUT.gutter, width - LAYOUT.rightPad]);
  const ctx = nullContext();
  let sink = 0;
  const draw = medianMs(() => (sink += drawGantt(ctx, model, scale, { width, height: model.height }).boxes), 2000, 15);
  // A drag tick: a new plan → evaluation → schedule → model → static redraw.
  let cut = 20;
  const tick = medianMs(
    () => {
      cut = cut >= 150 ? 20 : cut + 1;
      const e = evaluatePlan(tables, plan(cut));
      const m = buildGanttModel(simulate(e, { frames: GANTT_FRAMES }), e, net);
      sink += drawGantt(ctx, m, timeScale([0, m.endMs], scale.range), { width, height: m.height }).boxes;
    },
    500,
    15,
  );
  if (sink === 42) console.log('');
  return [
    { name: 'Gantt redraw, ResNet-152 4 stages, 10 frames (null context)', value: draw, unit: 'ms', budget: 2 },
    { name: '  drag tick: evaluate + simulate + model + redraw', value: tick, unit: 'ms', budget: 2 },
  ];
}
