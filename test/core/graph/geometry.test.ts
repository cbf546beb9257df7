import { describe, expect, it } from 'vitest';
import { edgePaths, NODE_HEIGHT, nodeSizes, type GraphLayout } from '../../../src/core/graph/geometry';
import { layoutEdgeMask } from '../../../src/core/graph/reduce';
import { collapsedView } from '../../../src/core/graph/view';
import { residual } from '../../fixtures/networks';

describe('geometry', () => {
  it('sizes nodes from their labels within bounds', () => {
    const view = collapsedView(residual(), new Set());
    const { widths, heights } = nodeSizes(view);
    expect(heights.every((h) => h === NODE_HEIGHT)).toBe(true);
    expect(widths.every((w) => w >= 76 && w <= 250)).toBe(true);
  });

  it('uses the engine route for laid-out edges and an arc over the row for skips', () => {
    const view = collapsedView(residual(), new Set());
    const mask = layoutEdgeMask(view);
    const n = view.nodes.length;
    const kept = view.edges.filter((_, i) => mask[i]);
    const layout: GraphLayout = {
      x: view.nodes.map((_, i) => i * 100),
      y: view.nodes.map(() => 50),
      widths: view.nodes.map(() => 80),
      heights: view.nodes.map(() => 40),
      width: n * 100,
      height: 100,
      routes: kept.map((e) => [e.source * 100 + 80, 70, e.target * 100, 70]),
    };
    const paths = edgePaths(view, mask, layout);
    const skip = view.edges.findIndex((_, i) => !mask[i]);
    expect(paths[skip]!.arc).toBe(true);
    // The arc starts and ends on the tops of its nodes and bows above the row.
    const p = paths[skip]!.points;
    expect(p[1]).toBe(50);
    expect(p[p.length - 1]).toBe(50);
    expect(paths[skip]!.minY).toBeLessThan(50);
    const chain = paths.find((q) => !q.arc)!;
    expect(chain.points.length).toBe(4);
    expect(chain.maxX - chain.minX).toBe(20);
  });
});
