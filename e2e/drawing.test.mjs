// The drawing in headless Chromium, on the release build: hit areas for thumbs, labels that wrap
// beside the drawing in any language and grow with the visitor's text size, RTL pages, the
// palettes' contrast, the "where it is felt" layer, and screenshots for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { setup, open, TARGETS } from './helpers.mjs';

const OUT = 'e2e/screenshots';
let env;
before(async () => { env = await setup(); await mkdir(OUT, { recursive: true }); });
after(async () => { await env.close(); });

/** Puts the widget in a container of `width` px (or leaves it to the page when null). */
async function openAt(pageWidth, containerWidth = null, options = {}) {
  const page = await open(env.browser, env.server.url, { viewport: { width: pageWidth, height: 900 }, ...options });
  if (containerWidth) {
    await page.evaluate((w) => {
      const el = document.querySelector('lower-back-map');
      el.style.width = `${w}px`;
      el.style.margin = '0';
    }, containerWidth);
  }
  return page;
}

/** Every hit rectangle on the map, with its target: [{ key, boxes: [{left, top, right, bottom}] }]. */
const hitBoxes = (page) => page.evaluate(() => {
  const root = document.querySelector('lower-back-map').shadowRoot;
  return [...root.querySelectorAll('[data-target]')].map((g) => ({
    key: g.dataset.target,
    boxes: [...g.querySelectorAll('.hit, .hit-extra')].map((h) => h.getBoundingClientRect().toJSON()),
  }));
});

const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

