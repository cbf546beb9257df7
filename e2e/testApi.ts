import type { Page } from '@playwright/test';
import type { ExplorerTestApi } from '../src/state/testApi';
import type { PlanSpec } from '../src/core/plan/types';

type Api = { __explorer: ExplorerTestApi };

/** Typed access to the app's window test API from Playwright. */
export async function scenario(page: Page): Promise<ReturnType<ExplorerTestApi['scenario']>> {
  return page.evaluate(() => (window as unknown as Api).__explorer.scenario());
}

export async function setPlan(page: Page, spec: PlanSpec): Promise<void> {
  await page.evaluate((s) => (window as unknown as Api).__explorer.setPlan(s), spec);
}

/** The core's own evaluation of a plan, from cost tables built afresh. */
export async function coreEvaluate(page: Page, spec: PlanSpec): Promise<ReturnType<ExplorerTestApi['evaluate']>> {
  return page.evaluate((s) => (window as unknown as Api).__explorer.evaluate(s), spec);
}

/** The Gantt's schedule as the store simulates it. */
export async function schedule(page: Page): Promise<ReturnType<ExplorerTestApi['schedule']>> {
  return page.evaluate(() => (window as unknown as Api).__explorer.schedule());
}
