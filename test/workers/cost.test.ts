import { describe, expect, it } from 'vitest';
import { buildCostTables } from '../../src/core/cost/tables';
import { tablesFromPayload, tablesPayload } from '../../src/core/cost/transfer';
import { evaluatePlan } from '../../src/core/plan/evaluate';
import { planFromSpec } from '../../src/core/plan/types';
import { platformById } from '../../src/core/platform/presets';
import { zooNetwork } from '../../src/core/zoo';
import { createCostApi } from '../../src/workers/costApi';
import { CostClient } from '../../src/workers/costClient';

describe('cost tables across threads', () => {
  it('tables rebuilt from a worker payload evaluate every plan exactly like the originals', () => {
    const network = zooNetwork('googlenet');
    const platform = platformById('hikey970');
    const original = buildCostTables(network, platform);
    const { payload, buffers } = createCostApi().build({ network: { zoo: 'googlenet' }, platform });
    expect(buffers.length).toBeGreaterThan(10);
    const copy = tablesFromPayload(network, platform, payload);
    const n = network.layers.length;
    for (const cuts of [[10], [40, 120], [5, 60, 150]]) {
      const procs = ['big', 'little', 'gpu', 'npu'].slice(0, cuts.length + 1);
      const plan = planFromSpec({ cuts, procs }, n, (id) => platform.processors.find((p) => p.id === id)!.units);
      expect(evaluatePlan(copy, plan)).toEqual(evaluatePlan(original, plan));
    }
    expect(copy.liveBytes.query(3, 90)).toBe(original.liveBytes.query(3, 90));
  });

  it('a payload for another network is refused', () => {
    const platform = platformById('hikey970');
    const { payload } = tablesPayload(buildCostTables(zooNetwork('alexnet'), platform));
    expect(() => tablesFromPayload(zooNetwork('resnet18'), platform, payload)).toThrow(/do not match/);
  });

  it('the client drops a superseded answer', async () => {
    const client = new CostClient();
    const platform = platformById('rpi4x4');
    const first = client.build({ network: { zoo: 'alexnet' }, platform });
    const second = client.build({ network: { zoo: 'squeezenet1_1' }, platform });
    await expect(first).rejects.toMatchObject({ code: 'CANCELLED' });
    expect((await second).n).toBe(zooNetwork('squeezenet1_1').layers.length);
  });
});
