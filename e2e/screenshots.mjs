// Writes screenshots of the demo page at phone, tablet and desktop widths to e2e/screenshots/,
// for a person to look at: node e2e/screenshots.mjs [--select psoas]
import { launchChromium, serve } from './browser.mjs';
import { mkdir } from 'node:fs/promises';

const out = 'e2e/screenshots';
const select = process.argv.includes('--select') ? process.argv[process.argv.indexOf('--select') + 1] : 'ql-left';
await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launchChromium();
try {
  for (const width of [360, 768, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on('console', (m) => console.log(`[${width}] console.${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => console.log(`[${width}] page error: ${e.message}`));
    await page.goto(server.url);
    await page.locator('lower-back-map .region').first().waitFor();
    await page.screenshot({ path: `${out}/page-${width}.png`, fullPage: true });
    await page.locator('lower-back-map').screenshot({ path: `${out}/widget-${width}-initial.png` });
    await page.locator(`lower-back-map [data-target="${select}"]`).click();
    await page.locator('lower-back-map').screenshot({ path: `${out}/widget-${width}-selected.png` });
    await page.close();
  }
} finally {
  await browser.close();
  server.stop();
}
console.log(`screenshots in ${out}/`);
