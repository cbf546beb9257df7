import { expect, type Locator, type Page } from '@playwright/test';
import { LAYOUT } from '../../src/ui/charts/Gantt/model';

/** Page object for the pipeline Gantt chart (`data-testid="gantt"`). */
export class GanttPanel {
  readonly root: Locator;
  readonly canvas: Locator;
  readonly tooltip: Locator;
  readonly zoomIn: Locator;
  readonly resetZoom: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('gantt');
    this.canvas = this.root.getByRole('img');
    this.tooltip = page.getByTestId('gantt-tooltip');
    this.zoomIn = page.getByTestId('gantt-zoom-in');
    this.resetZoom = page.getByTestId('gantt-zoom-reset');
  }

  async lanes(): Promise<string[]> {
    return ((await this.root.getAttribute('data-lanes')) ?? '').split('|');
  }

  /** Visible time span, ms. */
  async domain(): Promise<[number, number]> {
    const [a, b] = ((await this.root.getAttribute('data-domain')) ?? '').split(',').map(Number);
    return [a!, b!];
  }

  /** Page coordinates of time `ms` in lane `lane` (vertical centre), with the chart's own layout. */
  async point(lane: number, ms: number): Promise<{ x: number; y: number }> {
    await expect(this.canvas).toBeVisible();
    // The mouse can only hover what is inside the viewport.
    await this.canvas.scrollIntoViewIfNeeded();
    const box = (await this.canvas.boundingBox())!;
    const [d0, d1] = await this.domain();
    const labels = await this.lanes();
    let top: number = LAYOUT.top;
    for (let i = 0; i < lane; i++) top += labels[i]!.includes('→') ? LAYOUT.linkLane : LAYOUT.processorLane;
    const height = labels[lane]!.includes('→') ? LAYOUT.linkLane : LAYOUT.processorLane;
    const plot = box.width - LAYOUT.gutter - LAYOUT.rightPad;
    return { x: box.x + LAYOUT.gutter + ((ms - d0) / (d1 - d0)) * plot, y: box.y + top + height / 2 };
  }
}
