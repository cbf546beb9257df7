import { beforeEach, describe, expect, it } from 'vitest';
import { specOfPlan } from '../../src/core/plan/types';
import { useStore } from '../../src/state/store';

const initial = useStore.getState();
const cuts = () => specOfPlan(useStore.getState().plan).cuts;

describe('undo and redo', () => {
  beforeEach(() => useStore.setState(initial, true));

  it('undo restores the plan and its evaluation; redo reapplies it', () => {
    const before = useStore.getState();
    const c = cuts()[0]!;
    before.moveSplit(0, c + 5);
    expect(cuts()).toEqual([c + 5]);
    const movedFps = useStore.getState().evaluation.metrics.fps;
    useStore.getState().undo();
    expect(cuts()).toEqual([c]);
    expect(useStore.getState().evaluation.metrics.fps).toBe(before.evaluation.metrics.fps);
    useStore.getState().redo();
    expect(cuts()).toEqual([c + 5]);
    expect(useStore.getState().evaluation.metrics.fps).toBe(movedFps);
  });

  it('a new edit clears redo', () => {
    const c = cuts()[0]!;
    useStore.getState().moveSplit(0, c + 1);
    useStore.getState().undo();
    useStore.getState().moveSplit(0, c + 2);
    expect(useStore.getState().future).toHaveLength(0);
    useStore.getState().redo();
    expect(cuts()).toEqual([c + 2]);
  });

  it('a drag gesture is one undo step; cancel returns to where it began', () => {
    const c = cuts()[0]!;
    const s = () => useStore.getState();
    s().beginGesture();
    for (let d = 1; d <= 10; d++) s().moveSplit(0, c + d);
    s().endGesture();
    expect(s().past).toHaveLength(1);
    s().undo();
    expect(cuts()).toEqual([c]);
    s().beginGesture();
    s().moveSplit(0, c + 7);
    s().cancelGesture();
    expect(cuts()).toEqual([c]);
    expect(s().gestureStart).toBeNull();
  });

  it('undo across a network change restores the cost tables of the old network', async () => {
    const s = () => useStore.getState();
    const tables = s().tables;
    await s().selectModel('mobilenet_v2');
    expect(s().network.id).toBe('mobilenet_v2');
    expect(s().tables.n).toBe(s().network.layers.length);
    s().undo();
    expect(s().modelId).toBe(initial.modelId);
    expect(s().tables).toBe(tables);
    expect(s().evaluation.metrics.fps).toBe(initial.evaluation.metrics.fps);
  });

  it('an unknown model sets an error and records nothing', async () => {
    await useStore.getState().selectModel('no-such-net');
    expect(useStore.getState().error).toMatch(/no-such-net/);
    expect(useStore.getState().past).toHaveLength(0);
  });
});

describe('cost tables off the main thread', () => {
  beforeEach(() => useStore.setState(initial, true));

  it('a newer network choice wins over an older one still loading', async () => {
    const s = () => useStore.getState();
    const older = s().selectModel('vgg16');
    const newer = s().selectModel('squeezenet1_1');
    expect(s().loading).toBe(true);
    await Promise.all([older, newer]);
    expect(s().modelId).toBe('squeezenet1_1');
    expect(s().tables.network.id).toBe('squeezenet1_1');
    expect(s().loading).toBe(false);
    expect(s().past).toHaveLength(1);
  });
});
