/**
 * Takes the README screenshots from a running app (default http://127.0.0.1:5173/):
 *   npm start &   npx tsx scripts/screenshots.ts [baseUrl]
 * Fixed viewport and device scale, so images are comparable across runs.
 */
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:5173/';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
await page.goto(base);
await page.locator('[data-state="ready"]').waitFor();
await page.screenshot({ path: 'docs/screenshots/default.png' });
await page.screenshot({ path: 'docs/screenshots/default-full.png', fullPage: true });
await browser.close();
