import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';
import { coreEvaluate, scenario } from './testApi';

interface CliFront {
  front: {
    plan: { cuts: number[]; procs: string[]; units: number[] };
    metrics: { fps: number; energyPerFrameMj: number };
  }[];
}

/** Opens the app on ResNet-18 (HiKey 970) and computes its front. */
async function openResnet18Front(page: Page): Promise<ExplorerPage> {
  const app = new ExplorerPage(page);
  await app.open();
  await app.selectModel('resnet18');
  await page.getByTestId('compute-front').click();
  await expect(page.getByTestId('front-chart')).toBeVisible();
  await app.ready();
  return app;
}

test('the FPS-vs-energy front is the CLI front, and a point of it loads as the plan', async ({ page }) => {
  // The search worker fetches the compiled sweep kernel (the CLI below uses the same file).
  const kernel = page.context().waitForEvent('requestfinished', (r) => /energySweep[^/]*\.wasm/.test(r.url()));
  const app = await openResnet18Front(page);
  expect((await (await kernel).response())?.status()).toBe(200);
  const cli = JSON.parse(
    execFileSync('npx', ['tsx', 'src/cli/main.ts', 'pareto', 'resnet18', '--platform', 'hikey970', '--json'], {
      encoding: 'utf8',
    }),
  ) as CliFront;
  await expect(page.getByTestId('front-summary')).toContainText(`${cli.front.length} plans on the front`);

  // The slider runs slowest (left) to fastest (right); step once left of the fastest plan and use it.
  const slider = page.getByTestId('front-slider');
  await slider.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  const second = cli.front[1]!;
  await expect(page.getByTestId('front-point')).toContainText(`${second.metrics.fps.toFixed(2)} FPS`);
  await page.getByTestId('use-front-plan').click();
  await app.ready();
  const s = await scenario(page);
  expect(s.plan).toEqual({ cuts: second.plan.cuts, procs: second.plan.procs, units: second.plan.units });
  expect(await app.fpsValue()).toBe(Number(second.metrics.fps.toFixed(2)));
  // A plan taken from the front sits on it.
  await expect(page.getByTestId('front-verdict')).toContainText('is on the front');

  const axe = await new AxeBuilder({ page })
    .include('[data-testid="front-panel"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('a running front can be cancelled, and a new scenario hides an old front', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  // ResNet-152 on four Raspberry Pis takes seconds: long enough to cancel.
  await app.selectModel('resnet152');
  await app.selectPlatform('rpi4x4');
  const before = await scenario(page);
  await page.getByTestId('compute-front').click();
  await page.getByTestId('cancel-front').click();
  await app.ready();
  await expect(page.getByText('Front computation cancelled.')).toBeVisible();
  expect((await scenario(page)).plan).toEqual(before.plan);
  // One worker runs one request: Optimize stops a running front and says so, then finishes.
  await page.getByTestId('compute-front').click();
  await page.getByTestId('optimize').click();
  await expect(page.getByText('Front computation stopped.')).toBeVisible();
  await expect(page.getByTestId('search-summary')).toBeVisible();
  await app.ready();

  // The worker was replaced: a front still computes, and belongs to its scenario only.
  await app.selectModel('squeezenet1_1');
  await app.selectPlatform('hikey970');
  await page.getByTestId('compute-front').click();
  await expect(page.getByTestId('front-chart')).toBeVisible();
  await app.selectPlatform('snapdragon855');
  await app.ready();
  await expect(page.getByTestId('front-chart')).toHaveCount(0);
  await expect(page.getByTestId('compute-front')).toHaveText('Compute the front');
});

test("'Pick that plan below' selects the front's plan at the user's speed, which spends less", async ({ page }) => {
  const app = await openResnet18Front(page);
  const before = await coreEvaluate(page, (await scenario(page)).plan);
  // The opening two-stage plan is not on the front: the sentence says by how much, and offers the plan.
  await expect(page.getByTestId('front-verdict')).toContainText('more per frame');
  await page.getByRole('button', { name: 'Pick that plan below' }).click();
  await page.getByTestId('use-front-plan').click();
  await app.ready();
  const after = await coreEvaluate(page, (await scenario(page)).plan);
  expect(after.fps).toBeGreaterThanOrEqual(before.fps * (1 - 1e-9));
  expect(after.energyPerFrameMj).toBeLessThan(before.energyPerFrameMj);
  await expect(page.getByTestId('front-verdict')).toContainText('is on the front');
});
