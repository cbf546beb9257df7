/**
 * Takes the README screenshots from a running app (default http://127.0.0.1:5173/):
 *   npm start &   npx tsx scripts/screenshots.ts [baseUrl]
 * Fixed viewport and device scale, so images are comparable across runs.
 */
import { chromium, type Page } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:5173/';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const ready = (page: Page) => page.locator('[data-testid="app"][data-state="ready"]').waitFor();
const fresh = async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  await page.goto(base);
  await ready(page);
  return page;
};
const shoot = async (page: Page, testId: string, path: string) => {
  const el = page.getByTestId(testId).first();
  await el.scrollIntoViewIfNeeded();
  const box = await el.evaluate((e) => {
    const r = (e.closest('section') ?? e).getBoundingClientRect();
    return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
  });
  await page.screenshot({ path, fullPage: true, clip: box });
};

{
  const page = await fresh();
  await page.screenshot({ path: 'docs/screenshots/default.png' });
  await page.locator('[data-testid="layer-graph"][data-state="ready"]').waitFor();
  // A three-stage plan with the first split focused, as while dragging it.
  await page.evaluate(() =>
    (window as unknown as { __explorer: { setPlan(p: object): void } }).__explorer.setPlan({
      cuts: [42, 120],
      procs: ['big', 'gpu', 'npu'],
      units: [4, 1, 1],
    }),
  );
  await page.getByTestId('split-handle').first().focus();
  await shoot(page, 'layer-strip', 'docs/screenshots/strip.png');
  await shoot(page, 'platform-editor', 'docs/screenshots/editor.png');
  await page.getByTestId('share').click();
  await page.screenshot({ path: 'docs/screenshots/share.png', clip: { x: 640, y: 0, width: 640, height: 220 } });
  await page.close();
}
{
  // The FPS-vs-energy front of the opening scenario, a point left of the fastest picked with the keyboard.
  const page = await fresh();
  await page.getByTestId('compute-front').click();
  await page.getByTestId('front-chart').waitFor();
  await ready(page);
  await page.getByTestId('front-slider').focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowLeft');
  await shoot(page, 'front-panel', 'docs/screenshots/front.png');
  await page.close();
}
{
  const page = await fresh();
  await page.getByTestId('onnx-input').setInputFiles('test/fixtures/onnx/mobilenet_v2.onnx');
  await page.getByTestId('import-notes').waitFor();
  await ready(page);
  await page.evaluate(() =>
    (window as unknown as { __explorer: { setPlan(p: object): void } }).__explorer.setPlan({
      cuts: [],
      procs: ['big'],
    }),
  );
  await page.getByTestId('profile-input-big').setInputFiles('test/fixtures/profiles/mobilenet_v2.ort.json');
  await page.getByTestId('calibration').waitFor();
  await ready(page);
  await page.screenshot({ path: 'docs/screenshots/onnx-import.png' });
  await shoot(page, 'calibration', 'docs/screenshots/calibration.png');
  await page.close();
}
await browser.close();
