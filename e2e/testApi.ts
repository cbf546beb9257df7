import type { Page } from '@playwright/test';
import type { ExplorerTestApi } from '../src/state/testApi';

/** Typed access to the app's window test API from Playwright. */
export async function scenario(page: Page): Promise<ReturnType<ExplorerTestApi['scenario']>> {
  return page.evaluate(() => (window as unknown as { __explorer: ExplorerTestApi }).__explorer.scenario());
}

/** The Gantt's schedule as the store simulates it. */
export async function schedule(page: Page): Promise<ReturnType<ExplorerTestApi['schedule']>> {
  return page.evaluate(() => (window as unknown as { __explorer: ExplorerTestApi }).__explorer.schedule());
}

/** Sets a plan through the window API, as the optimizer or a drag would. */
export async function setPlan(page: Page, spec: Parameters<ExplorerTestApi['setPlan']>[0]): Promise<void> {
  await page.evaluate((s) => (window as unknown as { __explorer: ExplorerTestApi }).__explorer.setPlan(s), spec);
}
