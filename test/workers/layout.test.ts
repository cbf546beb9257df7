import { describe, expect, it } from 'vitest';
import { ExplorerError } from '../../src/core/errors';
import { defaultExpansion, expansionKey } from '../../src/core/graph/expansion';
import { nodeSizes, type GraphLayout } from '../../src/core/graph/geometry';
import { layoutEdgeMask } from '../../src/core/graph/reduce';
import { collapsedView } from '../../src/core/graph/view';
import { zooNetwork } from '../../src/core/zoo';
import { createLayoutApi, type LayoutRequest } from '../../src/workers/layoutApi';
import { LayoutClient, sameThreadLayoutEndpoint, type LayoutEndpoint } from '../../src/workers/layoutClient';

function requestFor(id: string): LayoutRequest {
  const net = zooNetwork(id);
  const expanded = defaultExpansion(net);
  const view = collapsedView(net, expanded);
  const mask = layoutEdgeMask(view);
  const { widths, heights } = nodeSizes(view);
  const edges = view.edges.flatMap((e, i) => (mask[i] ? [e.source, e.target] : []));
  return { key: `${id}#${expansionKey(expanded)}`, widths, heights, edges, aspectRatio: 1.8 };
}

const overlap = (l: GraphLayout, i: number, j: number) =>
  l.x[i]! < l.x[j]! + l.widths[j]! &&
  l.x[j]! < l.x[i]! + l.widths[i]! &&
  l.y[i]! < l.y[j]! + l.heights[j]! &&
  l.y[j]! < l.y[i]! + l.heights[i]!;

describe('layout API (ELK in Node)', () => {
  it('lays out collapsed DenseNet-121 without overlaps, inside its bounds, with a route per edge', async () => {
    const api = createLayoutApi();
    const req = requestFor('densenet121');
    const l = await api.layout(req);
    const n = req.widths.length;
    expect(l.x).toHaveLength(n);
    for (let i = 0; i < n; i++) {
      expect(l.x[i]! + l.widths[i]!).toBeLessThanOrEqual(l.width + 1e-6);
      expect(l.y[i]! + l.heights[i]!).toBeLessThanOrEqual(l.height + 1e-6);
      for (let j = i + 1; j < n; j++) expect(overlap(l, i, j)).toBe(false);
    }
    expect(l.routes).toHaveLength(req.edges.length / 2);
    expect(l.routes.every((r) => r.length >= 4)).toBe(true);
    // Wrapping: a wide viewport's aspect ratio folds the chain into rows.
    expect(new Set(l.y.map((y) => Math.round(y / 10))).size).toBeGreaterThan(1);
    // Cached by key: the same object comes back.
    expect(await api.layout(req)).toBe(l);
  });

  it('the client lets the newest request win and caches finished layouts', async () => {
    let spawned = 0;
    let release: (() => void) | undefined;
    const gate = new Promise<void>((r) => (release = r));
    const spawn = (): LayoutEndpoint => {
      spawned++;
      const inner = sameThreadLayoutEndpoint();
      return {
        api: {
          layout: async (r) => (r.key.startsWith('slow') ? gate.then(() => inner.api.layout(r)) : inner.api.layout(r)),
        },
        terminate: () => release?.(),
      };
    };
    const client = new LayoutClient(spawn);
    const slow = client.layout({ ...requestFor('resnet18'), key: 'slow' });
    const fast = client.layout(requestFor('resnet18'));
    await expect(slow).rejects.toMatchObject({ code: 'LAYOUT_SUPERSEDED' });
    await expect(slow).rejects.toBeInstanceOf(ExplorerError);
    const l = await fast;
    expect(spawned).toBe(2); // the superseded worker was replaced
    expect(client.cached(requestFor('resnet18').key)).toBe(l);
    expect(await client.layout(requestFor('resnet18'))).toBe(l);
    client.dispose();
  });

  it('a failing layout rejects with LAYOUT_FAILED and the client keeps working', async () => {
    let calls = 0;
    const client = new LayoutClient(() => ({
      api: {
        layout: async (r) => {
          calls++;
          if (r.key === 'bad') throw new Error('ELK exploded');
          return sameThreadLayoutEndpoint().api.layout(r);
        },
      },
      terminate: () => {},
    }));
    await expect(client.layout({ ...requestFor('resnet18'), key: 'bad' })).rejects.toMatchObject({
      code: 'LAYOUT_FAILED',
      message: expect.stringContaining('ELK exploded'),
    });
    expect(client.cached('bad')).toBeUndefined();
    const l = await client.layout(requestFor('resnet18'));
    expect(l.x.length).toBe(requestFor('resnet18').widths.length);
    expect(calls).toBe(2);
  });
});
