// The phone visitor's journey, and the host pages the widget really lands on: the first screen,
// the answer following the tap, no blank holes, text the host page cannot shrink, toggling and
// arrow keys, and the dark appearance measured from computed colours.
// How these fail on a broken build (each was tried once): without reveal_heading() the heading
// stays below the fold; with `font-size: 1rem` on .lbm the 62.5% host gives 10 px; with every
// panel in one grid cell the intro state has a 200+ px hole; with Msg::Select for taps the second
// tap keeps the selection; with the old key map Down goes to the right-hand QL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, axe, watch, TARGETS } from './helpers.mjs';

const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };
const region = (key) => `lower-back-map [data-target="${key}"]`;

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

/** Serves `body` as a host page on the test server's origin (no CSP), with the two-line snippet. */
async function hostPage(page, { css = '', body = '<lower-back-map booking-url="book.html"></lower-back-map>', name = 'host.html', fontSize } = {}) {
  if (fontSize) await textSize(page, fontSize);
  const url = `${env.server.url}${name}`;
  await page.route(url, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Host</title><style>${css}</style><script type="module" src="lower-back-map.js"></script></head><body>${body}</body></html>`,
  }));
  await page.goto(url);
  await page.locator('lower-back-map .region').first().waitFor();
}

const newPage = async (options = {}) => watch(await env.browser.newPage(options));

/** Doubles (or sets) the browser's default font size, as a visitor's text-size setting does. */
async function textSize(page, px) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: px, fixed: Math.round(px * 0.8125) } });
}

/** The box of an element inside the widget, in viewport coordinates. */
const box = (page, selector) => page.evaluate((sel) => {
  const r = document.querySelector('lower-back-map').shadowRoot.querySelector(sel).getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
}, selector);

/** The biggest vertical gap between consecutive lines of visible content in the widget. */
const biggestGap = (page) => page.evaluate(() => {
  const root = document.querySelector('lower-back-map').shadowRoot;
  const boxes = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && child.textContent.trim()) {
        const range = document.createRange();
        range.selectNodeContents(child);
        for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) boxes.push([r.top, r.bottom]);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.classList.contains('visually-hidden')) continue;
        if (child.localName === 'svg') {
          const r = child.getBoundingClientRect();
          if (r.height) boxes.push([r.top, r.bottom]);
          continue;
        }
        walk(child);
      }
    }
  };
  walk(root);
  boxes.sort((a, b) => a[0] - b[0]);
  let covered = boxes[0][1];
  let gap = 0;
  for (const [top, bottom] of boxes.slice(1)) {
    gap = Math.max(gap, top - covered);
    covered = Math.max(covered, bottom);
  }
  return Math.round(gap);
});

test('at 360 x 740 the clinic page shows the question, the prompt and the top of the map in the first screen', async () => {
  const page = await open(env.browser, env.server.url, PHONE);
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  const title = await box(page, '.title');
  const lead = await box(page, '.lead');
  const map = await box(page, 'svg');
  assert.ok(title.top >= 0 && lead.bottom <= 740, `question and prompt on screen (prompt ends at ${lead.bottom})`);
  assert.ok(map.top <= 740 - 120, `at least 120 px of the map on the first screen (map starts at ${Math.round(map.top)})`);
  await page.close();
});

test('after a tap on any region, its heading comes into view within 1 s below the tapped shape; focus stays on the region', async () => {
  const page = await open(env.browser, env.server.url, PHONE);
  for (const key of TARGETS) {
    // The map just into view at the bottom of the screen: the panel below is out of view.
    await page.evaluate(() => {
      const svg = document.querySelector('lower-back-map').shadowRoot.querySelector('svg');
      window.scrollTo({ top: svg.getBoundingClientRect().bottom + window.scrollY - innerHeight, behavior: 'instant' });
    });
    const name = key.startsWith('psoas') ? 'psoas' : key.replace(/-(left|right)$/, '');
    const heading = `.panel[data-region="${name}"] h2`;
    const hit = page.locator(`${region(key)} .hit`);
    await ((await hit.count()) ? hit : page.locator(region(key))).tap();
    await page.waitForFunction((sel) => {
      const r = document.querySelector('lower-back-map').shadowRoot.querySelector(sel).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, heading, { timeout: 1000 });
    // Broken build: with the heading scrolled a third of the way down (scroll-margin 60vh), the
    // QL and SI joint shapes leave the screen and the visitor cannot see what was tapped.
    const shown = await page.evaluate(async (key) => {
      let y;
      do { y = scrollY; await new Promise((ok) => setTimeout(ok, 100)); } while (scrollY !== y);
      const r = document.querySelector('lower-back-map').shadowRoot.querySelector(`[data-target="${key}"] .muscle`).getBoundingClientRect();
      return (Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)) / r.height;
    }, key);
    assert.ok(shown >= 0.9, `the tapped shape stays in view above the answer (${Math.round(shown * 100)}% shown)`);
    const focus = await page.evaluate(() => document.querySelector('lower-back-map').shadowRoot.activeElement?.dataset.target);
    assert.equal(focus, key, 'focus stays where the visitor put it');
    // Back to the overview for the next round (a second tap toggles off).
    await page.evaluate(() => document.querySelector('lower-back-map').clear());
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

// Broken build (the invitation after the stretch, as before): the order check fails; the button
// then sat about 1,300-1,400 px below the heading.
test('on a phone the booking button is within one and a half screens of the answer\'s heading, before the home stretch', async () => {
  const page = await open(env.browser, env.server.url, PHONE);
  const distances = [];
  for (const key of TARGETS) {
    await page.locator(region(key)).tap();
    const d = await page.evaluate(() => {
      const active = document.querySelector('lower-back-map').shadowRoot.querySelector('.panel.is-active');
      const book = active.querySelector('a.book');
      const stretchFirst = book.compareDocumentPosition(active.querySelector('.stretch-art')) & Node.DOCUMENT_POSITION_PRECEDING;
      return { below: book.getBoundingClientRect().bottom - active.querySelector('h2').getBoundingClientRect().top, stretchFirst };
    });
    assert.equal(d.stretchFirst, 0, `${key}: the invitation comes before the stretch`);
    distances.push(Math.round(d.below));
    await page.evaluate(() => document.querySelector('lower-back-map').clear());
  }
  console.log(`  booking button bottom below the heading at 360 x 740: ${distances.join(', ')} px`);
  assert.ok(Math.max(...distances) <= 740 * 1.5, `at most 1,110 px: ${distances.join(', ')}`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

// Broken build (border-radius: 999px): at 200% text the wrapped button is an oval, radius 999px.
test('at 200% text on a phone the wrapped booking button is a rounded box, not an oval', async () => {
  const page = await newPage({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await textSize(page, 32);
  await page.goto(env.server.url);
  await page.locator('lower-back-map .region').first().waitFor();
  const book = await page.evaluate(() => {
    const a = document.querySelector('lower-back-map').shadowRoot.querySelector('.panel.is-active a.book');
    return { radius: parseFloat(getComputedStyle(a).borderTopLeftRadius), height: a.getBoundingClientRect().height };
  });
  assert.ok(book.height > 100, `the label wraps at 200% (${Math.round(book.height)} px high)`);
  assert.ok(book.radius <= book.height / 4, `corner radius ${book.radius} px on a ${Math.round(book.height)} px button`);
  await page.close();
});

test('the answer follows a key press too, and a 640 px column on a 1366 x 657 laptop fits map and answer', async () => {
  const page = await newPage({ viewport: { width: 1366, height: 657 } });
  await hostPage(page, { css: 'body{margin:0} main{max-width:640px;margin:0 auto;padding:0 16px} p{height:500px}', body:
    '<main><h1>Blog</h1><p>Text before.</p><lower-back-map booking-url="book.html"></lower-back-map><p>Text after.</p></main>' });
  const map = await box(page, '.map');
  assert.ok(map.height <= 657 * 0.75, `the map is capped on a short screen (${Math.round(map.height)} px)`);
  await page.locator(region('glutes-right')).focus();
  await page.evaluate(() => window.scrollTo({ top: document.querySelector('lower-back-map').getBoundingClientRect().top + scrollY, behavior: 'instant' }));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    const r = document.querySelector('lower-back-map').shadowRoot.querySelector('.panel[data-region="glutes"] h2').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, null, { timeout: 1000 });
  await page.close();
});

test('with reduced motion the answer jumps into view instead of scrolling smoothly', async () => {
  const page = await open(env.browser, env.server.url, { ...PHONE, reducedMotion: 'reduce' });
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await page.locator(region('ql-left')).focus();
  await page.keyboard.press('Enter');
  // The check runs in the next frame; with reduced motion the jump is done by the one after.
  const inView = await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const r = document.querySelector('lower-back-map').shadowRoot.querySelector('.panel[data-region="ql"] h2').getBoundingClientRect();
    done(r.top >= 0 && r.bottom <= innerHeight);
  }))));
  assert.ok(inView, 'in view within a frame, not scrolled over several');
  await page.close();
});

for (const [width, size] of [[360, 16], [768, 16], [1280, 16], [360, 32], [1280, 32]]) {
  test(`no gap of more than 100 px between lines of content in any state at ${width} px, text ${size} px`, async () => {
    const page = await newPage({ viewport: { width, height: 900 } });
    await textSize(page, size);
    await page.goto(env.server.url);
    await page.locator('lower-back-map .region').first().waitFor();
    const gaps = { overview: await biggestGap(page) };
    for (const key of ['ql-left', 'si-joint-right', 'glutes-left', 'psoas-both']) {
      await page.evaluate((k) => document.querySelector('lower-back-map').select(k), key);
      gaps[key] = await biggestGap(page);
    }
    for (const [state, gap] of Object.entries(gaps)) assert.ok(gap <= 100, `${state}: a ${gap} px gap (${JSON.stringify(gaps)})`);
    await page.close();
  });
}

for (const root of ['62.5%', '10px', '20px']) {
  test(`text stays at the visitor's size when the host page sets html { font-size: ${root} }`, async () => {
    const css = `html{font-size:${root}} *{margin:0;padding:0;font-size:inherit} body{background:#111;color:#eee}`;
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    await hostPage(page, { css });
    const sizes = () => page.evaluate(() => {
      const root = document.querySelector('lower-back-map').shadowRoot;
      return [...root.querySelectorAll('.panel.is-active p, .panel.is-active li, .lead, .flags p')]
        .map((el) => parseFloat(getComputedStyle(el).fontSize));
    });
    const normal = await sizes();
    assert.ok(normal.length > 5 && Math.min(...normal) >= 16, `smallest text ${Math.min(...normal)} px`);
    await page.locator(region('ql-left')).click();
    assert.ok(Math.min(...await sizes()) >= 16, 'in a region panel too');
    await page.close();
    // The visitor's own setting still counts: double the browser's default size.
    const big = await newPage({ viewport: { width: 360, height: 740 } });
    await hostPage(big, { css, fontSize: 32 });
    const bigSizes = await big.evaluate(() => [...document.querySelector('lower-back-map').shadowRoot.querySelectorAll('.panel.is-active p, .lead')]
      .map((el) => parseFloat(getComputedStyle(el).fontSize)));
    assert.ok(Math.min(...bigSizes) >= 32, `text grows with the visitor's text size (${Math.min(...bigSizes)} px)`);
    await big.close();
  });
}

