import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { HOSTILE_HASHES, MARKUP_NAMES_HASH, VALID_HASH } from '../test/fixtures/hostileHashes';
import { ExplorerPage } from './pages/ExplorerPage';
import { scenario, setPlan } from './testApi';

const metricsText = async (app: ExplorerPage) => ({
  fps: await app.fps.textContent(),
  latency: await app.latency.textContent(),
  energy: await app.energy.textContent(),
});

/** Waits until the URL hash holds the current plan (the sync is debounced). */
async function urlSettled(page: Page, cuts: readonly number[]): Promise<void> {
  await expect
    .poll(async () => {
      const url = page.url();
      if (!url.includes('#s=')) return null;
      return execFileSync('npx', ['tsx', 'src/cli/main.ts', 'open', url, '--json'], { encoding: 'utf8' });
    })
    .toContain(`"from":${cuts[0]}`);
}

test('a shared link opens in a fresh browser context with the same plan and metrics', async ({ page, browser }) => {
  const app = new ExplorerPage(page);
  await app.open();
  await setPlan(page, { cuts: [30, 90], procs: ['big', 'gpu', 'npu'], units: [3, 1, 1] });
  // A platform edit travels too.
  await app.figure('Kirin 970 NPU', 'Peak per unit').fill('700');
  await app.figure('Kirin 970 NPU', 'Peak per unit').blur();
  await app.ready();
  const before = await metricsText(app);
  const s = await scenario(page);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-note')).toContainText(/Link copied|Copy this link/);
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toContain('#s=');
  await expect(page.getByTestId('share-note')).toContainText(/\(\d+(\.\d+)? ?(B|kB)\)/);

  const fresh = await browser.newContext();
  const other = new ExplorerPage(await fresh.newPage());
  await other.page.goto(url);
  await other.ready();
  expect((await scenario(other.page)).plan).toEqual(s.plan);
  expect(await metricsText(other)).toEqual(before);
  await expect(other.figure('Kirin 970 NPU', 'Peak per unit')).toHaveValue('700');

  // The CLI opens the same link and computes the same figures.
  const cli = JSON.parse(
    execFileSync('npx', ['tsx', 'src/cli/main.ts', 'open', url, '--json'], { encoding: 'utf8' }),
  ) as {
    metrics: { fps: number; latencyMs: number; energyPerFrameMj: number };
  };
  expect(cli.metrics.fps).toBeCloseTo(s.fps, 9);
  expect(cli.metrics.energyPerFrameMj).toBeCloseTo(s.energyPerFrameMj, 9);
  await fresh.close();
});

test('a reload restores the session, and so does opening the app again without a link', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  await setPlan(page, { cuts: [50, 120], procs: ['little', 'gpu', 'npu'], units: [4, 1, 1] });
  await urlSettled(page, [50, 120]);
  await page.reload();
  await app.ready();
  expect((await scenario(page)).plan.cuts).toEqual([50, 120]);
  // As after a crash: the same browser profile, no link.
  await page.goto('/');
  await app.ready();
  expect((await scenario(page)).plan.cuts).toEqual([50, 120]);
});

test('a saved session that differs from an opened link is offered back, not overwritten', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  await setPlan(page, { cuts: [20], procs: ['big', 'npu'], units: [4, 1] });
  await urlSettled(page, [20]);
  await page.goto(`/?from=colleague${VALID_HASH}`);
  await app.ready();
  expect((await scenario(page)).plan.cuts).toEqual([60]);
  await expect(page.getByTestId('restore-offer')).toContainText('ResNet-50 on HiKey 970');
  await page.getByTestId('restore-session').click();
  await app.ready();
  expect((await scenario(page)).plan.cuts).toEqual([20]);
});

test('every hostile link shows an alert and a working default scenario', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new ExplorerPage(page);
  expect(HOSTILE_HASHES.length).toBeGreaterThanOrEqual(20);
  for (const [i, h] of HOSTILE_HASHES.entries()) {
    // A new query string makes each a full page load, not a same-document hash change.
    await page.goto(`/?hostile=${i}${h.hash}`);
    await app.ready();
    await expect(page.getByTestId('app-error'), h.name).toContainText('This link could not be opened');
    const s = await scenario(page);
    expect(s.model, h.name).toBe('resnet50');
    expect(s.valid, h.name).toBe(true);
    await expect(app.fps).toHaveText(/^\d+\.\d\d$/);
  }
  // The app still works after all that: a split moves.
  const cut = (await scenario(page)).plan.cuts[0]!;
  await app.handles.first().focus();
  await page.keyboard.press('ArrowRight');
  expect((await scenario(page)).plan.cuts).toEqual([cut + 1]);
});

test('names from a link are shown as text, never run', async ({ page }) => {
  const app = new ExplorerPage(page);
  await page.goto(`/${MARKUP_NAMES_HASH}`);
  await app.ready();
  await expect(page.getByTestId('metrics-network')).toContainText('<img src=x onerror=');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('main img, main script').count()).toBe(0);
});

test('a saved plan file opens again, and the exports download', async ({ page, browser }) => {
  const app = new ExplorerPage(page);
  await app.open();
  await setPlan(page, { cuts: [40, 140], procs: ['gpu', 'little', 'npu'], units: [1, 2, 1] });
  const save = page.waitForEvent('download');
  await page.getByTestId('file-menu').click();
  await page.getByTestId('save-plan').click();
  const planPath = await (await save).path();
  const text = readFileSync(planPath, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ kind: 'dnn-partition-explorer/plan', v: 1 });

  const trace = page.waitForEvent('download');
  await page.getByTestId('file-menu').click();
  await page.getByTestId('export-trace').click();
  const traceText = readFileSync(await (await trace).path(), 'utf8');
  expect(Object.keys(JSON.parse(traceText) as object)[0]).toBe('displayTimeUnit');

  const svg = page.waitForEvent('download');
  await page.getByTestId('file-menu').click();
  await page.getByTestId('export-gantt-svg').click();
  expect(readFileSync(await (await svg).path(), 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);

  const fresh = await browser.newContext();
  const other = new ExplorerPage(await fresh.newPage());
  await other.open();
  await other.page
    .getByTestId('plan-file-input')
    .setInputFiles({ name: 'x.plan.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect.poll(async () => (await scenario(other.page)).plan.cuts).toEqual([40, 140]);
  // A broken file is refused with a message and changes nothing.
  await other.page
    .getByTestId('plan-file-input')
    .setInputFiles({ name: 'bad.plan.json', mimeType: 'application/json', buffer: Buffer.from('{"kind": 1') });
  await expect(other.page.getByTestId('app-error')).toContainText('bad.plan.json');
  expect((await scenario(other.page)).plan.cuts).toEqual([40, 140]);
  await fresh.close();
});
