// A visitor on the release build in WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver):
// the journeys of e2e/visitor.test.mjs, plus what may differ from Chromium (focus ring, shadow
// root styles, the small SI joint targets) and screenshots for a person to look at.
// Run with: scripts/build.sh web && scripts/webkit.sh e2e
// WebKitWebDriver serves one session at a time: each describe() below has its own, opened in
// before() and quit in after(), and node:test runs them one after the other.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { Key, Origin } from 'selenium-webdriver';
import { setup, open, focused, screenshot, capabilities, TARGETS } from './session.mjs';
import { crop, diffPixels } from './png.mjs';

const SHOTS = 'e2e/screenshots';

const expected = (key) => {
  const [region, side] = key === 'psoas-both' ? ['psoas', 'both'] : [key.replace(/-(left|right)$/, ''), key.split('-').pop()];
  return { region, side, suffix: side === 'both' ? 'both sides' : `${side} side` };
};

describe('WebKit as WebKitGTK ships it (Tab reaches links, as in Chromium)', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.close(); });

  test('the release build starts and a click changes the panel', async () => {
    const page = await open(env.driver, env.server.url);
    assert.equal(await env.driver.executeScript("return arguments[0].shadowRoot.querySelector('.title').textContent", page.host),
      'Where does your lower back hurt?');
    await page.click('ql-left');
    assert.equal((await page.panel()).heading, 'Quadratus lumborum, left side');
    assert.deepEqual(await page.problems(), []);
  });

  test('every region by mouse shows its panel and a booking link for it', async () => {
    const page = await open(env.driver, env.server.url);
    for (const key of TARGETS) {
      await page.click(key);
      const { heading, href } = await page.panel();
      const { region, side, suffix } = expected(key);
      assert.match(heading, new RegExp(`${suffix}$`), key);
      assert.equal(href, `${env.server.url}book.html?region=${region}&side=${side}`, key);
      assert.equal(await (await page.region(key)).getAttribute('aria-pressed'), 'true', key);
      const pressed = await env.driver.executeScript(
        'return [...arguments[0].shadowRoot.querySelectorAll(\'[aria-pressed="true"]\')].map((g) => g.dataset.target)', page.host);
      assert.deepEqual(pressed, [key], 'one region is pressed at a time');
    }
    assert.deepEqual(await page.problems(), []);
  });

  test('every region by a touch pointer in the narrowest window, the small SI joints too', async () => {
    // MiniBrowser's window is at least 447 px wide (its toolbar), so a 360 px phone cannot be had here.
    const page = await open(env.driver, env.server.url, { width: 360, height: 740 });
    const width = await env.driver.executeScript('return document.documentElement.clientWidth');
    assert.ok(width <= 480, `a narrow window (${width} px)`);
    assert.ok(await env.driver.executeScript('return document.documentElement.scrollWidth <= document.documentElement.clientWidth'),
      'nothing overflows sideways');
    for (const key of ['si-joint-left', 'si-joint-right']) {
      const r = await page.rect(key);
      assert.ok(r.width >= 24 && r.height >= 24, `${key} is at least 24 x 24 px (${Math.round(r.width)} x ${Math.round(r.height)})`);
    }
    for (const key of TARGETS) {
      await page.click(key, 'touch');
      assert.equal(await (await page.region(key)).getAttribute('aria-pressed'), 'true', key);
      assert.match((await page.panel()).heading, new RegExp(`${expected(key).suffix}$`), key);
    }
    assert.match((await page.panel()).heading, /^Psoas/);
    assert.deepEqual(await page.problems(), []);
  });

  test('keyboard only: from the top of the page to the booking link', async () => {
    const { driver } = env;
    const page = await open(driver, env.server.url);
    const press = (...keys) => driver.actions().sendKeys(...keys).perform();
    // Tab from the top until focus enters the map.
    let steps = 0;
    while ((await focused(driver)).target == null) {
      await press(Key.TAB);
      assert.ok(++steps < 15, 'the map is reachable with Tab');
    }
    assert.equal((await focused(driver)).target, 'ql-left', 'Tab lands on the first region');
    await press(Key.ARROW_DOWN);
    assert.equal((await focused(driver)).target, 'si-joint-left', 'Down moves down the drawing');
    await press(Key.END);
    assert.equal((await focused(driver)).target, 'psoas-both');
    await press(Key.HOME);
    await press(Key.ARROW_LEFT);
    assert.equal((await focused(driver)).target, 'psoas-both', 'arrows wrap around');
    await press(Key.ENTER);
    assert.match((await page.panel()).heading, /^Psoas/);
    assert.equal((await focused(driver)).target, 'psoas-both', 'selecting does not move focus');
    await press(Key.TAB);
    const link = await focused(driver);
    assert.equal(link.cls, 'book', 'the booking link comes right after the map');
    assert.equal(link.text, 'Book a Lower Back Relief session');
    assert.deepEqual(await page.problems(), []);
    await press(Key.ENTER);
    await driver.wait(async () => /book\.html\?region=psoas&side=both$/.test(await driver.getCurrentUrl()), 10000,
      'Enter on the booking link opens book.html?region=psoas&side=both');
    await driver.wait(async () => (await driver.executeScript('return document.querySelector("#region")?.textContent')) === 'psoas', 5000);
    assert.equal(await driver.executeScript('return document.querySelector("#side").textContent'), 'both');
  });

  test('Space selects the focused region too', async () => {
    const { driver } = env;
    const page = await open(driver, env.server.url);
    while ((await focused(driver)).target == null) await driver.actions().sendKeys(Key.TAB).perform();
    await driver.actions().sendKeys(Key.ARROW_RIGHT, Key.SPACE).perform();
    assert.equal((await focused(driver)).target, 'ql-right');
    assert.equal((await page.panel()).heading, 'Quadratus lumborum, right side');
    assert.deepEqual(await page.problems(), []);
  });

  test('the focus ring is drawn on a region focused from the keyboard', async () => {
    const { driver } = env;
    const page = await open(driver, env.server.url);
    // Scroll once so that the whole map is in view and stays put for all screenshots.
    const ringBox = async (key) => {
      const r = await driver.executeScript(`
        // The ring's own box: a region's group also holds what is drawn over it (the QL's erectors).
        const rings = [...arguments[0].shadowRoot.querySelectorAll('[data-target="' + arguments[1] + '"] .ring')].map((e) => e.getBoundingClientRect());
        const x = Math.min(...rings.map((r) => r.left)), y = Math.min(...rings.map((r) => r.top));
        return { x, y, width: Math.max(...rings.map((r) => r.right)) - x, height: Math.max(...rings.map((r) => r.bottom)) - y };`, page.host, key);
      return { x: r.x - 6, y: r.y - 6, width: r.width + 12, height: r.height + 12 }; // the ring's stroke is up to 7 px wide
    };
    await driver.executeScript('arguments[0].shadowRoot.querySelector("svg.drawing").scrollIntoView({ block: "center" })', page.host);
    const boxes = { 'ql-left': await ringBox('ql-left'), 'si-joint-left': await ringBox('si-joint-left') };
    const before = (await screenshot(driver)).img;

    // Focus from outside the map with Tab, without scrolling the page: from the nav link before it.
    await driver.executeScript('document.querySelector(\'nav a[href="#book"]\').focus({ preventScroll: true })');
    await driver.actions().sendKeys(Key.TAB).perform();
    assert.equal((await focused(driver)).target, 'ql-left');
    const state = (key) => driver.executeScript(`
      const g = arguments[0].shadowRoot.querySelector('[data-target="' + arguments[1] + '"]');
      const ring = g.querySelector('.ring'); const s = getComputedStyle(ring);
      return { focusVisible: g.matches(':focus-visible'), stroke: s.stroke, dash: s.strokeDasharray };`, page.host, key);
    const ql = await state('ql-left');
    assert.ok(ql.focusVisible, 'ql-left matches :focus-visible after Tab');
    assert.notEqual(ql.stroke, 'none', 'the ring has a stroke');
    assert.notEqual(ql.dash, 'none', 'the ring is dashed');
    const afterTab = (await screenshot(driver)).img;
    const qlDiff = diffPixels(crop(before, boxes['ql-left']), crop(afterTab, boxes['ql-left']));
    assert.ok(qlDiff > 100, `the ring shows on ql-left (${qlDiff} pixels changed)`);

    // Focus moved by the arrow keys (the widget calls focus() itself): still a visible ring.
    await driver.actions().sendKeys(Key.ARROW_DOWN).perform();
    assert.equal((await focused(driver)).target, 'si-joint-left');
    assert.ok((await state('si-joint-left')).focusVisible, 'si-joint-left matches :focus-visible after the arrow keys');
    const afterArrows = (await screenshot(driver)).img;
    const siDiff = diffPixels(crop(before, boxes['si-joint-left']), crop(afterArrows, boxes['si-joint-left']));
    assert.ok(siDiff > 30, `the ring shows on si-joint-left (${siDiff} pixels changed)`);
    const qlBack = diffPixels(crop(before, boxes['ql-left']), crop(afterArrows, boxes['ql-left']));
    assert.ok(qlBack < qlDiff / 4, `the ring leaves ql-left with focus (${qlBack} pixels still differ)`);
    assert.deepEqual(await page.problems(), []);
  });

  test('the shadow root styles apply in WebKit', async () => {
    const { driver } = env;
    const page = await open(driver, env.server.url);
    const styles = await driver.executeScript(`
      const root = arguments[0].shadowRoot;
      const link = root.querySelector('.panel.is-active a.book');
      const hidden = root.querySelector('.panel:not(.is-active)');
      const muscle = root.querySelector('[data-target="ql-left"] .muscle');
      const s = getComputedStyle(link);
      return {
        background: s.backgroundColor, color: s.color, radius: s.borderTopLeftRadius, minHeight: s.minHeight,
        hidden: hidden ? getComputedStyle(hidden).display : null,
        fill: getComputedStyle(muscle).fill,
        sheets: root.adoptedStyleSheets?.length ?? 0, styleElements: root.querySelectorAll('style').length,
      };`, page.host);
    assert.notEqual(styles.background, 'rgba(0, 0, 0, 0)', 'the booking link has its background');
    assert.notEqual(styles.background, 'transparent');
    assert.equal(styles.minHeight, '48px', 'the booking link is a 48 px target');
    assert.equal(styles.hidden, 'none', 'inactive panels are not displayed');
    assert.notEqual(styles.fill, 'rgb(0, 0, 0)', 'regions are filled with the region colour, not SVG black');
    assert.ok(styles.sheets + styles.styleElements >= 1, 'one stylesheet in the shadow root');
    const rect = await (await page.root.findElement({ css: '.panel.is-active a.book' })).getRect();
    assert.ok(rect.height >= 48, `the booking link is at least 48 px tall (${rect.height})`);
  });

  test('screenshots at 1280 px: the page, and after selecting ql-left', async () => {
    const { driver } = env;
    await mkdir(SHOTS, { recursive: true });
    const page = await open(driver, env.server.url, { width: 1280, height: 900 });
    const first = await screenshot(driver);
    assert.equal(first.img.width, 1280);
    await writeFile(`${SHOTS}/webkit-1280.png`, first.b64, 'base64');
    await page.click('ql-left');
    assert.equal((await page.panel()).heading, 'Quadratus lumborum, left side');
    await driver.executeScript('arguments[0].scrollIntoView({ block: "start" })', page.host);
    await driver.actions().move({ origin: Origin.VIEWPORT, x: 1, y: 1 }).perform(); // no hover in the picture
    const selected = await screenshot(driver);
    await writeFile(`${SHOTS}/webkit-1280-ql-left.png`, selected.b64, 'base64');
    assert.deepEqual(await page.problems(), []);
  });
});

