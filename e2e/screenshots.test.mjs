// Screenshots of the clinic page for a person to look at, written to e2e/screenshots/: the page and
// the widget at phone, tablet and desktop widths, before and after a selection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import { setup, open, panel } from './helpers.mjs';

const OUT = 'e2e/screenshots';
let env;
before(async () => { env = await setup(); await mkdir(OUT, { recursive: true }); });
after(async () => { await env.close(); });

for (const width of [360, 768, 1280]) {
  test(`screenshots at ${width} px`, async () => {
    const page = await open(env.browser, env.server.url, { viewport: { width, height: 900 } });
    const widget = page.locator('lower-back-map');
    const files = [`${OUT}/page-${width}.png`, `${OUT}/widget-${width}-initial.png`, `${OUT}/widget-${width}-selected.png`];
    await page.screenshot({ path: files[0], fullPage: true });
    await widget.screenshot({ path: files[1] });
    await page.locator('lower-back-map [data-target="ql-left"]').click();
    assert.equal((await panel(page)).heading, 'Quadratus lumborum, left side');
    await widget.screenshot({ path: files[2] });
    const box = await widget.boundingBox();
    assert.ok(box.width <= width, `the widget fits the ${width} px window (${box.width} px)`);
    for (const f of files) assert.ok((await stat(f)).size > 10_000, `${f} has a picture`);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}
