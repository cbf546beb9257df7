import { expect, test } from '@playwright/test';
import { formatFps } from '../src/core/format';
import { ExplorerPage } from './pages/ExplorerPage';
import { coreEvaluate, scenario, setPlan } from './testApi';

test('dragging a split with the mouse moves it and shows the FPS the core computes for the new plan', async ({
  page,
}) => {
  const app = new ExplorerPage(page);
  await app.open();
  const before = await scenario(page);
  const target = before.plan.cuts[0]! + 30;
  await app.dragHandle(0, target);
  await app.ready();
  const after = await scenario(page);
  expect(after.plan.cuts).toEqual([target]);
  await expect(app.handles.first()).toHaveAttribute('aria-valuenow', String(target));
  const core = await coreEvaluate(page, after.plan);
  expect(core.fps).not.toBe(before.fps);
  await expect(app.fps).toHaveText(formatFps(core.fps));
  // One drag is one undo step, however many positions it passed.
  await app.undoButton.click();
  expect((await scenario(page)).plan.cuts).toEqual(before.plan.cuts);
  await expect(app.fps).toHaveText(formatFps(before.fps));
  await app.redoButton.click();
  expect((await scenario(page)).plan.cuts).toEqual([target]);
});

test('the keyboard moves a focused split, Ctrl+Z undoes it, Delete removes it', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  const start = (await scenario(page)).plan.cuts[0]!;
  await app.handles.first().focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  const moved = await scenario(page);
  expect(moved.plan.cuts).toEqual([start + 11]);
  await expect(app.fps).toHaveText(formatFps((await coreEvaluate(page, moved.plan)).fps));
  await page.keyboard.press('Control+z');
  expect((await scenario(page)).plan.cuts).toEqual([start + 1]);
  await app.handles.first().focus();
  await page.keyboard.press('Delete');
  await expect(app.handles).toHaveCount(0);
  await expect(app.stageCards).toHaveCount(1);
});

test('double-clicking the strip adds a split on a free processor; dragging it off the strip removes it', async ({
  page,
}) => {
  const app = new ExplorerPage(page);
  await app.open();
  const cut = (await scenario(page)).plan.cuts[0]!;
  const at = cut + 60;
  const box = (await app.stripCanvas.boundingBox())!;
  await page.mouse.dblclick(await app.stripX(at), box.y + box.height / 3);
  await expect(app.handles).toHaveCount(2);
  const three = await scenario(page);
  expect(three.plan.cuts).toEqual([cut, at]);
  expect(new Set(three.plan.procs).size).toBe(3);
  const hb = (await app.handles.nth(1).boundingBox())!;
  await page.mouse.move(hb.x + hb.width / 2, hb.y + 20);
  await page.mouse.down();
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height + 200, { steps: 6 });
  await page.mouse.up();
  await expect(app.handles).toHaveCount(1);
});

test('editing a processor figure re-evaluates at once; a NaN is refused with a message', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  const before = await scenario(page);
  // The default plan's bottleneck is the NPU stage: a faster NPU raises FPS.
  const peak = app.figure('Kirin 970 NPU', 'Peak per unit');
  await peak.fill('1920');
  await expect(app.fps).not.toHaveText(formatFps(before.fps));
  const after = await scenario(page);
  expect(after.fps).toBeGreaterThan(before.fps);
  await expect(app.fps).toHaveText(formatFps((await coreEvaluate(page, after.plan)).fps));
  await peak.fill('NaN');
  await expect(page.getByTestId('field-error')).toContainText('Peak per unit: enter a number');
  await expect(peak).toHaveAttribute('aria-invalid', 'true');
  expect((await scenario(page)).fps).toBe(after.fps);
  await peak.fill('-5');
  await expect(page.getByTestId('field-error')).toContainText('out of range');
  await peak.blur();
  await expect(peak).toHaveValue('1920');
  // Each figure is in range, but the platform as a whole refuses idle power above active power.
  const idle = app.figure('Kirin 970 NPU', 'Idle power');
  await idle.fill('50');
  await expect(page.getByTestId('field-error')).toContainText(/idle/i);
  expect((await scenario(page)).fps).toBe(after.fps);
  await idle.blur();
  await app.undoButton.click();
  expect((await scenario(page)).fps).toBe(before.fps);
});

test('an invalid plan is shown with its reason, not fixed', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  // Two stages on 3 + 3 of the big cluster's 4 cores: more units than the processor has.
  await setPlan(page, { cuts: [60], procs: ['big', 'big'], units: [3, 3] });
  await expect(app.problems).toBeVisible();
  const s = await scenario(page);
  expect(s.valid).toBe(false);
  await expect(app.problems).toContainText(s.problems[0]!);
  await expect(app.problems).toContainText(/units/i);
});
