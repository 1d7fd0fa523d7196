// Issue 14's journeys in WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver): "Which sounds
// like yours?" by click and by keyboard, the kidney check switching the booking invitation to
// the doctor-first advice without a trace, and copy link's fallback. The Chromium suite
// (e2e/teach.test.mjs) covers the rest. Run with: scripts/build.sh web && scripts/webkit.sh e2e
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { By, Key } from 'selenium-webdriver';
import { setup, open } from './session.mjs';

/** The deep focused element: tag, class, its label's text. */
const focused = (driver) => driver.executeScript(`
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return { tag: el?.tagName.toLowerCase(), cls: el?.getAttribute('class') ?? null, text: el?.textContent.trim(), label: el?.closest('label')?.textContent.trim() ?? null };`);

/** Runs `body(root)` in the page with the widget's shadow root; returns its result. */
const inRoot = (driver, page, body) => driver.executeScript(`const root = arguments[0].shadowRoot; ${body}`, page.host);

describe('WebKit: what the clinic teaches', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.close(); });

  test('feelings by click and by keyboard mark regions and open their explanation', async () => {
    const { driver } = env;
    const page = await open(driver, env.server.url);
    await inRoot(driver, page, 'window.seen = []; document.addEventListener("feeling-select", (e) => seen.push(e.detail.regions.join()))');
    const label = await page.root.findElement(By.css('label.choice:nth-child(3)'));
    await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', label);
    await label.click();
    const suggested = () => inRoot(driver, page, 'return [...root.querySelectorAll(".region.is-suggested")].map((g) => g.dataset.target)');
    assert.deepEqual(await suggested(), ['si-joint-left', 'si-joint-right'], 'a click on the label ticks the box and marks the SI joints');
    // Keyboard: the box after it, with Space.
    await driver.actions().sendKeys(Key.TAB, Key.SPACE).perform();
    assert.match((await focused(driver)).label, /tires and strains/);
    assert.deepEqual(await suggested(), ['si-joint-left', 'si-joint-right', 'glutes-left', 'glutes-right']);
    assert.deepEqual(await driver.executeScript('return window.seen'), ['si-joint', 'si-joint,glutes']);
    // On to "Read about Sacroiliac joint" and open it with Enter.
    await driver.actions().sendKeys(Key.TAB, Key.TAB).perform();
    assert.equal((await focused(driver)).text.replace(/[\u2068\u2069]/g, ''), 'Read about Sacroiliac joint');
    await driver.actions().sendKeys(Key.ENTER).perform();
    assert.equal((await page.panel()).heading, 'Sacroiliac joint, side not chosen', 'no side was chosen, and the heading says so');
    assert.equal((await focused(driver)).tag, 'h2', 'reading goes on at the explanation');
    assert.deepEqual(await page.problems(), []);
  });

  test('the kidney check: any flag puts the doctor first, none brings the invitation back, nothing is sent', async () => {
    const { driver } = env;
    const page = await open(driver, env.server.url);
    await driver.executeScript('arguments[0].setAttribute("analytics", "datalayer")', page.host);
    await page.click('ql-left');
    const before = { url: await driver.getCurrentUrl(), href: (await page.panel()).href, layer: await driver.executeScript('return JSON.stringify(window.dataLayer)') };
    const box = async (n) => page.root.findElement(By.css(`.check label:nth-of-type(${n}) input`));
    const doctorFirst = () => inRoot(driver, page, 'const c = root.querySelector(".panel.is-active .cta"); return [c.querySelector(".doctor-first"), c.querySelector(".note"), c.querySelector(".book")].map((e) => e.checkVisibility());');
    assert.deepEqual(await doctorFirst(), [false, true, true]);
    const fever = await box(2);
    await driver.executeScript('arguments[0].focus()', fever);
    await driver.actions().sendKeys(Key.SPACE).perform();
    assert.equal(await fever.isSelected(), true);
    assert.deepEqual(await doctorFirst(), [true, false, true], 'advice shown, invitation hidden, link kept');
    await (await box(5)).click();
    assert.equal(await fever.isSelected(), false, '"None of these" clears the flags');
    assert.deepEqual(await doctorFirst(), [false, true, true]);
    await (await box(3)).click();
    assert.deepEqual(await doctorFirst(), [true, false, true]);
    const after = { url: await driver.getCurrentUrl(), href: (await page.panel()).href, layer: await driver.executeScript('return JSON.stringify(window.dataLayer)') };
    assert.deepEqual(after, before, 'no trace in the URL, the booking link or dataLayer');
    assert.deepEqual(await page.problems(), []);
  });

  test('copy link: copied, or the link shown selected when the clipboard refuses', async () => {
    const { driver } = env;
    const page = await open(driver, env.server.url);
    await page.click('psoas-both');
    const copy = await page.root.findElement(By.css('button.copy'));
    await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', copy);
    await copy.click();
    const status = () => inRoot(driver, page, 'return root.querySelector(".copy-status").textContent');
    await driver.wait(async () => (await status()) !== '', 5000, 'the copy reports back');
    const field = () => inRoot(driver, page, 'const f = root.querySelector(".copy-field"); return { hidden: f.hidden, value: f.value, focused: root.activeElement === f };');
    if ((await status()) === 'Link copied.') {
      assert.equal((await field()).hidden, true);
    } else {
      assert.deepEqual(await field(), { hidden: false, value: `${env.server.url}#region=psoas:both`, focused: true });
    }
    // Refused on purpose: the fallback.
    await driver.executeScript('Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: () => Promise.reject(new Error("no")) } })');
    await copy.click();
    await driver.wait(async () => /did not allow/.test(await status()), 5000);
    assert.deepEqual(await field(), { hidden: false, value: `${env.server.url}#region=psoas:both`, focused: true });
    assert.deepEqual(await page.problems(), []);
  });
});
