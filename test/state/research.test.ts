import { beforeEach, describe, expect, it } from 'vitest';
import { ExplorerError } from '../../src/core/errors';
import { buildCostTables } from '../../src/core/cost/tables';
import { evaluatePlan } from '../../src/core/plan/evaluate';
import { planFromSpec, specOfPlan } from '../../src/core/plan/types';
import { decodeShareState, encodeShareState } from '../../src/core/share/codec';
import { makeShareState, shareStateSchema } from '../../src/core/share/shareState';
import { runScenario } from '../../src/core/strategies/scenarios';
import { zooNetwork } from '../../src/core/zoo';
import { shareStateOf } from '../../src/state/share';
import { selectShownScenario } from '../../src/state/slices/research';
import { useStore } from '../../src/state/store';
import { createResearchApi, type ScenarioOpening } from '../../src/workers/researchApi';
import { ResearchClient } from '../../src/workers/researchClient';

const initial = useStore.getState();
const api = createResearchApi();

describe('the research service', () => {
  it("opens a pipeline line with the line's own plan, whose evaluation is the strategy row", () => {
    const o = api.open('processor-pipelining');
    expect(o.planIsStrategy).toBe(true);
    expect(o.plan).toEqual({ cuts: o.result.plan!.cuts, procs: o.result.plan!.procs, units: o.result.plan!.units });
    const net = zooNetwork(o.modelId);
    const t = buildCostTables(net, o.result.platform);
    const units = (p: string) => o.result.platform.processors.find((x) => x.id === p)!.units;
    const e = evaluatePlan(t, planFromSpec(o.plan, net.layers.length, units));
    expect(e.metrics.fps).toBe(o.result.rows.find((r) => r.label === o.result.strategy)!.fps);
  });

  it.each(['cap', 'lcp'])('opens a line that is not a pipeline (%s) with the plan of its pipeline row', (id) => {
    const o = api.open(id);
    expect(o.planIsStrategy).toBe(false);
    expect(o.result.plan).toBeUndefined();
    const net = zooNetwork(o.modelId);
    const e = evaluatePlan(
      buildCostTables(net, o.result.platform),
      planFromSpec(o.plan, net.layers.length, () => 1),
    );
    expect(e.valid).toBe(true);
    expect(e.metrics.fps).toBe(o.result.rows.find((r) => r.strategy === 'pipeline')!.fps);
    expect(o.result.rows.map((r) => r.fps)).toEqual(runScenario(id).rows.map((r) => r.fps));
  });

  it('refuses an unknown scenario', () => {
    expect(() => api.open('nope')).toThrow(ExplorerError);
  });
});

describe('the research client', () => {
  it('drops an answer that a newer request superseded', async () => {
    const pending: ((o: ScenarioOpening) => void)[] = [];
    const client = new ResearchClient(() => ({ open: () => new Promise<ScenarioOpening>((r) => pending.push(r)) }));
    const first = client.open('pipe-it');
    const second = client.open('cap');
    const fake = { modelId: 'x' } as unknown as ScenarioOpening;
    pending[0]!(fake);
    pending[1]!(fake);
    await expect(first).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(second).resolves.toBe(fake);
  });
});

describe('opening a scenario in the store', () => {
  beforeEach(() => useStore.setState(initial, true));

  it('loads its network, platform object and plan as one undo step, and shows it until another network is picked', async () => {
    const depth = useStore.getState().past.length;
    await useStore.getState().openScenario('pipe-it');
    const s = useStore.getState();
    const expected = runScenario('pipe-it');
    expect(s.research.state).toBe('open');
    expect(s.modelId).toBe('squeezenet1_1');
    expect(s.platform.id).toBe(expected.platform.id);
    expect(specOfPlan(s.plan)).toEqual({
      cuts: expected.plan!.cuts,
      procs: expected.plan!.procs,
      units: expected.plan!.units,
    });
    expect(s.past.length).toBe(depth + 1);
    expect(selectShownScenario(s)?.result.id).toBe('pipe-it');
    expect(shareStateOf(s).view).toEqual({ scenario: 'pipe-it' });
    await useStore.getState().selectModel('resnet50');
    expect(selectShownScenario(useStore.getState())).toBeUndefined();
    expect(shareStateOf(useStore.getState()).view).toBeUndefined();
  });

  it('with load: false keeps the plan on screen and only brings the panel back', async () => {
    const plan = useStore.getState().plan;
    await useStore.getState().openScenario('lcp', { load: false });
    expect(useStore.getState().plan).toBe(plan);
    expect(useStore.getState().research.state).toBe('open');
  });

  it('an unknown scenario goes to the alert and leaves nothing open', async () => {
    await useStore.getState().openScenario('nope');
    expect(useStore.getState().research.state).toBe('idle');
    expect(useStore.getState().error).toMatch(/scenario/i);
  });
});

describe('a link naming a scenario', () => {
  it('round-trips view.scenario at v: 1 and refuses a malformed id', () => {
    const state = makeShareState({
      model: { zoo: 'resnet50' },
      platform: initial.platform,
      plan: initial.plan,
      objective: 'fps',
      view: { scenario: 'pipe-it' },
    });
    const d = decodeShareState(encodeShareState(state));
    expect(d.ok && d.state.view?.scenario).toBe('pipe-it');
    expect(d.ok && d.state.v).toBe(1);
    expect(shareStateSchema.safeParse({ ...state, view: { scenario: 'a b<script>' } }).success).toBe(false);
  });
});
