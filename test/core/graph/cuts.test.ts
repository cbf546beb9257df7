import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  crossings,
  cutsInside,
  edgeCrosses,
  edgeCutPosition,
  nodeStages,
  planCuts,
} from '../../../src/core/graph/cuts';
import { defaultExpansion } from '../../../src/core/graph/expansion';
import { layoutEdgeMask } from '../../../src/core/graph/reduce';
import { collapsedView } from '../../../src/core/graph/view';
import { crossingTensors } from '../../../src/core/model/crossing';
import type { Plan } from '../../../src/core/plan/types';
import { zooNetwork } from '../../../src/core/zoo';
import { residual } from '../../fixtures/networks';

const twoStages = (cut: number, n: number): Plan => ({
  stages: [
    { from: 0, to: cut, processor: 'a', units: 1 },
    { from: cut, to: n, processor: 'b', units: 1 },
  ],
});

describe('cut crossings', () => {
  it('a cut inside a residual block crosses the main path and the skip', () => {
    const view = collapsedView(residual(), new Set());
    // stem(0) conv1(1) conv2(2) add(3) head(4); cut 2 lies between conv1 and conv2.
    const crossed = crossings(view, [2]).map((c) => {
      const e = view.edges[c.edge]!;
      return `${view.nodes[e.source]!.label}->${view.nodes[e.target]!.label}`;
    });
    expect(crossed.sort()).toEqual(['conv1->conv2', 'stem->add']);
  });

  it('edge a -> b is crossed by c exactly when a < c <= b', () => {
    const edge = { source: 0, target: 1, tensors: [0], producers: [3], lastReads: [7], bytes: 4 };
    expect([3, 4, 7, 8].map((c) => edgeCrosses(edge, c))).toEqual([false, true, true, false]);
  });

  it('the tensors on crossed edges are exactly the tensors crossing the cut, at any expansion', () => {
    const net = zooNetwork('resnet50');
    const n = net.layers.length;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: n - 1 }), fc.boolean(), (c, expand) => {
        const view = collapsedView(net, expand ? defaultExpansion(net) : new Set());
        const inside = view.nodes.some((node) => node.from < c && c < node.to);
        const shown = new Set(crossings(view, [c]).flatMap((x) => view.edges[x.edge]!.tensors));
        const truth = crossingTensors(net, c);
        // Every crossing tensor shown is a true crossing; when no collapsed block hides the cut, all are shown.
        for (const t of shown) expect(truth).toContain(t);
        if (!inside) expect([...shown].sort((a, b) => a - b)).toEqual(truth);
      }),
      { numRuns: 60 },
    );
  });

  it('a click on an edge asks for the position right after its last producer', () => {
    const view = collapsedView(zooNetwork('densenet121'), new Set(['features']));
    const i = view.nodes.findIndex((node) => node.label === 'transition1');
    const edge = view.edges.find((e) => e.source === i)!;
    const c = edgeCutPosition(edge, view.layers);
    expect(c).toBe(view.nodes[i]!.to);
    expect(edgeCrosses(edge, c)).toBe(true);
    // The input edge clamps to the first valid cut.
    expect(edgeCutPosition(view.edges[0]!, view.layers)).toBe(1);
  });

  it('reports cuts falling inside a collapsed block and its stage shares', () => {
    const view = collapsedView(zooNetwork('densenet121'), new Set(['features']));
    const block = view.nodes.find((node) => node.label === 'denseblock2')!;
    const mid = Math.floor((block.from + block.to) / 2);
    const plan = twoStages(mid, view.layers);
    expect(cutsInside(block, planCuts(plan))).toEqual([0]);
    const shares = nodeStages(block, plan);
    expect(shares.map((s) => s.stage)).toEqual([0, 1]);
    expect(shares[0]!.share + shares[1]!.share).toBeCloseTo(1);
    expect(nodeStages(view.nodes[0]!, plan)).toEqual([{ stage: 0, share: 1 }]);
    expect(nodeStages(view.nodes[view.nodes.length - 1]!, plan)).toEqual([{ stage: 1, share: 1 }]);
  });
});

describe('layoutEdgeMask', () => {
  it('drops the residual skip (implied by the main path) and keeps the chain', () => {
    const view = collapsedView(residual(), new Set());
    const mask = layoutEdgeMask(view);
    const dropped = view.edges.filter((_, i) => !mask[i]);
    expect(dropped.map((e) => `${view.nodes[e.source]!.label}->${view.nodes[e.target]!.label}`)).toEqual(['stem->add']);
  });

  it('keeps reachability: every dropped edge is implied by kept ones (expanded dense block)', () => {
    const net = zooNetwork('densenet121');
    const view = collapsedView(net, new Set(['features', 'features.denseblock1']));
    const mask = layoutEdgeMask(view);
    const n = view.nodes.length;
    const adj: number[][] = Array.from({ length: n }, () => []);
    view.edges.forEach((e, i) => mask[i] && adj[e.source]!.push(e.target));
    const reaches = (s: number, t: number) => {
      const seen = new Set([s]);
      const stack = [s];
      while (stack.length) {
        for (const v of adj[stack.pop()!]!) {
          if (!seen.has(v)) {
            seen.add(v);
            stack.push(v);
          }
        }
      }
      return seen.has(t);
    };
    let dropped = 0;
    view.edges.forEach((e, i) => {
      if (!mask[i]) {
        dropped++;
        expect(reaches(e.source, e.target)).toBe(true);
      }
    });
    // Dense connectivity: most edges inside the block are implied.
    expect(dropped).toBeGreaterThan(10);
  });
});
