import { expect, type Locator, type Page } from '@playwright/test';
import type { ExplorerTestApi, GraphProbe } from '../../src/state/testApi';

type ProbeCall<K extends keyof GraphProbe> = Parameters<GraphProbe[K]>;

/** Page object for the layer graph: waits on its own data-state, finds canvas geometry through the test API. */
export class LayerGraphPage {
  readonly root: Locator;
  readonly tooltip: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('layer-graph');
    this.tooltip = page.getByTestId('graph-tooltip');
  }

  /** Waits until the current layout is drawn, and brings the graph on screen. */
  async ready(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
    await this.root.scrollIntoViewIfNeeded();
  }

  async nodeIds(): Promise<string[]> {
    return this.page.evaluate(() =>
      (window as unknown as { __explorer: ExplorerTestApi }).__explorer.graph()!.nodeIds(),
    );
  }

  async nodeRange(...args: ProbeCall<'nodeRange'>): Promise<[number, number] | null> {
    return this.page.evaluate(
      (a) => (window as unknown as { __explorer: ExplorerTestApi }).__explorer.graph()!.nodeRange(...a),
      args,
    );
  }

  /** Client coordinates of a node's centre. */
  async nodeCenter(id: string): Promise<{ x: number; y: number }> {
    const p = await this.page.evaluate(
      (i) => (window as unknown as { __explorer: ExplorerTestApi }).__explorer.graph()!.nodeCenter(i),
      id,
    );
    expect(p, `node ${id} is in the graph`).not.toBeNull();
    return p!;
  }

  /** Client coordinates of the midpoint of the edge between two nodes. */
  async edgePoint(source: string, target: string): Promise<{ x: number; y: number }> {
    const p = await this.page.evaluate(
      ([s, t]) => (window as unknown as { __explorer: ExplorerTestApi }).__explorer.graph()!.edgePoint(s, t),
      [source, target] as const,
    );
    expect(p, `edge ${source} -> ${target} is in the graph`).not.toBeNull();
    return p!;
  }
}
