import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';
import { scenario } from './testApi';

test('Optimize runs the exact search in the worker and shows the plan the CLI finds', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  await app.selectModel('resnet18');
  await page.getByTestId('optimize').click();
  await expect(page.getByTestId('search-summary')).toBeVisible();
  await app.ready();
  const s = await scenario(page);
  const cli = JSON.parse(
    execFileSync('npx', ['tsx', 'src/cli/main.ts', 'plan', 'resnet18', '--platform', 'hikey970', '--json'], {
      encoding: 'utf8',
    }),
  ) as { plan: { cuts: number[]; procs: string[]; units: number[] }; metrics: { fps: number } };
  expect(s.plan).toEqual({ cuts: cli.plan.cuts, procs: cli.plan.procs, units: cli.plan.units });
  expect(await app.fpsValue()).toBe(Number(cli.metrics.fps.toFixed(2)));
});

test('a running search can be cancelled and leaves the plan unchanged', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  // ResNet-152 on four Raspberry Pis (16 cores) is among the longest searches (over half a second).
  await app.selectModel('resnet152');
  await app.selectPlatform('rpi4x4');
  const before = await scenario(page);
  await page.getByTestId('optimize').click();
  await page.getByTestId('cancel-search').click();
  await app.ready();
  await expect(page.getByText('Search cancelled.')).toBeVisible();
  expect((await scenario(page)).plan).toEqual(before.plan);
  // The worker was replaced: a new search still works.
  await app.selectModel('squeezenet1_1');
  await page.getByTestId('optimize').click();
  await expect(page.getByTestId('search-summary')).toBeVisible();
});
