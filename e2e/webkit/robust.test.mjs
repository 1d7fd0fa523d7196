// What a host page can do to the widget, in WebKit: a right-to-left page keeps the drawing's
// geometry and its labels with their views, and a slow network (the wasm 3 s late) does not move
// the page below the widget. WebKit has no layout-shift API, so the content after the widget is
// measured before and after the widget is drawn: it must stay put, or stay below the fold.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Builder, By } from 'selenium-webdriver';
import { serve } from '../browser.mjs';
import { capabilities } from './session.mjs';

const page = (dir, lang, body) => `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Host</title>
<script type="module" src="lower-back-map.js"></script></head><body>${body}</body></html>`;

describe('WebKit: right-to-left pages and a slow network', () => {
  let site;
  let server;
  let driver;
  before(async () => {
    site = mkdtempSync(join(tmpdir(), 'lbm-webkit-'));
    for (const f of ['lower-back-map.js', 'pkg', 'lower-back-map.es.json']) symlinkSync(resolve('www', f), join(site, f));
    writeFileSync(join(site, 'rtl.html'), page('rtl', 'ar', `<h1>عيادة</h1><lower-back-map booking-url="https://clinic.example/book"
      ><script type="application/json">{"ui": {"back": "الظهر", "front": "الأمام", "sideView": "منظر جانبي"}}</script></lower-back-map>`));
    writeFileSync(join(site, 'bare.html'), page('ltr', 'en',
      '<h1>A clinic</h1><lower-back-map booking-url="book.html"><a href="book.html">Book a session</a></lower-back-map><p id="after">The page goes on.</p>'));
    server = await serve(site, ['--delay-wasm', '3000']);
    driver = await new Builder().usingServer(process.env.WEBKIT_DRIVER_URL).withCapabilities(capabilities()).build();
  });
  after(async () => {
    try { await driver?.quit(); } finally { server?.stop(); rmSync(site, { recursive: true, force: true }); }
  });

  const drawn = () => driver.wait(() => driver.executeScript(
    "return !!document.querySelector('lower-back-map').shadowRoot?.querySelector('[data-target]')"), 15000);

  test('a right-to-left page: the drawing keeps its left and right, each label stays within its view', async () => {
    await driver.manage().window().setRect({ width: 1280, height: 900 });
    await driver.get(server.url + 'rtl.html');
    await drawn();
    const m = await driver.executeScript(`
      const root = document.querySelector('lower-back-map').shadowRoot;
      const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
      const svg = root.querySelector('svg.drawing');
      const [, , w] = svg.getAttribute('viewBox').split(/[ ,]+/).map(Number);
      return {
        dir: getComputedStyle(root.querySelector('.lbm')).direction,
        svg: box(svg), width: w,
        qlLeft: box(root.querySelector('[data-target="ql-left"] .hit')),
        qlRight: box(root.querySelector('[data-target="ql-right"] .hit')),
        psoas: box(root.querySelector('[data-target="psoas-both"] .hit')),
        labels: [...root.querySelectorAll('.figure span')].map((el) => ({ text: el.textContent, ...box(el), cut: el.scrollWidth > el.clientWidth + 1 })),
      };`);
    assert.equal(m.dir, 'rtl', 'the panel follows the page');
    assert.ok(m.qlLeft.right <= m.qlRight.left, 'the person\'s left is still on the viewer\'s left');
    assert.ok(m.psoas.left > m.qlRight.right, 'the side view is still on the right');
    const split = m.svg.left + (m.svg.right - m.svg.left) * (256 / m.width); // between the views
    for (const l of m.labels) {
      assert.equal(l.cut, false, `"${l.text}" is not cut`);
      assert.ok(l.left >= m.svg.left - 1 && l.right <= m.svg.right + 1, `"${l.text}" stays over the drawing's width`);
    }
    const back = m.labels.find((l) => l.text.includes('الظهر'));
    const front = m.labels.find((l) => l.text.includes('الأمام'));
    assert.ok(back && back.left >= split, '"Back" stays in the side view, on its back edge');
    assert.ok(front && front.left > back.left, '"Front" stays on the front edge');
  });

  for (const size of [{ width: 480, height: 740 }, { width: 1280, height: 900 }]) {
    test(`the wasm 3 s late does not move the page below the widget (${size.width} x ${size.height})`, async () => {
      await driver.manage().window().setRect(size);
      await driver.get(server.url + 'bare.html');
      const where = () => driver.executeScript("return { top: document.getElementById('after').getBoundingClientRect().top, fold: innerHeight, drawn: !!document.querySelector('lower-back-map').shadowRoot?.querySelector('[data-target]') }");
      const early = await where();
      assert.equal(early.drawn, false, 'measured before the widget was drawn');
      await drawn();
      const late = await where();
      console.log(`# WebKit ${size.width} px: text below the widget at ${Math.round(early.top)} px while loading, ${Math.round(late.top)} px once drawn (fold ${early.fold})`);
      assert.ok(early.top === late.top || (early.top >= early.fold && late.top >= late.fold),
        `the text below the widget moved on screen: ${early.top} -> ${late.top}`);
      assert.ok(await driver.findElement(By.css('lower-back-map')).isDisplayed());
    });
  }
});
