import { describe, expect, it, vi } from 'vitest';
import { buildCostTables } from '../../src/core/cost/tables';
import { platformById } from '../../src/core/platform/presets';
import { searchPlan } from '../../src/core/search/searchPlan';
import { zooNetwork } from '../../src/core/zoo';
import { createSearchApi, type SearchRequest } from '../../src/workers/searchApi';
import { SearchClient, sameThreadEndpoint, type SearchEndpoint } from '../../src/workers/searchClient';

const request: SearchRequest = {
  model: 'squeezenet1_1',
  platform: platformById('hikey970'),
  options: { objective: 'fps' },
};

/** An endpoint whose searches finish only when the test says so. */
function controllable() {
  const calls: { resolve: (v: unknown) => void; progress?: (f: number) => void }[] = [];
  let terminated = 0;
  const endpoint: SearchEndpoint = {
    api: {
      search: (_req, onProgress) =>
        new Promise((resolve) =>
          calls.push({ resolve: resolve as (v: unknown) => void, ...(onProgress ? { progress: onProgress } : {}) }),
        ),
      pareto: () => new Promise(() => {}),
    },
    terminate: () => terminated++,
  };
  return { endpoint, calls, terminated: () => terminated };
}

describe('search API (the worker body, run in Node)', () => {
  it('returns what the core search returns, with progress', () => {
    const progress: number[] = [];
    const result = createSearchApi().search(request, (f) => progress.push(f));
    const direct = searchPlan(buildCostTables(zooNetwork('squeezenet1_1'), platformById('hikey970')));
    expect(result.plan).toEqual(direct.plan);
    expect(result.evaluation.metrics.fps).toBe(direct.evaluation.metrics.fps);
    expect(progress.at(-1)).toBe(1);
  });

  it('computes a Pareto front whose fastest point is the max-FPS plan', () => {
    const api = createSearchApi();
    const front = api.pareto({ ...request, options: {} });
    const best = api.search(request);
    expect(front.front[0]!.evaluation.metrics.periodMs).toBeCloseTo(best.evaluation.metrics.periodMs, 9);
  });
});

describe('SearchClient', () => {
  it('lets a newer request supersede an older one: the older rejects with CANCELLED and its worker is stopped', async () => {
    const fake = controllable();
    const spawn = vi.fn(() => fake.endpoint);
    const client = new SearchClient(spawn);
    const first = client.search(request);
    await Promise.resolve();
    const second = client.search(request);
    await expect(first).rejects.toThrow(/cancelled/);
    expect(fake.terminated()).toBe(1);
    expect(spawn).toHaveBeenCalledTimes(2); // a fresh worker for the newer request
    await vi.waitFor(() => expect(fake.calls.length).toBe(2));
    fake.calls[0]!.resolve('stale'); // a late answer from the stopped search is dropped
    fake.calls[1]!.resolve('fresh');
    await expect(second).resolves.toBe('fresh');
  });

  it('cancel() stops the running search and rejects it', async () => {
    const fake = controllable();
    const client = new SearchClient(() => fake.endpoint);
    const running = client.search(request);
    client.cancel();
    await expect(running).rejects.toThrow(/cancelled/);
    expect(fake.terminated()).toBe(1);
  });

  it('passes progress through', async () => {
    const fake = controllable();
    const client = new SearchClient(() => fake.endpoint);
    const seen: number[] = [];
    const running = client.search(request, (f) => seen.push(f));
    await vi.waitFor(() => expect(fake.calls.length).toBe(1));
    fake.calls[0]!.progress?.(0.5);
    fake.calls[0]!.resolve('done');
    await running;
    expect(seen).toEqual([0.5]);
  });

  it('falls back to the same thread where there is no Worker', async () => {
    const client = new SearchClient(sameThreadEndpoint);
    const result = await client.search(request);
    expect(result.evaluation.valid).toBe(true);
  });
});
