// Accessibility and layout in headless Chromium: axe-core, and what axe cannot check (hit sizes,
// a visible focus ring, forced colours, reduced motion, no layout shift, container layout).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, panel, axe, TARGETS } from './helpers.mjs';

const region = (key) => `lower-back-map [data-target="${key}"]`;

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

for (const width of [360, 1280]) {
  test(`axe finds no violation at ${width} px, before and after selecting each region`, async () => {
    const page = await open(env.browser, env.server.url, { viewport: { width, height: 900 } });
    assert.deepEqual(await axe(page), [], 'initial state');
    for (const key of TARGETS) {
      await page.locator(region(key)).click();
      assert.deepEqual(await axe(page), [], `after selecting ${key}`);
    }
    await page.close();
  });
}

test('every region can be hit in a box of at least 24 x 24 CSS px in a 320 px widget', async () => {
  const page = await open(env.browser, env.server.url, { viewport: { width: 320, height: 740 } });
  await page.evaluate(() => {
    const el = document.querySelector('lower-back-map');
    el.style.width = '320px';
    el.style.margin = '0';
    document.querySelector('main').style.padding = '0';
  });
  const boxes = await page.evaluate(() => {
    const root = document.querySelector('lower-back-map').shadowRoot;
    return {
      widget: document.querySelector('lower-back-map').getBoundingClientRect().width,
      regions: [...root.querySelectorAll('[data-target]')].map((g) => {
        const hit = g.querySelector('.hit') || g;
        const r = hit.getBoundingClientRect();
        return { key: g.dataset.target, w: r.width, h: r.height };
      }),
    };
  });
  assert.equal(boxes.widget, 320);
  assert.equal(boxes.regions.length, TARGETS.length);
  for (const { key, w, h } of boxes.regions) {
    assert.ok(w >= 24 && h >= 24, `${key} is ${w.toFixed(1)} x ${h.toFixed(1)} px`);
  }
  // Nothing covers a hit area: a click at its centre reaches the region (Playwright checks that
  // the point receives the event) and selects it.
  for (const key of TARGETS) {
    const hit = page.locator(`${region(key)} .hit`);
    await ((await hit.count()) ? hit : page.locator(region(key))).click();
    assert.equal(await page.locator(region(key)).getAttribute('aria-pressed'), 'true', key);
  }
  await page.close();
});

test('the focus ring is visible on every region', async () => {
  const page = await open(env.browser, env.server.url);
  const map = page.locator('lower-back-map svg.drawing');
  await map.scrollIntoViewIfNeeded();
  // Enter the map with the keyboard so :focus-visible applies, as it does for keyboard users.
  await page.locator(region('ql-left')).focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  for (const key of TARGETS) {
    const box = await page.locator(region(key)).boundingBox();
    const clip = { x: box.x - 6, y: box.y - 6, width: box.width + 12, height: box.height + 12 };
    const focused = await page.screenshot({ clip });
    const ring = await page.locator(`${region(key)} .ring`).first().evaluate((el) => getComputedStyle(el).stroke);
    await page.evaluate(() => document.querySelector('lower-back-map').shadowRoot.activeElement.blur());
    const unfocused = await page.screenshot({ clip });
    assert.notEqual(ring, 'none', `${key} ring has a stroke when focused`);
    assert.ok(!focused.equals(unfocused), `${key} looks different when focused`);
    // The keyboard was used last, so focusing the next region shows its ring.
    const next = TARGETS[TARGETS.indexOf(key) + 1];
    if (next) await page.locator(region(next)).focus();
  }
  await page.close();
});

test('forced colours keep regions, selection and focus visible with system colours', async () => {
  const page = await open(env.browser, env.server.url);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.locator(region('glutes-left')).click();
  await page.keyboard.press('ArrowRight');
  const styles = await page.evaluate(() => {
    const root = document.querySelector('lower-back-map').shadowRoot;
    const style = (sel, prop) => getComputedStyle(root.querySelector(sel))[prop];
    return {
      muscle: style('[data-target="ql-left"] .muscle', 'stroke'),
      selected: style('[data-target="glutes-left"] .muscle', 'fill'),
      plain: style('[data-target="ql-left"] .muscle', 'fill'),
      ring: style('[data-target="glutes-right"] .ring', 'stroke'),
    };
  });
  assert.notEqual(styles.muscle, 'none', 'regions keep an outline');
  assert.notEqual(styles.selected, styles.plain, 'the selected region stands out');
  assert.notEqual(styles.ring, 'none', 'the focused region has a ring');
  await page.screenshot({ path: 'e2e/screenshots/forced-colors.png' });
  await page.close();
});

test('reduced motion turns transitions off', async () => {
  const page = await open(env.browser, env.server.url);
  const duration = () => page.locator(`${region('ql-left')} .muscle`).evaluate((el) => getComputedStyle(el).transitionDuration);
  assert.notEqual(await duration(), '0s');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.equal(await duration(), '0s');
  await page.close();
});

for (const width of [360, 768, 1280]) {
  test(`selecting a region moves nothing above the widget, and only in answer to the visitor at ${width} px`, async () => {
    const page = await open(env.browser, env.server.url, { viewport: { width, height: 900 } });
    await page.evaluate(() => {
      window.shifts = [];
      new PerformanceObserver((list) => window.shifts.push(...list.getEntries())).observe({ type: 'layout-shift', buffered: true });
    });
    const top = () => page.locator('lower-back-map').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    const start = await top();
    for (const key of TARGETS) {
      await page.locator(region(key)).click();
      assert.equal(await top(), start, `after ${key}`);
    }
    await page.waitForTimeout(100);
    // A panel of another height may move what follows, right after the click: layout-shift
    // metrics (CLS) leave out shifts within 500 ms of input. None may happen without input.
    const unexpected = await page.evaluate(() => window.shifts.filter((s) => !s.hadRecentInput).map((s) => s.value));
    assert.deepEqual(unexpected, []);
    await page.close();
  });
}

test('the layout follows the widget width: side by side when wide, stacked when narrow', async () => {
  const page = await open(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  const layout = () => page.evaluate(() => {
    const root = document.querySelector('lower-back-map').shadowRoot;
    const map = root.querySelector('.map').getBoundingClientRect();
    const details = root.querySelector('.details').getBoundingClientRect();
    return details.left >= map.right ? 'side by side' : details.top >= map.bottom ? 'stacked' : 'overlapping';
  });
  assert.equal(await layout(), 'side by side');
  // Same wide window, narrow container: the container decides, not the viewport.
  await page.evaluate(() => { document.querySelector('lower-back-map').style.maxWidth = '420px'; });
  assert.equal(await layout(), 'stacked');
  await page.close();
});

test('a selection is announced politely without moving focus', async () => {
  const page = await open(env.browser, env.server.url);
  await page.locator(region('ql-left')).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const state = await page.evaluate(() => {
    const root = document.querySelector('lower-back-map').shadowRoot;
    const live = root.querySelector('[aria-live="polite"]');
    return { live: live.textContent, focus: root.activeElement?.dataset.target };
  });
  assert.equal(state.live, 'Showing \u2068Quadratus lumborum\u2069, \u2068right side\u2069.', 'values isolated (bidi)');
  assert.equal(state.focus, 'ql-right');
  assert.equal((await panel(page)).heading, 'Quadratus lumborum, right side');
  await page.close();
});