test('tap, Enter/Space on the selected region, or Escape, go back to the overview and say so', async () => {
  const page = await open(env.browser, env.server.url, PHONE);
  await page.evaluate(() => {
    window.selects = [];
    document.querySelector('lower-back-map').addEventListener('region-select', (e) => window.selects.push(e.detail));
  });
  const state = () => page.evaluate(() => {
    const root = document.querySelector('lower-back-map').shadowRoot;
    return {
      pressed: [...root.querySelectorAll('[aria-pressed="true"]')].map((g) => g.dataset.target),
      intro: root.querySelector('.panel.is-active').classList.contains('intro'),
      live: root.querySelector('[aria-live]').textContent,
    };
  });
  await page.locator(region('glutes-left')).tap();
  assert.deepEqual((await state()).pressed, ['glutes-left']);
  await page.locator(region('glutes-left')).tap();
  assert.deepEqual(await state(), { pressed: [], intro: true, live: 'Back to the overview; no area selected.' }, 'second tap');
  await page.locator(region('ql-right')).focus();
  await page.keyboard.press('Enter');
  assert.deepEqual((await state()).pressed, ['ql-right']);
  await page.keyboard.press('Enter');
  assert.equal((await state()).intro, true, 'Enter again');
  await page.keyboard.press(' ');
  await page.keyboard.press(' ');
  assert.equal((await state()).intro, true, 'Space twice');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.deepEqual((await state()).pressed, ['si-joint-right']);
  await page.keyboard.press('Escape');
  assert.equal((await state()).intro, true, 'Escape');
  const selects = await page.evaluate(() => window.selects);
  assert.deepEqual(selects.filter((d) => d.region === null).map((d) => d.source), ['pointer', 'keyboard', 'keyboard', 'keyboard']);
  assert.deepEqual(selects.find((d) => d.region === null), { region: null, side: null, source: 'pointer' });
  await page.close();
});

