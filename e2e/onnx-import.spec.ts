import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { formatFps } from '../src/core/format';
import { ExplorerPage } from './pages/ExplorerPage';
import { coreEvaluate, scenario } from './testApi';

const cli = (...args: string[]) =>
  JSON.parse(execFileSync('npx', ['tsx', 'src/cli/main.ts', ...args, '--json'], { encoding: 'utf8' })) as unknown;

test('an ONNX export opens like a zoo network: strip, search and sharing work on it', async ({ page, browser }) => {
  const app = new ExplorerPage(page);
  await app.open();
  await page.getByTestId('onnx-input').setInputFiles('test/fixtures/onnx/mobilenet_v2.onnx');
  await expect(page.getByTestId('import-notes')).toContainText('Imported mobilenet_v2.onnx');
  await app.ready();
  const s = await scenario(page);
  const stats = cli('stats', 'test/fixtures/onnx/mobilenet_v2.onnx') as { layers: number };
  expect(s.layers).toBe(stats.layers);
  await expect(app.modelPicker).toHaveValue(s.model);
  await expect(app.fps).toHaveText(formatFps((await coreEvaluate(page, s.plan)).fps));

  // The exact search runs on the imported network in the worker and finds what the CLI finds.
  await page.getByTestId('optimize').click();
  await expect(page.getByTestId('search-summary')).toBeVisible();
  await app.ready();
  const planned = cli('plan', 'test/fixtures/onnx/mobilenet_v2.onnx', '--platform', 'hikey970') as {
    plan: { cuts: number[]; procs: string[] };
  };
  const after = await scenario(page);
  expect(after.plan.cuts).toEqual(planned.plan.cuts);
  expect(after.plan.procs).toEqual(planned.plan.procs);

  // The network travels inline in the link.
  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  const fresh = await browser.newContext();
  const other = new ExplorerPage(await fresh.newPage());
  await other.page.goto(url);
  await other.ready();
  expect((await scenario(other.page)).layers).toBe(s.layers);
  expect(await other.fps.textContent()).toBe(await app.fps.textContent());
  await fresh.close();
});

test('a real ONNX Runtime profile calibrates a processor and shows measured against modelled', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  await page.getByTestId('onnx-input').setInputFiles('test/fixtures/onnx/mobilenet_v2.onnx');
  await expect(page.getByTestId('import-notes')).toBeVisible();
  await app.ready();
  // Put the whole network on the big cluster so the profile decides the FPS.
  await page.evaluate(() =>
    (window as unknown as { __explorer: { setPlan(p: object): void } }).__explorer.setPlan({
      cuts: [],
      procs: ['big'],
    }),
  );
  const before = await scenario(page);
  await page.getByTestId('profile-input-big').setInputFiles('test/fixtures/profiles/mobilenet_v2.ort.json');
  await expect(page.getByTestId('calibration')).toBeVisible();
  const matched = Number(await page.getByTestId('calibration-matched').textContent());
  expect(matched).toBeGreaterThan(100);
  await app.ready();
  const after = await scenario(page);
  expect(after.fps).not.toBe(before.fps);
  // The CLI with the same profile computes the same FPS.
  const calibrated = cli(
    'evaluate',
    'test/fixtures/onnx/mobilenet_v2.onnx',
    '--platform',
    'hikey970',
    '--cuts',
    '',
    '--procs',
    'big',
    '--profile',
    'test/fixtures/profiles/mobilenet_v2.ort.json@big',
  ) as {
    metrics: { fps: number };
  };
  expect(after.fps).toBeCloseTo(calibrated.metrics.fps, 9);
});

test('a file that is not ONNX gets a clear error and changes nothing', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  const before = await scenario(page);
  await page.getByTestId('onnx-input').setInputFiles({
    name: 'notes.onnx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('this is not a protobuf file at all, just text'),
  });
  await expect(page.getByTestId('app-error')).toContainText('notes.onnx');
  await app.ready();
  expect((await scenario(page)).model).toBe(before.model);
  const truncated = readFileSync('test/fixtures/onnx/resnet50.onnx').subarray(0, 20_000);
  await page
    .getByTestId('onnx-input')
    .setInputFiles({ name: 'cut.onnx', mimeType: 'application/octet-stream', buffer: truncated });
  await expect(page.getByTestId('app-error')).toContainText('cut.onnx');
  expect((await scenario(page)).model).toBe(before.model);
});