describe("WebKit with Safari's default Tab setting (\"Press Tab to highlight each item\" off)", () => {
  // MiniBrowser takes WebKitSettings as flags; enable-tabs-to-links=false is what Safari does
  // unless the visitor turns that setting on: Tab then skips links but still stops at tabindex.
  let env;
  before(async () => {
    const caps = capabilities();
    caps['webkitgtk:browserOptions'].args.push('--enable-tabs-to-links=false');
    env = await setup(caps);
  });
  after(async () => { await env?.close(); });

  test('the map is the first Tab stop and works from the keyboard; the booking link is skipped like every link', async () => {
    const { driver } = env;
    const page = await open(driver, env.server.url);
    await driver.actions().sendKeys(Key.TAB).perform();
    assert.equal((await focused(driver)).target, 'ql-left', 'the skip and nav links are skipped, the map is not');
    await driver.actions().sendKeys(Key.END, Key.ENTER).perform();
    assert.equal((await focused(driver)).target, 'psoas-both');
    assert.match((await page.panel()).heading, /^Psoas/);
    await driver.actions().sendKeys(Key.TAB).perform();
    const next = await focused(driver);
    assert.notEqual(next.cls, 'book', 'Safari skips the booking link (a link) unless the visitor presses Option-Tab');
    assert.deepEqual(await page.problems(), []);
  });
});
