import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';
import { LayerGraphPage } from './pages/LayerGraphPage';
import { scenario } from './testApi';

test('the layer graph lays out ResNet-50 as its bottleneck blocks, coloured by stage', async ({ page }) => {
  const app = new ExplorerPage(page);
  const graph = new LayerGraphPage(page);
  await app.open();
  await graph.ready();
  const ids = await graph.nodeIds();
  expect(ids).toContain('layer:conv1');
  expect(ids.filter((id) => id.startsWith('block:layer'))).toHaveLength(16);
  expect(Number(await graph.root.getAttribute('data-nodes'))).toBe(ids.length);
  await expect(graph.root.getByTestId('graph-expand')).toHaveCount(16);
  // Both stages appear in the legend.
  await expect(page.getByRole('list', { name: 'Stages' }).getByRole('listitem')).toHaveCount(2);
});

test('DenseNet-121 opens with collapsed dense blocks that expand on click and collapse back', async ({ page }) => {
  const app = new ExplorerPage(page);
  const graph = new LayerGraphPage(page);
  await app.open();
  await app.modelPicker.selectOption('densenet121');
  await app.ready();
  await graph.ready();
  const ids = await graph.nodeIds();
  for (const b of [1, 2, 3, 4]) expect(ids).toContain(`block:features.denseblock${b}`);
  expect(ids.some((id) => id.includes('denselayer'))).toBe(false);

  // A click on the block's card opens it: its dense layers appear (themselves collapsed).
  const p = await graph.nodeCenter('block:features.denseblock1');
  await page.mouse.click(p.x - 20, p.y);
  await graph.ready();
  const opened = await graph.nodeIds();
  expect(opened).not.toContain('block:features.denseblock1');
  expect(opened.filter((id) => id.startsWith('block:features.denseblock1.denselayer'))).toHaveLength(6);

  // The keyboard-reachable chip closes it again.
  const chip = graph.root.getByRole('button', { name: 'Collapse features.denseblock1' });
  await chip.focus();
  await page.keyboard.press('Enter');
  await graph.ready();
  expect(await graph.nodeIds()).toContain('block:features.denseblock1');
});

test('clicking an edge moves the nearest split onto it', async ({ page }) => {
  const app = new ExplorerPage(page);
  const graph = new LayerGraphPage(page);
  await app.open();
  await graph.ready();
  const before = await scenario(page);
  expect(before.plan.cuts).toHaveLength(1);
  const [, end] = (await graph.nodeRange('block:layer1.0'))!;
  expect(before.plan.cuts[0]).not.toBe(end);
  const p = await graph.edgePoint('block:layer1.0', 'block:layer1.1');
  await page.mouse.click(p.x, p.y);
  await app.ready();
  const after = await scenario(page);
  // The cut now sits right after block layer1.0, so it crosses the clicked edge.
  expect(after.plan.cuts).toEqual([end]);
  expect(after.fps).not.toBe(before.fps);
});

test('hovering a node shows its op, shape and MACs and highlights its stage', async ({ page }) => {
  const app = new ExplorerPage(page);
  const graph = new LayerGraphPage(page);
  await app.open();
  await graph.ready();
  const p = await graph.nodeCenter('layer:conv1');
  await page.mouse.move(p.x, p.y);
  await expect(graph.tooltip).toBeVisible();
  await expect(graph.tooltip).toContainText('conv1');
  await expect(graph.tooltip).toContainText('Conv');
  await expect(graph.tooltip).toContainText('64×112×112');
  // torchvision ResNet-50 conv1: 7 x 7 x 3 x 64 x 112 x 112 = 118,013,952 MACs.
  await expect(graph.tooltip.getByTestId('tooltip-macs')).toHaveText('118.01 M');
  await expect(page.getByRole('list', { name: 'Stages' }).locator('li.active')).toHaveCount(1);
  await page.mouse.move(1, 1);
  await expect(graph.tooltip).toBeHidden();
});

test('the graph is usable from the keyboard: focus, zoom, and expand with a button', async ({ page }) => {
  const app = new ExplorerPage(page);
  const graph = new LayerGraphPage(page);
  await app.open();
  await graph.ready();
  const before = await graph.nodeCenter('layer:conv1');
  await graph.root.focus();
  await page.keyboard.press('+');
  const zoomed = await graph.nodeCenter('layer:conv1');
  expect(zoomed).not.toEqual(before);
  await page.keyboard.press('0'); // fit again
  const expand = graph.root.getByRole('button', { name: /^Expand layer1\.0 / });
  await expand.focus();
  await page.keyboard.press('Enter');
  await graph.ready();
  expect(await graph.nodeIds()).toContain('layer:layer1.0.conv1');
});
