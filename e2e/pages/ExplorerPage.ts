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
  readonly zooList: Locator;
  readonly stageCards: Locator;
  readonly gantt: GanttPanel;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('app');
    this.modelPicker = page.getByTestId('model-picker');
    this.platformPicker = page.getByTestId('platform-picker');
    this.fps = page.getByTestId('metric-fps');
    this.latency = page.getByTestId('metric-latency');
    this.energy = page.getByTestId('metric-energy');
    this.zooList = page.getByTestId('zoo-list');
    this.stageCards = page.getByTestId('stage-card');
    this.gantt = new GanttPanel(page);
  }

  async open(hash = ''): Promise<void> {
    await this.page.goto(`/${hash}`);
    await this.ready();
  }

  async ready(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-state', 'ready');
  }

  async fpsValue(): Promise<number> {
    return Number(await this.fps.textContent());
  }
}
