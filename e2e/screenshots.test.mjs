// Screenshots for a person to look at, written to e2e/screenshots/: the clinic page and the widget
// at phone, tablet and desktop widths, before and after a selection, in the light and dark
// themes, in forced colours, and the Spanish page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import { setup, open, panel } from './helpers.mjs';

const OUT = 'e2e/screenshots';
let env;
before(async () => { env = await setup(); await mkdir(OUT, { recursive: true }); });
after(async () => { await env.close(); });

const LOOKS = [
  ['light', '', async () => {}],
  ['dark', '', async (page) => page.evaluate(() => {
    document.body.style.background = '#101416';
    document.body.style.color = '#e8eef0';
    document.querySelector('lower-back-map').setAttribute('theme', 'dark');
  })],
  ['forced', '', async (page) => page.emulateMedia({ forcedColors: 'active' })],
  ['es', 'es.html', async () => {}],
];

for (const width of [360, 768, 1280]) {
  for (const [look, path, prepare] of LOOKS) {
    test(`screenshots at ${width} px, ${look}`, async () => {
      const page = await open(env.browser, env.server.url + path, { viewport: { width, height: 900 } });
      await prepare(page);
      const widget = page.locator('lower-back-map');
      const files = [`${OUT}/page-${width}-${look}.png`, `${OUT}/widget-${width}-${look}-initial.png`, `${OUT}/widget-${width}-${look}-selected.png`];
      await page.screenshot({ path: files[0], fullPage: true });
      await widget.screenshot({ path: files[1] });
      await page.locator('lower-back-map [data-target="ql-left"]').click();
      assert.match((await panel(page)).heading, /lumb/, 'the QL panel, in English or Spanish');
      await widget.screenshot({ path: files[2] });
      const box = await widget.boundingBox();
      assert.ok(box.width <= width, `the widget fits the ${width} px window (${box.width} px)`);
      for (const f of files) assert.ok((await stat(f)).size > 10_000, `${f} has a picture`);
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }
}
