import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { formatMs } from '../src/core/format';
import { ExplorerPage } from './pages/ExplorerPage';
import { scenario, schedule, setPlan } from './testApi';

const COMPUTE = 0;

test('the Gantt canvas names the same period as the metrics panel', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  const s = await scenario(page);
  const period = `period ${formatMs(s.periodMs)} ms`;
  await expect(app.gantt.canvas).toBeVisible();
  await expect(app.gantt.canvas).toHaveAttribute(
    'aria-label',
    new RegExp(`^Pipeline of 2 stages over 10 frames, ${period}`),
  );
  // The metrics panel prints the same figure in its bottleneck line.
  await expect(page.getByTestId('bottleneck')).toContainText(`${formatMs(s.periodMs)} ms per frame = the period`);
});

test('hovering a box shows its stage, frame and times, and leaving hides it', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  const { boxes } = await schedule(page);
  const box = boxes.find((b) => b.stage === 1 && b.frame === 3 && b.kind === COMPUTE)!;
  const at = await app.gantt.point(box.lane, (box.start + box.end) / 2);
  await page.mouse.move(at.x, at.y);
  await expect(app.gantt.tooltip).toBeVisible();
  await expect(app.gantt.tooltip).toContainText('Stage 2');
  await expect(app.gantt.tooltip).toContainText('frame 4 · compute');
  await expect(app.gantt.tooltip).toContainText(`${formatMs(box.end - box.start)} ms`);
  await page.mouse.move(at.x, at.y + 400);
  await expect(app.gantt.tooltip).toHaveCount(0);
});

test('a three-stage plan set through the test API adds a third processor lane', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  expect((await app.gantt.lanes()).filter((l) => l.includes('(stage'))).toHaveLength(2);
  await setPlan(page, { cuts: [30, 90], procs: ['big', 'gpu', 'npu'] });
  await app.ready();
  await expect(app.stageCards).toHaveCount(3);
  await expect(app.gantt.root).toHaveAttribute('data-lanes', /\(stage 3\)/);
  const lanes = await app.gantt.lanes();
  expect(lanes.filter((l) => l.includes('(stage'))).toEqual(['big (stage 1)', 'gpu (stage 2)', 'npu (stage 3)']);
  await expect(app.gantt.canvas).toHaveAttribute('aria-label', /^Pipeline of 3 stages/);
});

test('zooming in narrows the time axis, dragging pans it, and Reset restores it', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  const [a0, a1] = await app.gantt.domain();
  await app.gantt.zoomIn.click();
  await expect
    .poll(async () => (await app.gantt.domain())[1] - (await app.gantt.domain())[0])
    .toBeCloseTo((a1 - a0) / 2, 6);
  // Dragging left pans to later times.
  const [z0] = await app.gantt.domain();
  const start = await app.gantt.point(0, (a0 + a1) / 2);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x - 120, start.y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await app.gantt.domain())[0]).toBeGreaterThan(z0);
  await app.gantt.resetZoom.click();
  await expect(app.gantt.root).toHaveAttribute('data-domain', `${a0},${a1}`);
});

test('the Gantt panel has no axe violations', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  const { boxes } = await schedule(page);
  const box = boxes.find((b) => b.stage === 0 && b.frame === 1 && b.kind === COMPUTE)!;
  const at = await app.gantt.point(box.lane, (box.start + box.end) / 2);
  await page.mouse.move(at.x, at.y); // with the tooltip open
  await expect(app.gantt.tooltip).toBeVisible();
  const result = await new AxeBuilder({ page }).include('.gantt-panel').analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
