import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';
import { scenario } from './testApi';

/** Runs the CLI as a user would and parses its JSON. */
function cliEvaluate(
  model: string,
  platform: string,
  plan: { cuts: readonly number[]; procs: readonly string[]; units: readonly number[] },
) {
  const out = execFileSync(
    'npx',
    [
      'tsx',
      'src/cli/main.ts',
      'evaluate',
      model,
      '--platform',
      platform,
      '--cuts',
      plan.cuts.join(','),
      '--procs',
      plan.procs.join(','),
      '--units',
      plan.units.join(','),
      '--json',
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as { metrics: { fps: number; latencyMs: number }; valid: boolean };
}

test('the app opens on ResNet-50 on the HiKey 970 with a two-stage plan', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  await expect(app.modelPicker).toHaveValue('resnet50');
  await expect(app.platformPicker).toHaveValue('hikey970');
  await expect(app.stageCards).toHaveCount(2);
  await expect(app.modelPicker.locator('option')).toHaveCount(12);
});

test("the default plan's FPS equals what the CLI's evaluate prints for the same plan", async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  const s = await scenario(page);
  expect(s.valid).toBe(true);
  const cli = cliEvaluate(s.model, s.platform, s.plan);
  expect(cli.valid).toBe(true);
  // The UI shows two decimals; the CLI prints the full number.
  expect(await app.fpsValue()).toBe(Number(cli.metrics.fps.toFixed(2)));
  expect(s.fps).toBe(cli.metrics.fps);
});

test('picking another network and platform re-evaluates with the core', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  const before = await app.fpsValue();
  await app.selectModel('mobilenet_v2');
  const s = await scenario(page);
  expect(s.model).toBe('mobilenet_v2');
  const after = await app.fpsValue();
  expect(after).not.toBe(before);
  expect(after).toBe(Number(cliEvaluate(s.model, s.platform, s.plan).metrics.fps.toFixed(2)));
  await app.selectPlatform('rpi4x4');
  const onPi = await scenario(page);
  expect(onPi.platform).toBe('rpi4x4');
  expect(await app.fpsValue()).toBe(Number(cliEvaluate(onPi.model, onPi.platform, onPi.plan).metrics.fps.toFixed(2)));
});
