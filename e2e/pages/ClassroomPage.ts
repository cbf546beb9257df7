import { expect, type Locator, type Page } from '@playwright/test';
import { ExplorerPage } from './ExplorerPage';

/** Page object for research scenarios, the guided tour and presentation mode. */
export class ClassroomPage extends ExplorerPage {
  readonly scenarioPicker: Locator;
  readonly scenarioPanel: Locator;
  readonly scenarioRows: Locator;
  readonly paperBox: Locator;
  readonly tourButton: Locator;
  readonly tour: Locator;
  readonly presentationButton: Locator;

  constructor(page: Page) {
    super(page);
    this.scenarioPicker = page.getByTestId('scenario-picker');
    this.scenarioPanel = page.getByTestId('scenario-panel');
    this.scenarioRows = this.scenarioPanel.getByTestId('scenario-row');
    this.paperBox = page.getByTestId('scenario-paper');
    this.tourButton = page.getByTestId('tour');
    this.tour = page.getByRole('dialog', { name: /./ }).and(page.getByTestId('tour-dialog'));
    this.presentationButton = page.getByTestId('presentation');
  }

  /** Opens a research scenario from the header picker and waits until it and its cost tables are in. */
  async openScenario(id: string): Promise<void> {
    await this.scenarioPicker.selectOption(id);
    await expect(this.scenarioPanel).toBeVisible();
    await expect(this.scenarioPicker).toHaveValue(id);
    await this.ready();
  }

  /** The raw numbers (as the cost model gave them) of row `i` of the comparison table. */
  async rowNumbers(i: number): Promise<{ label: string; fps: number; latencyMs: number; energyPerFrameMj: number }> {
    const row = this.scenarioRows.nth(i);
    const value = async (id: string) => Number(await row.getByTestId(id).getAttribute('data-value'));
    return {
      label: (await row.locator('th').textContent()) ?? '',
      fps: await value('row-fps'),
      latencyMs: await value('row-latency'),
      energyPerFrameMj: await value('row-energy'),
    };
  }

  /** Presses Tab until `target` has focus (at most `max` presses); fails otherwise. */
  async tabTo(target: Locator, max = 60): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press('Tab');
    }
    await expect(target).toBeFocused();
  }
}
