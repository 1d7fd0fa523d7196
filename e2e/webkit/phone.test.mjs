// The phone journey in WebKit (Safari's engine): the answer comes into view after a tap, a second
// tap or Escape goes back to the overview, and the arrows follow the drawing. MiniBrowser's window
// is at least 447 px wide, so the narrowest window stands in for the phone.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Key, Origin } from 'selenium-webdriver';
import { setup, open, focused, TARGETS } from './session.mjs';

const name = (key) => (key.startsWith('psoas') ? 'psoas' : key.replace(/-(left|right)$/, ''));

describe('WebKit: the phone journey', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.close(); });

  test('after a click with the panel out of view, the region heading comes into view within 1 s', async () => {
    const { driver } = env;
    const page = await open(driver, env.server.url, { width: 360, height: 740 });
    for (const key of TARGETS) {
      // The map just into view at the bottom of the window: the answer below is out of view.
      const point = await driver.executeScript(`
        const root = arguments[0].shadowRoot;
        const svg = root.querySelector('svg');
        scrollTo({ top: svg.getBoundingClientRect().bottom + scrollY - innerHeight, behavior: 'instant' });
        const g = root.querySelector('[data-target="' + arguments[1] + '"]');
        const r = (g.querySelector('.hit') || g).getBoundingClientRect();
        return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };`, page.host, key);
      await driver.actions().move({ origin: Origin.VIEWPORT, ...point }).click().perform();
      const inView = () => driver.executeScript(`
        const r = arguments[0].shadowRoot.querySelector('.panel[data-region="' + arguments[1] + '"] h2').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;`, page.host, name(key));
      await driver.wait(inView, 1000, `${key}: the heading came into view`);
      await driver.executeScript('arguments[0].clear()', page.host);
    }
    assert.deepEqual(await page.problems(), []);
  });

  test('a second click, Enter again or Escape go back to the overview; arrows follow the drawing', async () => {
    const { driver } = env;
    const page = await open(driver, env.server.url);
    const pressed = () => driver.executeScript(
      'return [...arguments[0].shadowRoot.querySelectorAll(\'[aria-pressed="true"]\')].map((g) => g.dataset.target)', page.host);
    await page.click('glutes-left');
    assert.deepEqual(await pressed(), ['glutes-left']);
    await page.click('glutes-left');
    assert.deepEqual(await pressed(), [], 'second click');
    const press = (...keys) => driver.actions().sendKeys(...keys).perform();
    await press(Key.ARROW_UP);
    assert.equal((await focused(driver)).target, 'si-joint-left', 'Up from the glutes');
    await press(Key.ARROW_RIGHT, Key.ENTER);
    assert.deepEqual(await pressed(), ['si-joint-right']);
    await press(Key.ENTER);
    assert.deepEqual(await pressed(), [], 'Enter on the selected region');
    await press(Key.ARROW_DOWN, Key.SPACE);
    assert.deepEqual(await pressed(), ['glutes-right']);
    await press(Key.ESCAPE);
    assert.deepEqual(await pressed(), [], 'Escape');
    assert.equal((await focused(driver)).target, 'glutes-right', 'focus stays');
    assert.deepEqual(await page.problems(), []);
  });
});