test('arrow keys move through the drawing: up and down, then to the neighbour on the side', async () => {
  const page = await open(env.browser, env.server.url);
  const focused = () => page.evaluate(() => document.querySelector('lower-back-map').shadowRoot.activeElement?.dataset.target);
  await page.locator(region('ql-left')).focus();
  const walk = [
    ['ArrowDown', 'si-joint-left'], ['ArrowDown', 'glutes-left'], ['ArrowDown', 'glutes-left'],
    ['ArrowRight', 'glutes-right'], ['ArrowUp', 'si-joint-right'], ['ArrowRight', 'psoas-both'],
    ['ArrowUp', 'psoas-both'], ['ArrowLeft', 'ql-right'], ['ArrowUp', 'ql-right'], ['ArrowLeft', 'ql-left'],
    ['ArrowLeft', 'psoas-both'], ['Home', 'ql-left'], ['End', 'psoas-both'],
  ];
  for (const [key, expected] of walk) {
    await page.keyboard.press(key);
    assert.equal(await focused(), expected, `${key}`);
  }
  await page.close();
});

/** Contrast ratios from computed colours, each colour resolved by a canvas (any CSS syntax). */
const contrasts = (page) => page.evaluate(() => {
  const root = document.querySelector('lower-back-map').shadowRoot;
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  const rgba = (css) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data];
  };
  const over = (fg, bg, alpha = 1) => fg.slice(0, 3).map((c, i) => c * alpha * (fg[3] / 255) + bg[i] * (1 - alpha * (fg[3] / 255)));
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const style = (sel) => getComputedStyle(root.querySelector(sel));
  const widgetBg = rgba(style('.lbm').backgroundColor);
  const panelBg = over(rgba(style('.panel.is-active').backgroundColor), widgetBg);
  const skin = over(rgba(style('.skin').fill), widgetBg);
  const muscle = style('.region:not([aria-pressed="true"]) .muscle');
  const selected = style('.region[aria-pressed="true"] .muscle');
  const book = style('.panel.is-active a.book');
  return {
    text: ratio(rgba(style('.lead').color), widgetBg),
    panelText: ratio(rgba(style('.panel.is-active p').color), panelBg),
    muted: ratio(rgba(style('.panel.is-active .alias').color), panelBg),
    flags: ratio(rgba(style('.flags p').color), widgetBg),
    booking: ratio(rgba(book.color), rgba(book.backgroundColor)),
    region: ratio(over(rgba(muscle.fill), skin, parseFloat(muscle.fillOpacity)), skin),
    selection: ratio(over(rgba(selected.fill), skin, parseFloat(selected.fillOpacity)), skin),
  };
});

