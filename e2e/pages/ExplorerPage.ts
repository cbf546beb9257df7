import { expect, type Locator, type Page } from '@playwright/test';
import { GanttPanel } from './GanttPanel';

/** Page object for the explorer: locators by test id, waits on data-state="ready", never on sleeps. */
export class ExplorerPage {
  readonly root: Locator;
  readonly modelPicker: Locator;
  readonly platformPicker: Locator;
  readonly fps: Locator;
  readonly latency: Locator;
  readonly energy: Locator;
  readonly stageCards: Locator;
  readonly strip: Locator;
  readonly stripCanvas: Locator;
  readonly handles: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly editor: Locator;
  readonly problems: Locator;
  readonly gantt: GanttPanel;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('app');
    this.modelPicker = page.getByTestId('model-picker');
    this.platformPicker = page.getByTestId('platform-picker');
    this.fps = page.getByTestId('metric-fps');
    this.latency = page.getByTestId('metric-latency');
    this.energy = page.getByTestId('metric-energy');
    this.stageCards = page.getByTestId('stage-card');
    this.strip = page.getByTestId('layer-strip');
    this.stripCanvas = page.getByTestId('strip-canvas');
    this.handles = page.getByTestId('split-handle');
    this.undoButton = page.getByTestId('undo');
    this.redoButton = page.getByTestId('redo');
    this.editor = page.getByTestId('platform-editor');
    this.problems = page.getByTestId('plan-problems');
    this.gantt = new GanttPanel(page);
  }

  async open(hash = ''): Promise<void> {
    await this.page.goto(`/${hash}`);
    await this.ready();
  }

  async ready(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-state', 'ready');
  }

  /**
   * Picks a network and waits until the store has it (the picker is controlled by the store, so it shows
   * the new value only once the cost tables are in) and the app is idle.
   */
  async selectModel(id: string): Promise<void> {
    await this.modelPicker.selectOption(id);
    await expect(this.modelPicker).toHaveValue(id);
    await this.ready();
  }

  async selectPlatform(id: string): Promise<void> {
    await this.platformPicker.selectOption(id);
    await expect(this.platformPicker).toHaveValue(id);
    await this.ready();
  }

  async fpsValue(): Promise<number> {
    return Number(await this.fps.textContent());
  }

  /** Client x of the boundary before layer `position` on the strip canvas. */
  async stripX(position: number): Promise<number> {
    const box = (await this.stripCanvas.boundingBox())!;
    const n = await this.page.evaluate(
      () => (window as unknown as { __explorer: { scenario(): { layers: number } } }).__explorer.scenario().layers,
    );
    return box.x + (position / n) * box.width;
  }

  /** Drags split handle `i` with the mouse to the boundary before layer `position`. */
  async dragHandle(i: number, position: number): Promise<void> {
    const handle = this.handles.nth(i);
    const hb = (await handle.boundingBox())!;
    const y = hb.y + hb.height / 2;
    await this.page.mouse.move(hb.x + hb.width / 2, y);
    await this.page.mouse.down();
    const x = await this.stripX(position);
    await this.page.mouse.move(x, y, { steps: 8 });
    await this.page.mouse.up();
  }

  /** The platform editor's input for a processor figure, by its accessible label. */
  figure(processorName: string, field: string): Locator {
    return this.editor.getByLabel(`${processorName}: ${field}`, { exact: true });
  }
}
