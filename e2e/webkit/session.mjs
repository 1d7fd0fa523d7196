// Helpers for the WebKit journeys: one WebKitGTK WebDriver session (MiniBrowser) per test file,
// the project's static server, and the widget's shadow DOM seen through WebDriver.
// scripts/webkit.sh e2e starts the driver and exports WEBKIT_DRIVER_URL.
import { Builder, By, Origin } from 'selenium-webdriver';
import input from 'selenium-webdriver/lib/input.js';
import { readFileSync } from 'node:fs';
import { serve } from '../browser.mjs';
import { decodePng } from './png.mjs';

export const TARGETS = ['ql-left', 'ql-right', 'si-joint-left', 'si-joint-right', 'glutes-left', 'glutes-right', 'psoas-both'];

/** webdriver-webkit.json (the MiniBrowser binary and its --automation flag) plus the browser name. */
export function capabilities() {
  const json = JSON.parse(readFileSync(new URL('../../webdriver-webkit.json', import.meta.url), 'utf8'));
  return { browserName: 'MiniBrowser', ...json };
}

/** One server and one WebDriver session; WebKitWebDriver serves one session at a time. */
export async function setup(caps = capabilities()) {
  const url = process.env.WEBKIT_DRIVER_URL;
  if (!url) throw new Error('WEBKIT_DRIVER_URL is not set: run this through scripts/webkit.sh e2e');
  const server = await serve('www');
  let driver;
  try {
    driver = await new Builder().usingServer(url).withCapabilities(caps).build();
  } catch (e) {
    server.stop();
    throw e;
  }
  const close = async () => {
    try { await driver.quit(); } finally { server.stop(); }
  };
  return { server, driver, close };
}

/**
 * Loads `url` in a 1280 x 900 window (or `size`), waits for the release build to draw the first
 * region, and starts collecting page errors and console.error calls into `page.problems()`.
 * WebKitGTK's WebDriver has no log or BiDi endpoint, so errors during the load itself are not seen.
 */
export async function open(driver, url, size = { width: 1280, height: 900 }) {
  await driver.manage().window().setRect(size);
  await driver.get(url);
  const host = await driver.findElement(By.css('lower-back-map'));
  await driver.wait(async () => driver.executeScript(
    'return !!arguments[0].shadowRoot?.querySelector(\'[data-target="ql-left"]\')', host), 15000, 'the widget did not draw its regions');
  await driver.executeScript(`
    window.__problems = [];
    addEventListener('error', (e) => __problems.push('page error: ' + e.message));
    addEventListener('unhandledrejection', (e) => __problems.push('unhandled rejection: ' + e.reason));
    const original = console.error;
    console.error = (...args) => { __problems.push('console error: ' + args.join(' ')); original.apply(console, args); };`);
  const root = await host.getShadowRoot();
  const region = (key) => root.findElement(By.css(`[data-target="${key}"]`));
  return {
    host,
    root,
    region,
    problems: () => driver.executeScript('return window.__problems'),
    /** The visible panel's heading and booking link. */
    panel: async () => {
      const active = await root.findElement(By.css('.panel.is-active'));
      return {
        // Without the bidi isolates (U+2068 … U+2069) around filled-in values.
        heading: (await driver.executeScript('return arguments[0].textContent', await active.findElement(By.css('h2')))).replace(/[\u2068\u2069]/g, '').trim(),
        href: await (await active.findElement(By.css('a.book'))).getAttribute('href'),
      };
    },
    /** The region's box in viewport pixels, after scrolling it to the middle of the window. */
    rect: (key) => driver.executeScript(`
      const g = arguments[0].shadowRoot.querySelector('[data-target="' + arguments[1] + '"]');
      g.scrollIntoView({ block: 'center', inline: 'center' });
      const r = g.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };`, host, key),
    /**
     * Clicks the middle of a region's box, as playwright's locator.click() does. WebDriver's own
     * Element Click cannot be used: WebKit answers "element not interactable" for an SVG <g>,
     * because its elementsFromPoint() lists the hit shape but never the enclosing <g>.
     */
    click: async (key, pointerType = 'mouse') => {
      const r = await driver.executeScript(`
        const g = arguments[0].shadowRoot.querySelector('[data-target="' + arguments[1] + '"]');
        g.scrollIntoView({ block: 'center', inline: 'center' });
        const r = g.getBoundingClientRect();
        return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };`, host, key);
      if (pointerType === 'mouse') {
        await driver.actions().move({ origin: Origin.VIEWPORT, ...r }).click().perform();
      } else {
        const finger = new input.Pointer('finger', input.Pointer.Type.TOUCH);
        await driver.actions({ async: true })
          .insert(finger, finger.move({ origin: Origin.VIEWPORT, ...r }), finger.press(), finger.release()).perform();
      }
      return r;
    },
  };
}

/** The deep focused element, following open shadow roots: its data-target, class and text. */
export function focused(driver) {
  return driver.executeScript(`
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { target: el?.getAttribute('data-target') ?? null, cls: el?.getAttribute('class') ?? null, text: el?.textContent?.trim() ?? null };`);
}

/**
 * The window as a decoded screenshot, once the page has painted: WebKitGTK can hand back the
 * frame from before a scroll, so this waits two animation frames and then until two screenshots
 * in a row agree. (Its element screenshots come out black under Xvfb, so crop these instead.)
 */
export async function screenshot(driver) {
  let last = null;
  for (let i = 0; i < 10; i++) {
    await driver.executeAsyncScript('const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));');
    const b64 = await driver.takeScreenshot();
    if (b64 === last) return { b64, img: decodePng(b64) };
    last = b64;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the window did not settle for a screenshot');
}
