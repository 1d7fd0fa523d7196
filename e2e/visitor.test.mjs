// A visitor on the release build in headless Chromium: mouse, touch and keyboard journeys.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, panel, TARGETS } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('the release build starts and a click changes the panel', async () => {
  const page = await open(env.browser, env.server.url);
  assert.equal(await page.locator('lower-back-map .title').textContent(), 'Where does your lower back hurt?');
  assert.equal(await page.locator('lower-back-map .panel.is-active').getAttribute('class'), 'panel intro is-active');
  await page.locator('lower-back-map [data-target="ql-left"]').click();
  assert.equal((await panel(page)).heading, 'Quadratus lumborum, left side');
  assert.deepEqual(page.problems, []);
  await page.close();
});

// Mounting draws what the first frame shows; the hidden region panels are filled after it.
// Fails if mount fills them all again (full at map-ready), or if nothing fills them later (empty
// after the first frames; only the first tap on a region would then fill its panel), also after
// a redraw (shown: without the fill after a redraw, three stay empty).
test('the first frame draws only the shown panel; the others are filled just after it', async () => {
  const page = await env.browser.newPage();
  await page.addInitScript(() => {
    const filled = window.filled = () => [...document.querySelector('lower-back-map').shadowRoot.querySelectorAll('.panel[data-region]')]
      .map((p) => `${p.dataset.region}:${p.childElementCount > 0}`).join(' ');
    window.addEventListener('map-ready', () => {
      window.atReady = filled();
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => { window.afterFrames = filled(); })));
    }, { capture: true });
  });
  await page.goto(`${env.server.url}#region=glutes:right`);
  await page.waitForFunction(() => window.afterFrames);
  const [atReady, afterFrames] = await page.evaluate(() => [window.atReady, window.afterFrames]);
  assert.equal(atReady, 'ql:false si-joint:false glutes:true psoas:false', 'at map-ready only the selected one is filled');
  assert.equal(afterFrames, 'ql:true si-joint:true glutes:true psoas:true', 'two frames later all are');
  assert.equal((await panel(page)).heading, 'Glutes, right side');
  await page.locator('lower-back-map [data-target="ql-left"]').click();
  assert.equal((await panel(page)).heading, 'Quadratus lumborum, left side');
  // A settings change redraws the widget: the same again, the selected panel at once.
  const redrawn = await page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector('lower-back-map');
    el.setAttribute('clinic-name', 'Back Room');
    const now = window.filled();
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve([now, window.filled()]))));
  }));
  assert.deepEqual(redrawn, ['ql:true si-joint:false glutes:false psoas:false', 'ql:true si-joint:true glutes:true psoas:true']);
  assert.match(await page.locator('lower-back-map .panel.is-active .note').textContent(), /Back Room/);
  await page.close();
});

test('every region by mouse shows its panel and a booking link for it', async () => {
  const page = await open(env.browser, env.server.url);
  for (const key of TARGETS) {
    await page.locator(`lower-back-map [data-target="${key}"]`).click();
    const { heading, href } = await panel(page);
    const [region, side] = key === 'psoas-both' ? ['psoas', 'both'] : [key.replace(/-(left|right)$/, ''), key.split('-').pop()];
    assert.match(heading, new RegExp(`${side === 'both' ? 'both sides' : `${side} side`}$`), key);
    assert.equal(href, `${env.server.url}book.html?region=${region}&side=${side}`, key);
    assert.equal(await page.locator(`lower-back-map [data-target="${key}"]`).getAttribute('aria-pressed'), 'true');
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('every region by touch on a 360 x 740 phone', async () => {
  const page = await open(env.browser, env.server.url, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  for (const key of TARGETS) {
    const region = page.locator(`lower-back-map [data-target="${key}"]`);
    await region.scrollIntoViewIfNeeded();
    await region.tap();
    assert.equal(await region.getAttribute('aria-pressed'), 'true', key);
  }
  assert.match((await panel(page)).heading, /^Psoas/);
  await page.close();
});

test('keyboard only: from the top of the page to the booking link', async () => {
  const page = await open(env.browser, env.server.url);
  const focused = () => page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { target: el?.getAttribute('data-target'), cls: el?.getAttribute('class'), text: el?.textContent?.trim() };
  });
  // Tab from the top until focus enters the map.
  let steps = 0;
  while ((await focused()).target == null) {
    await page.keyboard.press('Tab');
    assert.ok(++steps < 15, 'the map is reachable with Tab');
  }
  assert.equal((await focused()).target, 'ql-left', 'Tab lands on the first region');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused()).target, 'si-joint-right');
  await page.keyboard.press('End');
  assert.equal((await focused()).target, 'psoas-both');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await focused()).target, 'psoas-both', 'arrows wrap around');
  await page.keyboard.press('Enter');
  assert.match((await panel(page)).heading, /^Psoas/);
  assert.equal((await focused()).target, 'psoas-both', 'selecting does not move focus');
  await page.keyboard.press('Tab');
  const link = await focused();
  assert.equal(link.cls, 'book', 'the booking link comes right after the map');
  assert.equal(link.text, 'Book a Lower Back Relief session');
  await page.keyboard.press('Enter');
  await page.waitForURL(/book\.html\?region=psoas&side=both$/);
  assert.equal(await page.locator('#region').textContent(), 'psoas');
  await page.close();
});