for (const [name, pageWidth, container] of [['at 360 px page width', 360, null], ['in a 300 px container', 1280, 300]]) {
  test(`hit areas are at least 44 x 44 px and never overlap another target's, ${name}`, async () => {
    const page = await openAt(pageWidth, container);
    const svgWidth = await page.locator('lower-back-map svg.drawing').evaluate((s) => s.getBoundingClientRect().width);
    if (container) assert.ok(svgWidth <= 276, `the drawing is ${svgWidth} px wide in a 300 px container`);
    const targets = await hitBoxes(page);
    assert.deepEqual(targets.map((t) => t.key), TARGETS);
    assert.equal(await page.locator('lower-back-map .hit').count(), TARGETS.length, 'one .hit per target');
    for (const { key, boxes } of targets) {
      // Each target has one `.hit`, its main hit area, first; the glutes have a `.hit-extra`
      // over the upper gluteus medius, beside the SI rectangle.
      const [main] = boxes;
      assert.ok(main.width >= 44 && main.height >= 44, `${key}: ${main.width.toFixed(1)} x ${main.height.toFixed(1)} px at a ${svgWidth} px drawing`);
    }
    // Checked by breaking it: with the SI rectangles 3 units taller they overlap the glutes'.
    for (let i = 0; i < targets.length; i++) {
      for (let j = i + 1; j < targets.length; j++) {
        for (const a of targets[i].boxes) for (const b of targets[j].boxes) {
          assert.ok(!overlap(a, b), `${targets[i].key} and ${targets[j].key} overlap`);
        }
      }
    }
    // A tap at the centre of each hit area reaches that target (nothing drawn over it takes
    // the pointer) and selects it.
    for (const { key } of targets) {
      await page.locator(`lower-back-map [data-target="${key}"] .hit`).click();
      assert.equal(await page.locator(`lower-back-map [data-target="${key}"]`).getAttribute('aria-pressed'), 'true', key);
    }
    // The upper gluteus medius, beside the SI rectangle, selects the glutes too.
    await page.locator('lower-back-map [data-target="glutes-right"] .hit-extra').click();
    assert.equal(await page.locator('lower-back-map [data-target="glutes-right"]').getAttribute('aria-pressed'), 'true');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

/** The labels' boxes and the drawing's: every label, its text, and which view it belongs to. */
const layout = (page) => page.evaluate(() => {
  const root = document.querySelector('lower-back-map').shadowRoot;
  const svg = root.querySelector('svg.drawing');
  const vb = svg.viewBox.baseVal;
  const box = svg.getBoundingClientRect();
  const scale = box.width / vb.width;
  // The views' x ranges in px, from the geometry: back view 0..250, side view 262..440.
  const views = { back: [box.left, box.left + 250 * scale], side: [box.left + 262 * scale, box.right] };
  const labels = [...root.querySelectorAll('.figure span')].map((s) => ({
    text: s.textContent,
    view: s.closest('.sides') || s.classList.contains('back-title') ? 'back' : 'side',
    r: s.getBoundingClientRect().toJSON(),
    fontSize: parseFloat(getComputedStyle(s).fontSize),
  }));
  const shapes = [...root.querySelectorAll('.region')].flatMap((g) => [...g.querySelectorAll('.muscle, .hit, .hit-extra')].map((p) => ({ key: g.dataset.target, r: p.getBoundingClientRect().toJSON() })));
  return { svg: box.toJSON(), views, labels, shapes };
});

// Checked by breaking it: with the LEFT/RIGHT row moved into the drawing's grid row, every
// case fails with '"Left" crosses the drawing'.
function assertLabelsClear(l, what) {
  assert.equal(l.labels.length, 6, 'six labels');
  for (const label of l.labels) {
    assert.ok(label.r.width > 0 && label.r.height > 0, `${label.text} is shown`);
    assert.ok(!overlap(label.r, l.svg), `${what}: "${label.text}" crosses the drawing`);
    for (const s of l.shapes) assert.ok(!overlap(label.r, s.r), `${what}: "${label.text}" crosses ${s.key}`);
    const [x0, x1] = l.views[label.view];
    assert.ok(label.r.left >= x0 - 0.5 && label.r.right <= x1 + 0.5, `${what}: "${label.text}" (${label.r.left.toFixed(0)}..${label.r.right.toFixed(0)}) stays over its ${label.view} view (${x0.toFixed(0)}..${x1.toFixed(0)})`);
  }
  for (let i = 0; i < l.labels.length; i++) {
    for (let j = i + 1; j < l.labels.length; j++) {
      assert.ok(!overlap(l.labels[i].r, l.labels[j].r), `${what}: "${l.labels[i].text}" and "${l.labels[j].text}" overlap`);
    }
  }
}

const SPANISH = { backView: 'Vista posterior', sideView: 'Vista lateral', left: 'IZQUIERDA', right: 'DERECHA', back: 'Atrás', front: 'Delante' };
const LONG = { ...SPANISH, left: 'Lado izquierdo de la persona, por detrás', sideView: 'Vista lateral del lado derecho, de perfil' };

for (const [name, pageWidth, container] of [['at 360 px', 360, null], ['in a 300 px container', 1280, 300], ['at 1280 px', 1280, null]]) {
  test(`labels sit beside the drawing, over their own view, in English, Spanish and 40-character labels, ${name}`, async () => {
    const page = await openAt(pageWidth, container);
    assertLabelsClear(await layout(page), 'English');
    for (const [lang, ui] of [['Spanish', SPANISH], ['40 characters', LONG]]) {
      await page.evaluate((ui) => { document.querySelector('lower-back-map').config = { ui }; }, ui);
      const l = await layout(page);
      assert.ok(l.labels.some((x) => x.text === ui.sideView), `${lang} labels are shown`);
      assertLabelsClear(l, lang);
    }
    assert.equal(LONG.left.length, 40);
    assert.equal(LONG.sideView.length, 41);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test('labels grow with the browser\'s default text size', async () => {
  const page = await openAt(360);
  const before = await layout(page);
  const session = await page.context().newCDPSession(page);
  await session.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  // The setting applies: the page's root font size follows it.
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '32px');
  const after = await layout(page);
  for (let i = 0; i < before.labels.length; i++) {
    const [a, b] = [before.labels[i], after.labels[i]];
    assert.ok(b.fontSize >= a.fontSize * 1.9, `"${a.text}" grows from ${a.fontSize} px to ${b.fontSize} px`);
  }
  assertLabelsClear(after, 'double text size');
  await page.close();
});

test('on a right-to-left page the drawing keeps its geometry and the labels stay with their views', async () => {
  const page = await openAt(360);
  const ltr = await layout(page);
  await page.evaluate(() => { document.documentElement.dir = 'rtl'; document.documentElement.lang = 'ar'; });
  const rtl = await layout(page);
  const at = (l, text) => l.labels.find((x) => x.text === text).r;
  assert.ok(at(rtl, 'Left').right < at(rtl, 'Right').left, 'LEFT stays on the left, under the person\'s left');
  assert.ok(at(rtl, 'Back view').right < at(rtl, 'Side view').left, 'the back view stays on the left');
  assert.ok(at(rtl, 'Back').right < at(rtl, 'Front').left, 'the back of the side view stays on its left');
  for (const text of ['Left', 'Right', 'Back view', 'Side view', 'Back', 'Front']) {
    assert.ok(Math.abs(at(rtl, text).left - at(ltr, text).left) < 1, `${text} keeps its place`);
  }
  const left = await page.locator('lower-back-map [data-target="ql-left"] .hit').first().boundingBox();
  const right = await page.locator('lower-back-map [data-target="ql-right"] .hit').first().boundingBox();
  assert.ok(left.x < right.x, 'the person\'s left is still drawn on the viewer\'s left');
  // An Arabic label keeps its own direction inside the left-to-right figure.
  await page.evaluate(() => { document.querySelector('lower-back-map').config = { ui: { left: 'يسار', right: 'يمين' } }; });
  const arabic = await layout(page);
  assert.ok(at(arabic, 'يسار').right < at(arabic, 'يمين').left);
  assertLabelsClear(arabic, 'Arabic');
  await page.close();
});

/** WCAG relative luminance of a computed colour ("rgb(...)", "rgba(...)" or "color(srgb ...)"). */
function luminance(css) {
  const n = css.match(/[\d.]+/g).map(Number);
  const [r, g, b] = css.startsWith('color(') ? n.slice(0, 3) : n.slice(0, 3).map((v) => v / 255);
  const lin = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

for (const theme of ['light', 'dark', 'auto-dark']) {
  test(`regions and the selection stand out from the skin by at least 3:1 in the ${theme} palette`, async () => {
    const page = await openAt(1280);
    // No transitions, so the colours read are the final ones.
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: theme === 'auto-dark' ? 'dark' : 'light' });
    await page.evaluate((t) => { document.querySelector('lower-back-map').shadowRoot.querySelector('.lbm').dataset.theme = t.replace('-dark', ''); }, theme);
    await page.locator('lower-back-map [data-target="glutes-left"] .hit').first().click();
    await page.mouse.move(0, 0);
    const colours = await page.evaluate(() => {
      const root = document.querySelector('lower-back-map').shadowRoot;
      const fill = (sel) => getComputedStyle(root.querySelector(sel)).fill;
      return {
        skin: fill('.skin'),
        region: fill('[data-target="ql-left"] .muscle'),
        selected: fill('[data-target="glutes-left"] .muscle'),
        bone: fill('.bone'),
      };
    });
    for (const [what, c] of [['region', colours.region], ['selection', colours.selected]]) {
      const ratio = contrast(c, colours.skin);
      assert.ok(ratio >= 3, `${theme}: ${what} ${c} on skin ${colours.skin} is ${ratio.toFixed(2)}:1`);
    }
    assert.ok(contrast(colours.region, colours.bone) >= 3, `${theme}: region on bone`);
    if (theme !== 'light') assert.ok(luminance(colours.skin) < 0.1, `${theme}: the skin is dark (${colours.skin})`);
    await page.close();
  });
}

test('marketers set skin, bone and outline colours with custom properties', async () => {
  const page = await openAt(1280);
  const got = await page.evaluate(() => {
    const el = document.querySelector('lower-back-map');
    el.style.setProperty('--lbm-skin', 'rgb(10, 20, 30)');
    el.style.setProperty('--lbm-bone', 'rgb(40, 50, 60)');
    el.style.setProperty('--lbm-outline', 'rgb(70, 80, 90)');
    const root = el.shadowRoot;
    const cs = (sel) => getComputedStyle(root.querySelector(sel));
    return [cs('.skin').fill, cs('.bone').fill, cs('.skin-line').stroke];
  });
  assert.deepEqual(got, ['rgb(10, 20, 30)', 'rgb(40, 50, 60)', 'rgb(70, 80, 90)']);
  await page.close();
});

test('the "where it is felt" layer is hidden, hatched when shown, and never takes a tap', async () => {
  const page = await openAt(360, null, { deviceScaleFactor: 2 });
  const felt = await page.evaluate(() => {
    const root = document.querySelector('lower-back-map').shadowRoot;
    const paths = [...root.querySelectorAll('path.felt')];
    const hidden = paths.every((p) => getComputedStyle(p).display === 'none');
    paths.forEach((p) => p.classList.add('is-felt'));
    const shown = paths.map((p) => ({ id: p.dataset.felt, display: getComputedStyle(p).display, fill: getComputedStyle(p).fill, events: getComputedStyle(p).pointerEvents, box: p.getBoundingClientRect().toJSON() }));
    return { hidden, shown, pattern: !!root.querySelector('pattern#lbm-hatch path') };
  });
  assert.ok(felt.hidden, 'hidden until the view shows it');
  assert.deepEqual(felt.shown.map((f) => f.id), ['lower-back-left', 'lower-back-right', 'dimple-left', 'dimple-right']);
  assert.ok(felt.pattern, 'the hatch pattern exists');
  for (const f of felt.shown) {
    assert.notEqual(f.display, 'none');
    assert.match(f.fill, /url\(.*#lbm-hatch/, `${f.id} is hatched`);
    assert.equal(f.events, 'none');
  }
  // Taps go through to the target underneath.
  const d = felt.shown.find((f) => f.id === 'dimple-left').box;
  await page.mouse.click(d.x + d.width / 2, d.y + d.height / 2);
  assert.equal(await page.locator('lower-back-map [data-target="si-joint-left"]').getAttribute('aria-pressed'), 'true');
  await page.locator('lower-back-map .figure').screenshot({ path: `${OUT}/drawing-felt.png` });
  await page.close();
});

for (const [width, container] of [[300, 300], [360, null], [1280, null]]) {
  test(`screenshots of the drawing at ${width} px in light, dark and forced colours`, async () => {
    const page = await openAt(width === 300 ? 1280 : width, container, { deviceScaleFactor: 2, reducedMotion: 'reduce' });
    const figure = page.locator('lower-back-map .figure');
    await figure.screenshot({ path: `${OUT}/drawing-${width}-light.png` });
    await page.evaluate(() => {
      document.body.style.background = '#111';
      const el = document.querySelector('lower-back-map');
      // Until the lead's dark theme lands, the widget's own text and background are set here.
      el.style.setProperty('--lbm-background', '#161b1e');
      el.style.setProperty('--lbm-text', '#e6edf0');
      el.shadowRoot.querySelector('.lbm').dataset.theme = 'dark';
    });
    await figure.screenshot({ path: `${OUT}/drawing-${width}-dark.png` });
    await page.locator('lower-back-map [data-target="ql-left"] .hit').first().click();
    await figure.screenshot({ path: `${OUT}/drawing-${width}-dark-selected.png` });
    await page.evaluate(() => {
      const el = document.querySelector('lower-back-map');
      el.style.removeProperty('--lbm-background');
      el.style.removeProperty('--lbm-text');
      el.shadowRoot.querySelector('.lbm').dataset.theme = 'light';
    });
    await figure.screenshot({ path: `${OUT}/drawing-${width}-light-selected.png` });
    await page.emulateMedia({ forcedColors: 'active' });
    await figure.screenshot({ path: `${OUT}/drawing-${width}-forced.png` });
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}
