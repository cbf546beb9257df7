import type { Page } from '@playwright/test';
import type { ExplorerTestApi } from '../src/state/testApi';

/** Typed access to the app's window test API from Playwright. */
export async function scenario(page: Page): Promise<ReturnType<ExplorerTestApi['scenario']>> {
  return page.evaluate(() => (window as unknown as { __explorer: ExplorerTestApi }).__explorer.scenario());
}
