import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { TOUR_STEPS } from '../src/ui/classroom/tourSteps';
import { ClassroomPage } from './pages/ClassroomPage';
import { scenario } from './testApi';

test('the guided tour runs through every step by keyboard only, lets the learner move a split, and Escape closes it', async ({
  page,
}) => {
  const app = new ClassroomPage(page);
  await app.open();
  await app.tabTo(app.tourButton);
  await page.keyboard.press('Enter');
  await expect(app.tour).toBeVisible();
  const heading = app.tour.getByRole('heading');
  await expect(heading).toBeFocused();
  const next = app.tour.getByTestId('tour-next');
  for (const [i, step] of TOUR_STEPS.entries()) {
    await expect(app.tour).toHaveAttribute('data-step', String(i));
    await expect(heading).toHaveText(step.title);
    await expect(page.getByTestId(step.target).first()).toHaveClass(/tour-target/);
    if (step.target === 'split-handle') {
      // The learner acts: go to split 1, move it two layers right, come back with Alt+T.
      const before = (await scenario(page)).plan.cuts[0]!;
      await app.tabTo(app.tour.getByTestId('tour-act'));
      await page.keyboard.press('Enter');
      await expect(app.handles.first()).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect((await scenario(page)).plan.cuts[0]).toBe(before + 2);
      await expect(app.tour.getByTestId('tour-fps')).toContainText(`now: ${await app.fps.textContent()}`);
      await page.keyboard.press('Alt+t');
      await expect(heading).toBeFocused();
    }
    if (i === TOUR_STEPS.length - 1) break;
    await app.tabTo(next);
    await page.keyboard.press('Enter');
  }
  await expect(next).toHaveText('Finish');
  await page.keyboard.press('Escape');
  await expect(app.tour).toHaveCount(0);
  await expect(app.tourButton).toBeFocused();
  await expect(page.locator('.tour-target')).toHaveCount(0);
});

test('Back returns to the previous step and the close button ends the tour', async ({ page }) => {
  const app = new ClassroomPage(page);
  await app.open();
  await app.tourButton.click();
  await app.tour.getByTestId('tour-next').click();
  await expect(app.tour).toHaveAttribute('data-step', '1');
  await app.tour.getByTestId('tour-back').click();
  await expect(app.tour).toHaveAttribute('data-step', '0');
  await expect(app.tour.getByTestId('tour-back')).toBeDisabled();
  await app.tour.getByTestId('tour-close').click();
  await expect(app.tour).toHaveCount(0);
});

test('presentation mode sets the class on the app root, enlarges type and survives a reload', async ({ page }) => {
  const app = new ClassroomPage(page);
  await app.open();
  const size = () => app.fps.evaluate((el) => parseFloat(getComputedStyle(el.parentElement!).fontSize));
  const normal = await size();
  await expect(app.root).not.toHaveClass(/presentation/);
  await app.tabTo(app.presentationButton);
  await page.keyboard.press('Enter');
  await expect(app.root).toHaveClass(/presentation/);
  await expect(app.presentationButton).toHaveAttribute('aria-pressed', 'true');
  expect(await size()).toBeGreaterThanOrEqual(normal * 1.3);
  await page.reload();
  await app.ready();
  await expect(app.root).toHaveClass(/presentation/);
  await app.presentationButton.click();
  await expect(app.root).not.toHaveClass(/presentation/);
  await page.reload();
  await app.ready();
  await expect(app.root).not.toHaveClass(/presentation/);
});

test('an axe scan with presentation mode, a scenario and the tour open finds no serious violations', async ({
  page,
}) => {
  const app = new ClassroomPage(page);
  await app.open();
  await app.presentationButton.click();
  await app.openScenario('quiltnet');
  await app.tourButton.click();
  await expect(app.tour).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target.join(' ')}`);
  expect(serious).toEqual([]);
});

test('every figure shown has an explanation reachable by keyboard', async ({ page }) => {
  const app = new ClassroomPage(page);
  await app.open();
  await app.openScenario('pipe-it');
  const notes = page.locator('.explain');
  // Five metrics, the stage bars, the scenario's table.
  expect(await notes.count()).toBeGreaterThanOrEqual(7);
  for (const note of await notes.all()) {
    await expect(note).toHaveAttribute('tabindex', '0');
    expect((await note.getAttribute('aria-label'))!.length).toBeGreaterThan(40);
  }
});