for (const theme of ['light', 'dark']) {
  test(`${theme} theme: text at least 4.5:1, regions and selection at least 3:1, axe finds nothing`, async () => {
    const page = await newPage({ viewport: { width: 360, height: 900 } });
    await hostPage(page, {
      css: theme === 'dark' ? 'body{background:#0e1113;color:#eee}' : '',
      body: `<main><h1>Clinic</h1><lower-back-map theme="${theme}" booking-url="book.html"></lower-back-map></main>`,
    });
    await page.locator(region('ql-left')).click();
    const c = await contrasts(page);
    for (const k of ['text', 'panelText', 'muted', 'flags', 'booking']) assert.ok(c[k] >= 4.5, `${k} ${c[k].toFixed(2)}:1`);
    for (const k of ['region', 'selection']) assert.ok(c[k] >= 3, `${k} ${c[k].toFixed(2)}:1`);
    assert.deepEqual(await axe(page), [], 'after a selection');
    await page.evaluate(() => document.querySelector('lower-back-map').clear());
    assert.deepEqual(await axe(page), [], 'overview');
    console.log(`# ${theme}: ${Object.entries(c).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
    await page.close();
  });
}

test('theme="auto" follows the visitor\'s colour scheme', async () => {
  const page = await newPage({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
  await hostPage(page, { body: '<lower-back-map theme="auto"></lower-back-map>' });
  const bg = () => page.evaluate(() => getComputedStyle(document.querySelector('lower-back-map').shadowRoot.querySelector('.lbm')).backgroundColor);
  assert.equal(await bg(), 'rgb(20, 32, 38)');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await bg(), 'rgb(255, 255, 255)');
  await page.close();
});

test('::part names let a host page style the map, panels, booking button and red flags', async () => {
  const page = await newPage({ viewport: { width: 1280, height: 900 } });
  await hostPage(page, { css: 'lower-back-map::part(booking){outline:5px solid rgb(1, 2, 3)} lower-back-map::part(red-flags){outline:4px solid rgb(4, 5, 6)} lower-back-map::part(panel){outline:3px solid rgb(7, 8, 9)} lower-back-map::part(map){outline:2px solid rgb(10, 11, 12)}' });
  const outlines = await page.evaluate(() => {
    const root = document.querySelector('lower-back-map').shadowRoot;
    return ['.panel.is-active a.book', '.flags', '.panel.is-active', '.map'].map((s) => getComputedStyle(root.querySelector(s)).outlineColor);
  });
  assert.deepEqual(outlines, ['rgb(1, 2, 3)', 'rgb(4, 5, 6)', 'rgb(7, 8, 9)', 'rgb(10, 11, 12)']);
  await page.close();
});
