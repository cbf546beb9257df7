import { beforeEach, describe, expect, it } from 'vitest';
import { evaluatePlan } from '../../src/core/plan/evaluate';
import { paretoFront } from '../../src/core/search/pareto';
import { selectBackToBackMetrics } from '../../src/state/selectors';
import { useStore } from '../../src/state/store';

const initial = useStore.getState();

describe('the FPS-vs-energy front in the store (same-thread search in Node)', () => {
  beforeEach(() => useStore.setState(initial, true));

  it("computes the core's front on the scenario's tables, fastest first, and loads a point as the plan", async () => {
    await useStore.getState().selectModel('squeezenet1_1');
    const tables = useStore.getState().tables;
    await useStore.getState().computeFront();
    const { front } = useStore.getState();
    expect(front.state).toBe('done');
    expect(front.tables).toBe(tables);
    const expected = paretoFront(tables).front.map((f) => [
      f.evaluation.metrics.fps,
      f.evaluation.metrics.energyPerFrameMj,
    ]);
    expect(front.points!.map((p) => [p.fps, p.energyMj])).toEqual(expected);
    expect(front.points!.length).toBeGreaterThan(2);
    for (let i = 1; i < front.points!.length; i++) {
      expect(front.points![i]!.fps).toBeLessThan(front.points![i - 1]!.fps);
      expect(front.points![i]!.energyMj).toBeLessThan(front.points![i - 1]!.energyMj);
    }
    const point = front.points![1]!;
    useStore.getState().setPlan(point.plan);
    expect(useStore.getState().evaluation.metrics.fps).toBe(point.fps);
    expect(selectBackToBackMetrics(useStore.getState()).energyPerFrameMj).toBe(point.energyMj);
  });

  it('keeps an old front apart from a new scenario, and says when a front was cancelled', async () => {
    await useStore.getState().selectModel('squeezenet1_1');
    await useStore.getState().computeFront();
    await useStore.getState().selectPlatform('snapdragon855');
    expect(useStore.getState().front.tables).not.toBe(useStore.getState().tables);
    useStore.getState().cancelFront();
    expect(useStore.getState().front).toEqual({ state: 'idle', progress: 0, message: 'Front computation cancelled.' });
  });

  it('reports why there is no front at all: a layer that fits on no processor', async () => {
    await useStore.getState().selectModel('vgg16');
    await useStore.getState().selectPlatform('accel4');
    await useStore.getState().computeFront();
    const { front } = useStore.getState();
    expect(front.state).toBe('error');
    expect(front.message).toMatch(/layer 33 "classifier.0".*fits on no processor/);
  });

  it('compares the plan with the front at frames back to back, whatever the FPS target', () => {
    useStore.getState().setObjective('energy');
    useStore.getState().setMinFps(5);
    const s = useStore.getState();
    // Under "min energy at FPS >= 5" the store counts idle power over 200 ms a frame; the front does not.
    expect(s.evaluation.metrics.energyPerFrameMj).toBeGreaterThan(selectBackToBackMetrics(s).energyPerFrameMj);
    expect(selectBackToBackMetrics(s)).toEqual(evaluatePlan(s.tables, s.plan).metrics);
  });
});
