// The embed contract, on the release build in headless Chromium: the two-line snippet from a
// second origin (dist/), attributes, events, analytics, deep links, content overrides and the
// Spanish page, bad input, the strict CSP, the fallback, and the marketer's configurator.
//
// Expected texts come from the Rust sources (src/content.rs, src/config.rs), never from the
// widget's own output, so a check cannot agree with itself.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './browser.mjs';
import { setup, panel, axe, watch, TARGETS } from './helpers.mjs';

// ---------------------------------------------------------------------------------------------
// Source of truth: the English defaults and config keys, read from the Rust code.

const CONTENT_RS = readFileSync('src/content.rs', 'utf8');
const CONFIG_RS = readFileSync('src/config.rs', 'utf8');
const rustString = (s) => JSON.parse(`"${s}"`);
const block = (start) => {
  const from = CONTENT_RS.indexOf(start);
  assert.ok(from >= 0, `src/content.rs has ${start}`);
  return CONTENT_RS.slice(from, CONTENT_RS.indexOf('\n}', from) + 2);
};
const UI = Object.fromEntries(
  [...block('Ui, UI_TEXT {').matchAll(/^\s*\w+ = "(\w+)": "((?:[^"\\]|\\.)*)",$/gm)].map(([, k, v]) => [k, rustString(v)]),
);
const REGION_FIELD_KEYS = [...CONTENT_RS.match(/pub const REGION_FIELDS: \[&str; \d+\] = \[([^\]]*)\];/)[1].matchAll(/"(\w+)"/g)].map((m) => m[1]);
assert.equal(REGION_FIELD_KEYS.length, 6, 'src/content.rs names six region fields');
assert.ok(Object.keys(UI).length > 20, 'src/content.rs names the UI strings');
const REGION_IDS = ['ql', 'si-joint', 'glutes', 'psoas'];
const REGION_TEXT = (() => {
  const src = CONTENT_RS.slice(CONTENT_RS.indexOf('const REGION_TEXT'), CONTENT_RS.indexOf('];\n', CONTENT_RS.indexOf('const REGION_TEXT')));
  const strings = [...src.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => rustString(m[1]));
  return Object.fromEntries(REGION_IDS.map((id, r) => [id, Object.fromEntries(REGION_FIELD_KEYS.map((k, f) => [k, strings[r * 6 + f]]))]));
})();
const STRETCH_STEPS = (() => {
  const src = CONTENT_RS.slice(CONTENT_RS.indexOf('pub const STRETCH_STEPS'), CONTENT_RS.indexOf('];', CONTENT_RS.indexOf('pub const STRETCH_STEPS')));
  return [...src.matchAll(/^\s*"((?:[^"\\]|\\.)*)",$/gm)].map((m) => rustString(m[1]));
})();
const DEFAULT_CLINIC = rustString(CONFIG_RS.match(/DEFAULT_CLINIC: &str = "((?:[^"\\]|\\.)*)"/)[1]);
const DEFAULT_BOOKING = rustString(CONFIG_RS.match(/DEFAULT_BOOKING_URL: &str = "((?:[^"\\]|\\.)*)"/)[1]);
const VERSION = readFileSync('Cargo.toml', 'utf8').match(/^\[package\][^[]*?^version = "([^"]+)"/m)[1];

test('the English defaults were read from src/content.rs', () => {
  assert.ok(Object.keys(UI).length >= 20 && UI.title && UI.bookLabel && UI.regionLabel.includes('{name}'));
  assert.equal(REGION_FIELD_KEYS.length, 6);
  for (const id of REGION_IDS) for (const k of REGION_FIELD_KEYS) assert.ok(REGION_TEXT[id][k]?.length > 3, `${id}.${k}`);
  assert.ok(STRETCH_STEPS.length >= 2);
  assert.ok(DEFAULT_CLINIC && DEFAULT_BOOKING);
});

/** A value filled into a template, isolated the way src/content.rs's fill_in does (U+2068 … U+2069). */
const isolate = (v) => `\u2068${v}\u2069`;

/** Every English string a visitor could see or hear, filled in as the widget fills templates. */
function englishStrings() {
  const side = { left: UI.leftSide, right: UI.rightSide, both: UI.bothSides };
  const filled = [];
  for (const key of TARGETS) {
    const [, region, s] = key.match(/^(.*)-(left|right|both)$/);
    for (const template of [UI.regionLabel, UI.announce]) {
      filled.push(template.replace('{name}', isolate(REGION_TEXT[region].name)).replace('{side}', isolate(side[s])));
    }
  }
  const plain = Object.entries(UI).filter(([k]) => !['regionLabel', 'announce', 'bookNote'].includes(k)).map(([, v]) => v);
  return [
    ...plain,
    ...filled,
    UI.bookNote.replace('{clinic}', isolate(DEFAULT_CLINIC)),
    ...Object.values(REGION_TEXT).flatMap((r) => Object.values(r)),
    ...STRETCH_STEPS,
  ];
}

// ---------------------------------------------------------------------------------------------
// Pages and the widget.

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A host page on the www server's origin, fulfilled by the test (the loader and the wasm are the
 * real release files). Records page errors, console messages and dialogs. The page has a
 * `#book` section, as a clinic page does, so the default booking link has somewhere to go.
 */
async function host(body, { query = '', hash = '', init = [], head = '', name = 'host', ready = true, options = {} } = {}) {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  watch(page);
  const path = `/test/${name}.html`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>
<script type="module" src="/lower-back-map.js"></script>${head}</head><body>
${body}
<section id="book"></section>
</body></html>`;
  await page.route((url) => url.pathname === path, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  for (const script of init) await page.addInitScript(script);
  await page.goto(new URL(path, env.server.url).href + query + hash);
  if (ready) await widgetsReady(page);
  return page;
}

/** Like helpers.open(), also recording warnings and dialogs (see watch()). */
async function openPage(url, options = {}) {
  const page = watch(await env.browser.newPage({ viewport: { width: 1280, height: 900 }, ...options }));
  await page.goto(url);
  await widgetsReady(page);
  return page;
}

/** Waits until every <lower-back-map> on the page has drawn its map. */
async function widgetsReady(page) {
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll('lower-back-map')];
    return all.length > 0 && all.every((el) => el.shadowRoot?.querySelector('.region'));
  });
}

/** The fields named by the widget's console warnings, in order. */
const warnedFields = (page) => page.messages
  .map((m) => m.text.match(/^lower-back-map: "([^"]*)" ignored: /)?.[1])
  .filter((f) => f !== undefined);

/** Texts of the elements matching `inner` in a widget's shadow root. */
const shadowTextsOf = (page, sel, inner) => page.evaluate(([sel, inner]) => [...document.querySelector(sel).shadowRoot.querySelectorAll(inner)].map((e) => e.textContent), [sel, inner]);

/** The state of one widget: selection, active panel, its heading and booking link, the note. */
const state = (page, sel = 'lower-back-map') => page.evaluate((sel) => {
  const el = document.querySelector(sel);
  const root = el.shadowRoot;
  const active = root.querySelector('.panel.is-active');
  return {
    selected: el.selected ?? null,
    pressed: [...root.querySelectorAll('[data-target][aria-pressed="true"]')].map((g) => g.dataset.target),
    panel: active?.dataset.region ?? 'intro',
    heading: active?.querySelector('h2')?.textContent,
    href: active?.querySelector('a.book')?.getAttribute('href'),
    label: active?.querySelector('a.book')?.textContent,
    note: active?.querySelector('.note')?.textContent,
    bookingHref: el.bookingHref,
    title: root.querySelector('.title')?.textContent,
  };
}, sel);

const click = (page, target, sel = 'lower-back-map') => page.locator(`${sel} [data-target="${target}"]`).click();

/** Records the widget's events on document (so they must bubble out of the element). */
const RECORD_EVENTS = `
  window.__events = [];
  for (const type of ['map-ready', 'region-select', 'booking-click']) {
    document.addEventListener(type, (e) => window.__events.push({
      type, target: e.target.id || e.target.localName, bubbles: e.bubbles, composed: e.composed,
      detail: JSON.parse(JSON.stringify(e.detail ?? null)),
    }));
  }
  // Booking clicks must not leave the page in these tests.
  document.addEventListener('click', (e) => { if (e.composedPath().some((n) => n.matches?.('a.book'))) e.preventDefault(); });
`;
const events = (page, type) => page.evaluate((type) => window.__events.filter((e) => !type || e.type === type), type);
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));

// ---------------------------------------------------------------------------------------------
describe('distribution: the two-line snippet from a second origin', () => {
  let dist;
  let site;
  let siteDir;

  const newest = (paths) => Math.max(...paths.map((p) => statSync(p).mtimeMs));
  before(async () => {
    const sources = ['www/lower-back-map.js', 'scripts/dist.sh', ...readdirSync('www/pkg').map((f) => join('www/pkg', f))];
    const stale = !existsSync('dist/lower-back-map.js') || statSync('dist/lower-back-map.js').mtimeMs < newest(sources);
    if (stale) {
      // Package the release build the other tests use; building again here would rewrite
      // www/pkg under test files that may be running in parallel.
      execFileSync('bash', ['scripts/dist.sh', '--no-build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    }
    dist = await serve('dist', ['--cors']);
    siteDir = mkdtempSync(join(tmpdir(), 'lbm-host-'));
    site = await serve(siteDir);
  });
  after(() => {
    dist?.stop();
    site?.stop();
    if (siteDir) rmSync(siteDir, { recursive: true, force: true });
  });

  const snippet = (loader, booking) => [
    `<script type="module" src="${dist.url}${loader}"></script>`,
    `<lower-back-map booking-url="${booking}"><a href="${booking}">Book a Lower Back Relief session</a></lower-back-map>`,
  ].join('\n');
  const writeHost = (name, body, head = '') => {
    writeFileSync(join(siteDir, name), `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<link rel="icon" href="data:,">\n${head}<title>Clinic</title>\n</head>\n<body>\n<h1>Back pain</h1>\n${body}\n</body>\n</html>\n`);
    return site.url + name;
  };

  test('dist/ holds the loader with the glue in it (stable and pinned), the content-hashed wasm, and the text packs', () => {
    const files = readdirSync('dist').sort();
    const hashed = files.filter((f) => /^lower-back-map\.[0-9a-f]{8}\.(js|wasm)$/.test(f));
    const packs = readdirSync('www').filter((f) => /^lower-back-map\.[a-z]{2,3}\.json$/.test(f));
    assert.deepEqual(files, ['HEADERS.txt', `lower-back-map-${VERSION}.js`, 'lower-back-map.js', ...hashed, ...packs].sort());
    assert.deepEqual(hashed.map((f) => f.split('.').pop()), ['wasm'], 'one hashed file: the wasm (the glue is in the loader)');
    for (const f of hashed) {
      const sha = createHash('sha256').update(readFileSync(join('dist', f))).digest('hex');
      assert.equal(f.split('.')[1], sha.slice(0, 8), `${f} is named by its content`);
    }
    const wasm = hashed.find((f) => f.endsWith('.wasm'));
    assert.ok(readFileSync(join('dist', wasm)).equals(readFileSync('www/pkg/lower_back_map_bg.wasm')), 'the wasm is the release build');
    const loader = readFileSync('dist/lower-back-map.js', 'utf8');
    assert.equal(readFileSync(`dist/lower-back-map-${VERSION}.js`, 'utf8'), loader, 'the pinned loader is the same loader');
    // The loader fetches the wasm by its hashed name and imports nothing: the glue is in it.
    assert.match(loader, new RegExp(`new URL\\('\\./${wasm.replace(/\./g, '\\.')}', ?import\\.meta\\.url\\)`));
    assert.doesNotMatch(loader, /\bimport\s*\(|\bimport\s*\{|\bfrom\s*['"]/, 'no import');
    assert.match(loader, /WebAssembly\.Module|__wbindgen/, 'the glue is in the loader');
    assert.ok(loader.split('\n').length < 5 && !/One start-up per glue/.test(loader), 'the loader is minified, without its comments');
    assert.doesNotMatch(loader, /pkg\//, 'no path into pkg/ is left');
    const headers = readFileSync('dist/HEADERS.txt', 'utf8');
    for (const needed of ['Content-Type: application/wasm', 'Access-Control-Allow-Origin', 'Cache-Control: public, max-age=31536000, immutable', "'wasm-unsafe-eval'", 'connect-src']) {
      assert.ok(headers.includes(needed), `HEADERS.txt explains ${needed}`);
    }
    assert.match(headers, /lower-back-map\.js[^\n]*\n\s+Cache-Control: public, max-age=\d{1,4}\b/, 'a short max-age for the loader');
  });

  for (const loader of ['lower-back-map.js', `lower-back-map-${VERSION}.js`]) {
    test(`a page on another origin shows the map from ${loader} and a click works`, async () => {
      const url = writeHost(`snippet-${loader}.html`, snippet(loader, 'https://clinic.example/book'));
      assert.notEqual(new URL(url).origin, new URL(dist.url).origin);
      const page = watch(await env.browser.newPage());
      const loaded = [];
      page.on('requestfinished', async (r) => loaded.push({ url: r.url(), status: (await r.response())?.status() }));
      await page.goto(url);
      await widgetsReady(page);
      await click(page, 'ql-left');
      const s = await state(page);
      assert.equal(s.selected, 'ql:left');
      assert.equal(s.panel, 'ql');
      const href = new URL(s.href);
      assert.equal(href.origin + href.pathname, 'https://clinic.example/book');
      assert.equal(href.searchParams.get('region'), 'ql');
      assert.equal(href.searchParams.get('side'), 'left');
      const fromDist = loaded.filter((l) => l.url.startsWith(dist.url)).map((l) => l.url.slice(dist.url.length));
      // Two files: the loader (with the glue in it) and the wasm.
      assert.deepEqual(fromDist.map((f) => f.replace(/[0-9a-f]{8}/, 'HASH')).sort(), [loader, 'lower-back-map.HASH.wasm'].sort());
      assert.ok(loaded.every((l) => l.status === 200), JSON.stringify(loaded));
      assert.deepEqual(page.problems, []);
      assert.deepEqual(page.warnings, []);
      await page.close();
    });
  }

  test('the CSP line embed.html documents is enough for a page using the CDN', async () => {
    const origin = new URL(dist.url).origin;
    const csp = `default-src 'self'; script-src 'self' ${origin} 'wasm-unsafe-eval'; connect-src 'self' ${origin}; style-src 'self'; require-trusted-types-for 'script'`;
    const url = writeHost('csp.html', snippet('lower-back-map.js', 'https://clinic.example/book'),
      `<meta http-equiv="Content-Security-Policy" content="${csp}">\n`);
    const page = watch(await env.browser.newPage());
    await page.addInitScript(CSP_RECORDER);
    await page.goto(url);
    await widgetsReady(page);
    await click(page, 'psoas-both');
    assert.equal((await state(page)).selected, 'psoas:both');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(page.problems, []);
    // The same page without the CDN in connect-src cannot fetch the wasm: the line is needed.
    const blocked = writeHost('csp-blocked.html', snippet('lower-back-map.js', 'https://clinic.example/book'),
      `<meta http-equiv="Content-Security-Policy" content="${csp.replace(`connect-src 'self' ${origin}`, "connect-src 'self'")}">\n`);
    const page2 = watch(await env.browser.newPage());
    await page2.addInitScript(CSP_RECORDER);
    await page2.goto(blocked);
    await page2.waitForFunction(() => window.__csp.length > 0);
    assert.equal(await page2.evaluate(() => window.__csp[0].directive), 'connect-src');
    await page.close();
    await page2.close();
  });

  test('when the wasm cannot load, the fallback link stays and the console says why', async () => {
    const url = writeHost('fallback.html', snippet('lower-back-map.js', 'https://clinic.example/book'));
    const page = watch(await env.browser.newPage());
    await page.route(/\.wasm$/, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
    await page.goto(url);
    await expectFallback(page, 'lower-back-map > a', 'https://clinic.example/book');
    await page.close();
  });
});

/** Fallback content is on show, no widget was drawn, and a console error explains it. */
async function expectFallback(page, linkSelector, href) {
  const deadline = Date.now() + 5000;
  while (!page.problems.some((p) => /lower-back-map/.test(p)) && Date.now() < deadline) await page.waitForTimeout(50);
  const explained = page.problems.find((p) => /^console error: lower-back-map: /.test(p));
  assert.ok(explained, `a console error from lower-back-map: ${JSON.stringify(page.problems)}`);
  assert.match(explained, /WebAssembly could not load|could not load/i);
  assert.match(explained, /fallback/i);
  const link = page.locator(linkSelector);
  assert.ok(await link.isVisible(), 'the fallback link is visible');
  assert.equal(await link.getAttribute('href'), href);
  assert.equal(await page.evaluate(() => document.querySelector('lower-back-map').shadowRoot), null, 'no shadow root covers it');
  assert.equal(await page.evaluate(() => document.querySelector('lower-back-map').bookingHref), undefined);
}

const CSP_RECORDER = `
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push({
    directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber,
  }));
`;

// ---------------------------------------------------------------------------------------------
describe('attributes', () => {
  test('every attribute is read at load', async () => {
    const page = await host(`<lower-back-map id="m" booking-url="https://clinic.example/book?service=12" clinic-name="Back Care Studio" region="glutes:right" analytics="datalayer"></lower-back-map>`,
      { init: [RECORD_EVENTS] });
    const s = await state(page, '#m');
    assert.equal(s.selected, 'glutes:right');
    assert.deepEqual(s.pressed, ['glutes-right']);
    assert.deepEqual((await events(page, 'map-ready')).map((e) => e.detail), [{ region: 'glutes', side: 'right' }]);
    const href = new URL(s.href);
    assert.equal(href.origin + href.pathname, 'https://clinic.example/book');
    assert.deepEqual([...href.searchParams], [['service', '12'], ['region', 'glutes'], ['side', 'right']]);
    assert.ok(s.note.includes('Back Care Studio'), s.note);
    assert.ok(!s.note.includes(DEFAULT_CLINIC));
    await click(page, 'ql-left', '#m');
    assert.deepEqual(await page.evaluate(() => window.dataLayer), [{ event: 'lower_back_map_select', region: 'ql', side: 'left', widget: 'm' }]);
    assert.deepEqual(page.problems, []);
    assert.deepEqual(page.warnings, []);
    await page.close();
  });

  test('without attributes every setting has its default', async () => {
    const page = await host('<lower-back-map id="m"></lower-back-map>');
    const s = await state(page, '#m');
    assert.equal(s.selected, null);
    assert.equal(s.panel, 'intro');
    assert.equal(s.href, DEFAULT_BOOKING);
    assert.equal(s.note, UI.bookNote.replace('{clinic}', isolate(DEFAULT_CLINIC)));
    await click(page, 'si-joint-right', '#m');
    assert.equal((await state(page, '#m')).href, DEFAULT_BOOKING, 'the #book anchor gets no parameters');
    assert.equal(await page.evaluate(() => window.dataLayer), undefined, 'analytics is off');
    assert.deepEqual(page.warnings, []);
    await page.close();
  });

  test('changing each attribute after mount updates the widget', async () => {
    const page = await host('<lower-back-map id="m"></lower-back-map>', { init: [RECORD_EVENTS] });
    const set = (name, value) => page.evaluate(([n, v]) => {
      const el = document.getElementById('m');
      if (v === null) el.removeAttribute(n); else el.setAttribute(n, v);
    }, [name, value]);

    await set('booking-url', 'https://clinic.example/book?x=1');
    await click(page, 'ql-right', '#m');
    let href = new URL((await state(page, '#m')).href);
    assert.deepEqual([href.origin + href.pathname, ...href.searchParams], ['https://clinic.example/book', ['x', '1'], ['region', 'ql'], ['side', 'right']]);
    await set('booking-url', 'tel:+15550100');
    assert.equal((await state(page, '#m')).href, 'tel:+15550100', 'phone links are used as given');
    await set('booking-url', null);
    assert.equal((await state(page, '#m')).href, DEFAULT_BOOKING);

    await set('clinic-name', 'Studio Nord');
    assert.ok((await state(page, '#m')).note.includes('Studio Nord'));
    await set('clinic-name', null);
    assert.ok((await state(page, '#m')).note.includes(DEFAULT_CLINIC));

    await set('region', 'psoas');
    assert.equal((await state(page, '#m')).selected, 'psoas:both');
    await set('region', 'si-joint:right');
    assert.deepEqual((await state(page, '#m')).pressed, ['si-joint-right']);
    await set('region', null);
    assert.equal((await state(page, '#m')).selected, null);
    assert.equal((await state(page, '#m')).panel, 'intro');
    const fromAttr = (await events(page, 'region-select')).filter((e) => e.detail.source === 'api');
    assert.deepEqual(fromAttr.map((e) => [e.detail.region, e.detail.side]), [['psoas', 'both'], ['si-joint', 'right'], [null, null]]);

    await click(page, 'glutes-left', '#m');
    assert.equal(await page.evaluate(() => window.dataLayer), undefined);
    await set('analytics', 'datalayer');
    await click(page, 'glutes-right', '#m');
    assert.deepEqual(await page.evaluate(() => window.dataLayer), [{ event: 'lower_back_map_select', region: 'glutes', side: 'right', widget: 'm' }]);
    await set('analytics', null);
    await click(page, 'ql-left', '#m');
    assert.equal(await page.evaluate(() => window.dataLayer.length), 1, 'analytics off again');

    assert.equal((await events(page, 'map-ready')).length, 1, 'attribute changes do not remount');
    assert.deepEqual(page.problems, []);
    assert.deepEqual(page.warnings, []);
    await page.close();
  });

  test('removing the element destroys the widget', async () => {
    const page = await host('<div id="box"><lower-back-map id="m"></lower-back-map></div>', { init: [RECORD_EVENTS] });
    const result = await page.evaluate(async () => {
      const el = document.getElementById('m');
      const root = el.shadowRoot;
      const region = root.querySelector('[data-target="ql-left"]');
      const fire = () => region.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      const count = () => window.__events.filter((e) => e.type === 'region-select').length;
      let direct = 0;
      el.addEventListener('region-select', () => direct++);
      fire();
      const whileMounted = count();
      el.remove();
      await new Promise((r) => setTimeout(r, 50));
      const leftover = root.querySelectorAll('*').length;
      // Put a saved region back into the old shadow root and click it.
      root.append(region);
      fire();
      region.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      await new Promise((r) => setTimeout(r, 50));
      return { whileMounted, after: count(), direct, leftover, selected: el.selected, href: el.bookingHref };
    });
    assert.equal(result.whileMounted, 1, 'the synthetic click selects while mounted');
    assert.equal(result.leftover, 0, 'the drawing is gone');
    assert.equal(result.after, 1, 'no region-select after removal');
    assert.equal(result.direct, 1);
    assert.equal(result.selected, undefined);
    assert.equal(result.href, undefined);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('an element moved to another place keeps working', async () => {
    const page = await host('<div id="a"><lower-back-map id="m"></lower-back-map></div><div id="b"></div>', { init: [RECORD_EVENTS] });
    await page.evaluate(() => document.getElementById('b').append(document.getElementById('m')));
    await widgetsReady(page);
    await click(page, 'psoas-both', '#m');
    assert.equal((await state(page, '#m')).selected, 'psoas:both');
    assert.equal(await page.evaluate(() => document.getElementById('m').shadowRoot.querySelectorAll('.lbm').length), 1);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('two widgets with different configs on one page work independently', async () => {
    const page = await host(`
      <lower-back-map id="a" booking-url="https://a.example/book" clinic-name="Clinic A"></lower-back-map>
      <lower-back-map id="b" booking-url="https://b.example/book" clinic-name="Clinic B" analytics="datalayer">
        <script type="application/json">{"ui": {"title": "The second map"}}</script>
      </lower-back-map>`, { init: [RECORD_EVENTS] });
    let [a, b] = [await state(page, '#a'), await state(page, '#b')];
    assert.equal(a.title, UI.title);
    assert.equal(b.title, 'The second map');
    assert.ok(a.note.includes('Clinic A') && b.note.includes('Clinic B'));
    await click(page, 'ql-left', '#a');
    [a, b] = [await state(page, '#a'), await state(page, '#b')];
    assert.equal(a.selected, 'ql:left');
    assert.equal(b.selected, null);
    assert.equal(new URL(a.href).host, 'a.example');
    assert.equal(await page.evaluate(() => window.dataLayer), undefined, 'only b has analytics');
    await click(page, 'glutes-right', '#b');
    [a, b] = [await state(page, '#a'), await state(page, '#b')];
    assert.equal(a.selected, 'ql:left');
    assert.equal(b.selected, 'glutes:right');
    assert.equal(new URL(b.href).host, 'b.example');
    assert.equal(await page.evaluate(() => window.dataLayer.length), 1);
    const selects = await events(page, 'region-select');
    assert.deepEqual(selects.map((e) => e.target), ['a', 'b']);
    await page.evaluate(() => document.getElementById('a').remove());
    await click(page, 'psoas-both', '#b');
    assert.equal((await state(page, '#b')).selected, 'psoas:both', 'b works after a is gone');
    assert.deepEqual(page.problems, []);
    assert.deepEqual(page.warnings, []);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------
describe('events and analytics', () => {
  test('map-ready once, region-select and booking-click with their details', async () => {
    const page = await host('<lower-back-map id="m" booking-url="https://clinic.example/book?service=12"></lower-back-map>', { init: [RECORD_EVENTS] });
    const start = page.url();
    await settle(page);
    const ready = await events(page, 'map-ready');
    assert.equal(ready.length, 1);
    assert.equal(ready[0].target, 'm');
    assert.deepEqual(ready[0].detail, { region: null, side: null }, 'no initial selection');
    assert.ok(ready[0].bubbles && ready[0].composed);

    await click(page, 'ql-right', '#m');
    await page.locator('#m [data-target="ql-right"]').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.evaluate(() => document.getElementById('m').select('glutes', 'left'));
    await page.evaluate(() => document.getElementById('m').clear());
    const selects = await events(page, 'region-select');
    assert.deepEqual(selects.map((e) => e.detail), [
      { region: 'ql', side: 'right', source: 'pointer' },
      { region: 'psoas', side: 'both', source: 'keyboard' },
      { region: 'glutes', side: 'left', source: 'api' },
      { region: null, side: null, source: 'api' },
    ]);
    assert.ok(selects.every((e) => e.bubbles && e.composed && e.target === 'm'));

    await click(page, 'si-joint-right', '#m');
    const link = page.locator('#m .panel.is-active a.book');
    const shownHref = await link.getAttribute('href');
    await link.click();
    const clicks = await events(page, 'booking-click');
    assert.equal(clicks.length, 1);
    assert.deepEqual(clicks[0].detail, { region: 'si-joint', side: 'right', href: shownHref });
    const href = new URL(clicks[0].detail.href);
    assert.deepEqual([...href.searchParams], [['service', '12'], ['region', 'si-joint'], ['side', 'right']]);
    assert.equal(page.url(), start, 'the test prevented the navigation');

    await page.evaluate(() => { const el = document.getElementById('m'); el.setAttribute('clinic-name', 'X'); el.config = { ui: { title: 'Y' } }; });
    await settle(page);
    assert.equal((await events(page, 'map-ready')).length, 1, 'still only one map-ready');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('after a script selects another area, keys act on the area that has focus', async () => {
    const page = await host('<lower-back-map id="m"></lower-back-map>', { init: [RECORD_EVENTS] });
    await click(page, 'ql-left', '#m');
    await page.evaluate(() => document.getElementById('m').select('psoas'));
    await page.keyboard.press('Enter');
    assert.equal((await state(page, '#m')).selected, 'ql:left', 'Enter selects the focused area, not the one the script chose');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    assert.equal((await state(page, '#m')).selected, 'ql:right', 'arrows move on from the focused area');
    await page.close();
  });

  test('booking-click from the intro panel has no region', async () => {
    const page = await host('<lower-back-map id="m" booking-url="https://clinic.example/book"></lower-back-map>', { init: [RECORD_EVENTS] });
    await page.locator('#m .panel.is-active a.book').click();
    assert.deepEqual((await events(page, 'booking-click')).map((e) => e.detail), [{ region: null, side: null, href: 'https://clinic.example/book' }]);
    await page.close();
  });

  test('dataLayer stays untouched without analytics="datalayer"', async () => {
    const page = await host('<lower-back-map id="m" booking-url="https://clinic.example/book"></lower-back-map>', { init: [RECORD_EVENTS] });
    await click(page, 'ql-left', '#m');
    await page.locator('#m .panel.is-active a.book').click();
    assert.equal((await events(page, 'booking-click')).length, 1, 'the click happened');
    assert.equal(await page.evaluate(() => 'dataLayer' in window), false);
    await page.close();
  });

  test('analytics="datalayer" creates dataLayer and records visitor actions only', async () => {
    const page = await host('<lower-back-map id="m" analytics="datalayer" booking-url="https://clinic.example/book"></lower-back-map>', { init: [RECORD_EVENTS] });
    assert.equal(await page.evaluate(() => 'dataLayer' in window), false, 'nothing pushed before a visitor acts');
    await click(page, 'ql-left', '#m');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.evaluate(() => document.getElementById('m').select('psoas'));
    await page.evaluate(() => document.getElementById('m').setAttribute('region', 'glutes:left'));
    assert.equal((await events(page, 'region-select')).length, 4, 'four selections happened');
    await page.locator('#m .panel.is-active a.book').click();
    assert.deepEqual(await page.evaluate(() => window.dataLayer), [
      { event: 'lower_back_map_select', region: 'ql', side: 'left', widget: 'm' },
      { event: 'lower_back_map_select', region: 'ql', side: 'right', widget: 'm' },
      { event: 'lower_back_map_booking', region: 'glutes', side: 'left', widget: 'm' },
    ]);
    await page.close();
  });

  test('an existing dataLayer keeps its entries and its own push() is used', async () => {
    const init = `window.dataLayer = [{ event: 'gtm.js', 'gtm.start': 1 }];
      window.__layer = window.dataLayer;
      window.__pushes = 0;
      window.dataLayer.push = function (...items) { window.__pushes++; return Array.prototype.push.apply(this, items); };`;
    const page = await host('<lower-back-map id="m" analytics="datalayer"></lower-back-map>', { init: [init] });
    await click(page, 'glutes-right', '#m');
    const r = await page.evaluate(() => ({ same: window.__layer === window.dataLayer, layer: window.dataLayer, pushes: window.__pushes }));
    assert.ok(r.same, 'the same array');
    assert.deepEqual(r.layer, [{ event: 'gtm.js', 'gtm.start': 1 }, { event: 'lower_back_map_select', region: 'glutes', side: 'right', widget: 'm' }]);
    assert.equal(r.pushes, 1, 'through the page’s push(), as Google Tag Manager needs');
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------
describe('links: booking parameters and deep links', () => {
  test('the booking link carries the region and the page’s utm_* params, keeping its own', async () => {
    const page = await host('<lower-back-map id="m" booking-url="https://clinic.example/book?service=12&amp;utm_source=clinic#slots"></lower-back-map>',
      { query: '?utm_source=newsletter&utm_medium=email&utm_campaign=spring%20sale&ref=x' });
    await click(page, 'glutes-left', '#m');
    const href = new URL((await state(page, '#m')).href);
    assert.equal(href.origin + href.pathname, 'https://clinic.example/book');
    assert.equal(href.hash, '#slots');
    assert.deepEqual(Object.fromEntries(href.searchParams), {
      service: '12', utm_source: 'clinic', region: 'glutes', side: 'left', utm_medium: 'email', utm_campaign: 'spring sale',
    });
    assert.equal(href.searchParams.getAll('utm_source').length, 1, 'its own utm_source is not overridden or repeated');
    assert.equal(href.searchParams.has('ref'), false, 'only utm_* params are passed on');
    await page.close();
  });

  test('on the clinic page, a relative booking link gets the region and the campaign', async () => {
    const page = await openPage(`${env.server.url}?utm_source=fb&utm_campaign=back`);
    await click(page, 'psoas-both');
    const { href } = await panel(page);
    const url = new URL(href);
    assert.equal(url.href.split('?')[0], new URL('book.html', env.server.url).href);
    assert.deepEqual(Object.fromEntries(url.searchParams), { region: 'psoas', side: 'both', utm_source: 'fb', utm_campaign: 'back' });
    await page.close();
  });

  for (const [link, expected] of [['#region=psoas', 'psoas:both'], ['?region=ql:left', 'ql:left'], ['?region=glutes&side=right', 'glutes:right']]) {
    test(`the deep link ${link} selects ${expected} at load`, async () => {
      const page = await openPage(env.server.url + link);
      await page.evaluate(RECORD_EVENTS);
      const s = await state(page);
      assert.equal(s.selected, expected);
      assert.deepEqual(s.pressed, [expected.replace(':', '-')]);
      assert.equal(s.panel, expected.split(':')[0]);
      const href = new URL(s.href);
      assert.deepEqual([href.searchParams.get('region'), href.searchParams.get('side')], expected.split(':'));
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }

  test('a hashchange to #region=si-joint:right selects it', async () => {
    const page = await openPage(env.server.url);
    await page.evaluate(RECORD_EVENTS);
    await page.evaluate(() => { location.hash = '#region=si-joint:right'; });
    await page.waitForFunction(() => document.querySelector('lower-back-map').selected === 'si-joint:right');
    assert.deepEqual((await state(page)).pressed, ['si-joint-right']);
    assert.deepEqual((await events(page, 'region-select')).map((e) => e.detail), [{ region: 'si-joint', side: 'right', source: 'link' }]);
    // An in-page link does the same.
    await page.evaluate(() => { const a = document.createElement('a'); a.href = '#region=glutes:left'; a.id = 'jump'; a.textContent = 'glutes'; document.body.prepend(a); });
    await page.locator('#jump').click();
    await page.waitForFunction(() => document.querySelector('lower-back-map').selected === 'glutes:left');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------
/** Every text node and accessible label in a widget's shadow root. */
const shadowTexts = (page, sel = 'lower-back-map') => page.evaluate((sel) => {
  const root = document.querySelector(sel).shadowRoot;
  const out = [];
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) if (walk.currentNode.data.trim()) out.push(walk.currentNode.data.trim());
  for (const el of root.querySelectorAll('[aria-label]')) out.push(el.getAttribute('aria-label').trim());
  return out;
}, sel);

/** The English defaults found in these texts: long ones anywhere, short ones as whole texts. */
function englishIn(texts) {
  const joined = texts.join('\n');
  return englishStrings().filter((s) => (s.split(/\s+/).length >= 3 ? joined.includes(s) : texts.includes(s)));
}

describe('content: overrides, the Spanish page', () => {
  test('texts from the JSON child, then the config property; attributes still win', async () => {
    const page = await host(`
      <lower-back-map id="m" clinic-name="Attribute Clinic">
        <script type="application/json">{"ui": {"title": "From JSON", "bookLabel": "Book now"}, "regions": {"psoas": {"name": "Iliopsoas"}},
          "stretchSteps": ["One.", "Two."], "clinicName": "JSON Clinic"}</script>
      </lower-back-map>`);
    let s = await state(page, '#m');
    assert.equal(s.title, 'From JSON');
    assert.equal(s.label, 'Book now');
    assert.ok(s.note.includes('Attribute Clinic'), 'the attribute wins over the JSON');
    await click(page, 'psoas-both', '#m');
    s = await state(page, '#m');
    assert.equal(s.heading, UI.regionLabel.replace('{name}', isolate('Iliopsoas')).replace('{side}', isolate(UI.bothSides)));
    assert.deepEqual(await shadowTextsOf(page, '#m', '.panel.is-active .steps li'), ['One.', 'Two.']);

    await page.evaluate(() => { document.getElementById('m').config = { ui: { title: 'From the property' }, clinicName: 'Property Clinic' }; });
    s = await state(page, '#m');
    assert.equal(s.selected, 'psoas:both', 'the selection survives a new config');
    assert.equal(s.title, 'From the property');
    assert.equal(s.label, 'Book now', 'the JSON child still applies under the property');
    assert.ok(s.note.includes('Attribute Clinic'));
    assert.deepEqual(page.warnings, []);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('removing an attribute falls back to the config value, as a fresh page would show', async () => {
    const page = await host(`<lower-back-map id="m" clinic-name="Attribute Clinic" booking-url="https://attr.example/book">
      <script type="application/json">{"clinicName": "JSON Clinic", "bookingUrl": "https://json.example/book"}</script></lower-back-map>`);
    await page.evaluate(() => { const el = document.getElementById('m'); el.removeAttribute('clinic-name'); el.removeAttribute('booking-url'); });
    const s = await state(page, '#m');
    assert.ok(s.note.includes('JSON Clinic'), s.note);
    assert.equal(new URL(s.href).host, 'json.example');
    await page.close();
  });

  test('a config property set before the element is defined is used', async () => {
    const page = await host(`<lower-back-map id="m"></lower-back-map>
      <script>document.getElementById('m').config = { ui: { title: 'Early config' }, region: 'ql:right' };</script>`);
    const s = await state(page, '#m');
    assert.equal(s.title, 'Early config');
    assert.equal(s.selected, 'ql:right');
    assert.deepEqual(page.warnings, []);
    await page.close();
  });

  test('the Spanish pack that es.html gets from <html lang="es"> translates every key of the content model', async () => {
    const html = readFileSync('www/es.html', 'utf8');
    assert.match(html, /<html lang="es">/);
    const json = JSON.parse(readFileSync('www/lower-back-map.es.json', 'utf8'));
    assert.deepEqual(Object.keys(json.ui).sort(), Object.keys(UI).sort());
    assert.deepEqual(Object.keys(json.regions).sort(), [...REGION_IDS].sort());
    for (const id of REGION_IDS) assert.deepEqual(Object.keys(json.regions[id]).sort(), [...REGION_FIELD_KEYS].sort(), id);
    assert.equal(json.stretchSteps.length, STRETCH_STEPS.length);
    // Everything is translated, except templates that are only placeholders and punctuation.
    for (const [k, v] of Object.entries(json.ui)) {
      if (v.replace(/\{\w+\}|[\s,.:;]/g, '') === '') continue;
      assert.notEqual(v, UI[k], `ui.${k} is translated`);
    }
    for (const id of REGION_IDS) for (const k of REGION_FIELD_KEYS) {
      if (k === 'name' && id === 'psoas') continue; // "Psoas" is the same word in Spanish
      assert.notEqual(json.regions[id][k], REGION_TEXT[id][k], `regions.${id}.${k} is translated`);
    }
    assert.equal(json.ui.leftSide, 'lado izquierdo');
    assert.equal(json.ui.rightSide, 'lado derecho');
    assert.equal(json.ui.bothSides, 'ambos lados');
    assert.equal(json.ui.bookLabel, 'Reservar una sesión Lower Back Relief');
    for (const k of ['regionLabel', 'announce']) for (const p of ['{name}', '{side}']) assert.ok(json.ui[k].includes(p), `ui.${k} keeps ${p}`);
    assert.ok(json.ui.bookNote.includes('{clinic}'));
    const csp = (h) => h.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
    assert.equal(csp(html), csp(readFileSync('www/index.html', 'utf8')), 'the same CSP as index.html');
  });

  test('es.html is fully Spanish: no English default in the widget, no warning', async () => {
    const english = await openPage(env.server.url);
    const englishFound = englishIn(await shadowTexts(english));
    assert.ok(englishFound.length >= 20, `the check finds English on index.html (${englishFound.length} strings)`);
    await english.close();

    const page = await openPage(`${env.server.url}es.html`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    const seen = new Set();
    for (const key of TARGETS) {
      await click(page, key);
      for (const t of await shadowTexts(page)) seen.add(t);
    }
    await page.locator('lower-back-map [data-target="psoas-both"]').focus();
    await page.keyboard.press('Enter');
    await settle(page);
    for (const t of await shadowTexts(page)) seen.add(t);
    assert.deepEqual(englishIn([...seen]), []);
    const headings = [];
    for (const [key, side] of [['ql-left', 'lado izquierdo'], ['ql-right', 'lado derecho'], ['psoas-both', 'ambos lados']]) {
      await click(page, key);
      const s = await state(page);
      headings.push(s.heading);
      assert.ok(s.heading.endsWith(isolate(side)), s.heading);
      assert.equal(s.label, 'Reservar una sesión Lower Back Relief');
    }
    const { href } = await panel(page);
    assert.equal(new URL(href).searchParams.get('lang'), 'es', 'the booking link keeps its own parameters');
    assert.deepEqual(page.warnings, []);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------
describe('bad input', () => {
  const BAD_LINKS = ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)',
    'java\nscript:alert(1)', 'not a url', '"><img src=x onerror=alert(1)>'];

  for (const bad of BAD_LINKS) {
    test(`booking-url ${JSON.stringify(bad)} is refused with one message`, async () => {
      const page = await host(`<lower-back-map id="m" booking-url="${escapeAttr(bad)}"></lower-back-map>`, { init: [RECORD_EVENTS] });
      assert.equal(await page.evaluate(() => document.getElementById('m').getAttribute('booking-url')), bad, 'the page holds the bad value');
      const hrefs = async () => page.evaluate(() => [...document.getElementById('m').shadowRoot.querySelectorAll('a.book[href]')].map((a) => a.getAttribute('href')));
      assert.deepEqual(await hrefs(), [DEFAULT_BOOKING]);
      assert.equal((await state(page, '#m')).href, DEFAULT_BOOKING);
      await click(page, 'ql-left', '#m');
      assert.equal((await state(page, '#m')).href, DEFAULT_BOOKING);
      await page.locator('#m .panel.is-active a.book').click();
      assert.equal((await events(page, 'booking-click'))[0].detail.href, DEFAULT_BOOKING);
      const naming = page.messages.filter((m) => m.text.includes('booking-url'));
      assert.equal(naming.length, 1, JSON.stringify(page.messages));
      assert.equal(naming[0].type, 'warning');
      assert.deepEqual(warnedFields(page), ['booking-url']);
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }

  test('bad booking-url values set after mount are refused too, one message each', async () => {
    const page = await host('<lower-back-map id="m"></lower-back-map>');
    for (const bad of BAD_LINKS) {
      await page.evaluate((v) => document.getElementById('m').setAttribute('booking-url', v), bad);
      const hrefs = await page.evaluate(() => [...document.getElementById('m').shadowRoot.querySelectorAll('a.book[href]')].map((a) => a.getAttribute('href')));
      assert.deepEqual(hrefs, [DEFAULT_BOOKING], JSON.stringify(bad));
    }
    assert.deepEqual(warnedFields(page), BAD_LINKS.map(() => 'booking-url'));
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a bad booking-url after a good one falls back to the default, as the message says', async () => {
    const page = await host('<lower-back-map id="m" booking-url="https://clinic.example/book"></lower-back-map>');
    await page.evaluate(() => document.getElementById('m').setAttribute('booking-url', 'javascript:alert(1)'));
    assert.match(page.warnings[0], /The default is kept/);
    assert.equal((await state(page, '#m')).href, DEFAULT_BOOKING, 'same result as loading the page with this attribute');
    await page.close();
  });

  test('setting the config property does not repeat the JSON child’s warnings', async () => {
    const page = await host('<lower-back-map id="m"><script type="application/json">{"ui": {"title": 5}}</script></lower-back-map>');
    await page.evaluate(() => { document.getElementById('m').config = { ui: { intro: 'Fine.' } }; });
    await page.evaluate(() => { document.getElementById('m').config = { ui: { intro: 'Still fine.' } }; });
    assert.deepEqual(warnedFields(page), ['ui.title'], 'one warning per bad setting');
    await page.close();
  });

  test('a redraw does not repeat the booking-url warning given at load', async () => {
    const page = await host('<lower-back-map id="m" booking-url="https://"></lower-back-map>');
    await page.evaluate(() => document.getElementById('m').setAttribute('clinic-name', 'Back Room'));
    await page.evaluate(() => { document.getElementById('m').config = { ui: { intro: 'Fine.' } }; });
    assert.deepEqual(warnedFields(page), ['booking-url'], 'one warning per bad setting');
    assert.equal((await state(page, '#m')).href, DEFAULT_BOOKING);
    await page.close();
  });

  test('markup in config text is shown as text and never parsed', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const page = await host(`<lower-back-map id="m">
      <script type="application/json">${JSON.stringify({ ui: { title: evil, intro: '<script>alert(2)<\\/script>' }, clinicName: '<b>Bold</b>', regions: { ql: { name: evil } } })}</script>
    </lower-back-map>`);
    const s = await state(page, '#m');
    assert.equal(s.title, evil);
    assert.ok(s.note.includes('<b>Bold</b>'));
    await click(page, 'ql-left', '#m');
    assert.ok((await state(page, '#m')).heading.startsWith(isolate(evil)));
    const counts = await page.evaluate(() => {
      const root = document.getElementById('m').shadowRoot;
      return { img: root.querySelectorAll('img').length + document.querySelectorAll('img').length, b: root.querySelectorAll('b').length, script: root.querySelectorAll('script').length };
    });
    assert.deepEqual(counts, { img: 0, b: 0, script: 0 });
    await settle(page);
    assert.deepEqual(page.problems, [], 'no dialog, no error');
    assert.deepEqual(page.warnings, []);
    await page.close();
  });

  test('wrong types, unknown keys and unknown regions: defaults for the bad parts, each named', async () => {
    const config = {
      clinicName: 5, colour: 'red', region: 'elbow', analytics: 'yes',
      ui: { title: 7, nope: 'x', intro: 'A custom intro.' },
      regions: { knee: { name: 'Knee' }, ql: { cause: ['x'], name: 'QL muscle' }, glutes: 'x' },
      stretchSteps: 'one step',
    };
    const page = await host(`<lower-back-map id="m" region="hip:left"><script type="application/json">${JSON.stringify(config)}</script></lower-back-map>`);
    assert.deepEqual(warnedFields(page).sort(), ['clinicName', 'colour', 'region', 'analytics', 'ui.title', 'ui.nope', 'regions.knee',
      'regions.ql.cause', 'regions.glutes', 'stretchSteps', 'region'].sort());
    const s = await state(page, '#m');
    assert.equal(s.title, UI.title);
    assert.equal(s.selected, null);
    assert.ok(s.note.includes(DEFAULT_CLINIC));
    assert.deepEqual(await shadowTextsOf(page, '#m', '.head .lead'), ['A custom intro.'], 'good fields beside bad ones apply');
    await click(page, 'ql-left', '#m');
    const texts = await shadowTexts(page, '#m');
    assert.ok(texts.includes(REGION_TEXT.ql.cause), 'the default cause stays');
    assert.ok(texts.some((t) => t.startsWith('QL muscle')));
    assert.ok(STRETCH_STEPS.every((step) => texts.includes(step)));
    assert.equal(await page.evaluate(() => 'dataLayer' in window), false);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('malformed JSON and a config that is not an object are named, the map still renders', async () => {
    const page = await host('<lower-back-map id="m"><script type="application/json">{"ui": {"title": "x",}}</script></lower-back-map>');
    assert.deepEqual(warnedFields(page), ['config JSON']);
    assert.equal((await state(page, '#m')).title, UI.title);
    await page.evaluate(() => { document.getElementById('m').config = 42; });
    await page.evaluate(() => { document.getElementById('m').config = 'title'; });
    await page.evaluate(() => { document.getElementById('m').config = [1, 2]; });
    assert.deepEqual(warnedFields(page), ['config JSON', 'config', 'config', 'config']);
    await click(page, 'glutes-left', '#m');
    assert.equal((await state(page, '#m')).selected, 'glutes:left');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a 1 MB string is refused, by JSON, property and attribute', async () => {
    const mb = 'x'.repeat(1 << 20);
    const page = await host(`<lower-back-map id="m"><script type="application/json">${JSON.stringify({ ui: { intro: mb } })}</script></lower-back-map>`);
    await page.evaluate((mb) => {
      const el = document.getElementById('m');
      el.config = { ui: { title: mb }, regions: { psoas: { cause: mb } }, stretchSteps: [mb] };
      el.setAttribute('clinic-name', mb);
      el.setAttribute('booking-url', `https://clinic.example/${mb}`);
    }, mb);
    // The config reader names a refused list item by its index (stretchSteps.0).
    assert.deepEqual([...new Set(warnedFields(page))].sort(), ['booking-url', 'clinic-name', 'regions.psoas.cause', 'stretchSteps.0', 'ui.intro', 'ui.title']);
    const s = await state(page, '#m');
    assert.equal(s.title, UI.title);
    assert.ok(s.note.includes(DEFAULT_CLINIC));
    assert.equal(s.href, DEFAULT_BOOKING);
    const longest = await page.evaluate(() => Math.max(...[...document.getElementById('m').shadowRoot.querySelectorAll('*')].map((e) => e.textContent.length)));
    assert.ok(longest < 20000, `nothing huge is rendered (${longest})`);
    assert.ok(page.messages.every((m) => m.text.length < 2000), 'the messages do not repeat the megabyte');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------
describe('strict CSP', () => {
  for (const name of ['index.html', 'es.html', 'embed.html']) {
    test(`${name}: no CSP violation under script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; trusted types`, async () => {
      const html = readFileSync(`www/${name}`, 'utf8');
      const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
      assert.ok(meta, `${name} has a CSP meta`);
      const directives = Object.fromEntries(meta.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
      assert.equal(directives['script-src'], "'self' 'wasm-unsafe-eval'");
      assert.equal(directives['style-src'], "'self'");
      assert.equal(directives['require-trusted-types-for'], "'script'");

      const page = watch(await env.browser.newPage({ viewport: { width: 1280, height: 900 } }));
      await page.addInitScript(CSP_RECORDER);
      await page.goto(env.server.url + name);
      await widgetsReady(page);
      await click(page, 'glutes-right');
      if (name === 'embed.html') {
        // Drive the configurator through every code path that touches the DOM or styles.
        await page.fill('#booking-url', 'https://clinic.example/book');
        await page.fill('#clinic-name', 'Clinic <b>&</b>');
        await page.fill('#accent', '#7a2e8e');
        await page.fill('#font', 'Georgia, serif');
        await page.selectOption('#region', 'psoas');
        await page.check('#analytics');
        await page.selectOption('#booking-provider', 'calcom');
        await page.click('#copy');
        await page.fill('#booking-url', 'javascript:alert(1)');
        await page.click('#reset-colours');
        await page.waitForFunction(() => document.getElementById('preview').selected === 'psoas:both');
      }
      await settle(page);
      assert.deepEqual(await page.evaluate(() => window.__csp), []);
      assert.deepEqual(page.problems, []);
      assert.ok(!page.messages.some((m) => /Content Security Policy|Trusted Type/i.test(m.text)), JSON.stringify(page.messages));
      await page.close();
    });
  }
});

// ---------------------------------------------------------------------------------------------
describe('fallback', () => {
  test('when the wasm is missing, the element’s own content stays and the console explains', async () => {
    const page = watch(await env.browser.newPage());
    await page.route(/\.wasm$/, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
    await page.goto(env.server.url);
    await expectFallback(page, 'lower-back-map .fallback a', 'book.html');
    assert.ok(await page.locator('lower-back-map .fallback').isVisible());
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------
describe('embed.html: the configurator', () => {
  const preview = (page) => state(page, '#preview');
  const snippetText = (page) => page.locator('#snippet').textContent();
  /** The snippet's elements as a browser parses them. */
  // Parsed in a blank page: embed.html's Trusted Types policy forbids DOMParser on strings.
  let parser;
  before(async () => { parser = await env.browser.newPage(); });
  after(async () => { await parser?.close(); });
  const parseSnippet = (_page, text) => parser.evaluate((text) => {
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${text}`, 'text/html');
    const el = doc.querySelector('lower-back-map');
    return {
      script: doc.querySelector('script')?.getAttribute('src'),
      scriptType: doc.querySelector('script')?.getAttribute('type'),
      attributes: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
      fallback: el.querySelector('a')?.getAttribute('href'),
      style: doc.querySelector('style')?.textContent ?? null,
    };
  }, text);

  test('the page documents every config key and every attribute', () => {
    const html = readFileSync('www/embed.html', 'utf8');
    for (const key of [...Object.keys(UI), ...REGION_FIELD_KEYS, ...REGION_IDS, 'stretchSteps', 'bookingUrl', 'clinicName', 'region', 'analytics', 'bookingProvider', 'bookingField']) {
      assert.ok(html.includes(`<code>${key}</code>`), `embed.html names ${key}`);
    }
    for (const attr of ['booking-url', 'clinic-name', 'region', 'analytics', 'booking-provider', 'booking-field', 'theme']) assert.match(html, new RegExp(`<th scope="row"[^>]*><code>${attr}</code></th>`), attr);
    const css = readFileSync('src/dom/widget.css', 'utf8') + readFileSync('src/dom/drawing.css', 'utf8');
    // The light theme's default is the first one each property names (dark ones follow).
    const seen = new Set();
    for (const [, prop, fallback] of css.matchAll(/var\((--lbm-[\w-]+), ([^)]+?)\)/g)) {
      if (seen.has(prop)) continue;
      seen.add(prop);
      assert.ok(html.includes(`<code>${prop}</code>`), `embed.html documents ${prop}`);
      const row = html.match(new RegExp(`<tr[^>]*><th scope="row"[^>]*><code>${prop}</code></th>.*?</tr>`))?.[0] ?? '';
      if (fallback.startsWith('#')) assert.ok(row.includes(`<code>${fallback}</code>`), `the ${prop} row gives its default ${fallback}: ${row}`);
      const picker = html.match(new RegExp(`<input [^>]*name="${prop}" type="color" value="(#[0-9a-f]{6})"`))?.[1];
      if (picker) assert.equal(picker, fallback, `the configurator starts ${prop} at the widget's default`);
    }
    const js = readFileSync('www/embed.js', 'utf8');
    for (const [, prop, value] of js.matchAll(/'(--lbm-[\w-]+)': '(#[0-9a-f]{6})'/g)) {
      assert.ok(css.includes(`var(${prop}, ${value})`), `embed.js's default for ${prop} is the widget's`);
    }
  });

  test('typing a booking URL and clinic name updates the preview and the snippet', async () => {
    const page = await openPage(`${env.server.url}embed.html`);
    assert.equal(await snippetText(page), '', 'no snippet before there is a booking address');
    assert.ok(await page.locator('#copy').isHidden(), 'nothing to copy yet');
    assert.match(await page.locator('#snippet-needs').textContent(), /booking page's address/);
    assert.equal(await page.locator('#preview').getAttribute('booking-url'), 'https://www.clinic.example/book', 'the preview uses an example address meanwhile');
    const name = 'Smith & Sons "Back" <Care>';
    await page.locator('#booking-url').pressSequentially('https://clinic.example/book?service=7');
    await page.locator('#clinic-name').pressSequentially(name);
    await page.waitForFunction(() => document.getElementById('preview').getAttribute('clinic-name') === 'Smith & Sons "Back" <Care>');
    const p = await preview(page);
    assert.ok(p.note.includes(name), p.note);
    assert.ok(p.bookingHref.startsWith('https://clinic.example/book?service=7'));
    await click(page, 'ql-left', '#preview');
    const href = new URL((await preview(page)).href);
    assert.deepEqual(Object.fromEntries(href.searchParams), { service: '7', region: 'ql', side: 'left' });
    const here = page.url();
    await page.locator('#preview .panel.is-active a.book').click();
    assert.equal(page.url(), here, 'the preview’s booking link does not leave the configurator');
    assert.match(await page.locator('#preview-link').textContent(), /would open https:\/\/clinic\.example\/book\?service=7&region=ql&side=left/);

    const text = await snippetText(page);
    assert.equal(text.split('\n').length, 2, 'two lines');
    assert.equal(await page.locator('#snippet-needs').textContent(), '');
    assert.ok(await page.locator('#copy').isVisible());
    const parsed = await parseSnippet(page, text);
    assert.deepEqual(parsed.attributes, { 'booking-url': 'https://clinic.example/book?service=7', 'clinic-name': name });
    assert.equal(parsed.fallback, 'https://clinic.example/book?service=7');
    assert.equal(parsed.scriptType, 'module');
    assert.equal(parsed.script, new URL('lower-back-map.js', env.server.url).href);
    assert.ok(!text.includes('<Care>'), 'the clinic name is escaped in the HTML');
    assert.deepEqual(page.problems, []);
    assert.deepEqual(page.warnings, []);
    await page.close();
  });

  test('region, analytics, colours and font reach the preview and the snippet', async () => {
    const page = await openPage(`${env.server.url}embed.html`);
    const options = await page.locator('#region option').evaluateAll((os) => os.map((o) => o.value));
    assert.deepEqual(options, ['', ...TARGETS.map((t) => (t === 'psoas-both' ? 'psoas' : t.replace(/-(left|right)$/, ':$1')))]);
    await page.fill('#booking-url', 'https://clinic.example/book');
    await page.selectOption('#region', 'si-joint:right');
    await page.check('#analytics');
    await page.fill('#accent', '#7a2e8e');
    await page.fill('#background', '#fffaf0');
    await page.fill('#font', 'Georgia, serif');
    await page.waitForFunction(() => document.getElementById('preview').selected === 'si-joint:right');
    assert.equal(await page.locator('#preview').getAttribute('analytics'), 'datalayer');
    const props = await page.evaluate(() => {
      const cs = getComputedStyle(document.getElementById('preview'));
      return ['--lbm-accent', '--lbm-background', '--lbm-font'].map((p) => cs.getPropertyValue(p).trim());
    });
    assert.deepEqual(props, ['#7a2e8e', '#fffaf0', 'Georgia, serif']);
    const parsed = await parseSnippet(page, await snippetText(page));
    assert.deepEqual(parsed.attributes, { 'booking-url': 'https://clinic.example/book', region: 'si-joint:right', analytics: 'datalayer' });
    assert.match(parsed.style, /lower-back-map \{[^}]*--lbm-accent: #7a2e8e;[^}]*--lbm-background: #fffaf0;[^}]*--lbm-font: Georgia, serif;/);
    assert.ok(!parsed.style.includes('--lbm-region'), 'unchanged colours are left out');
    assert.ok(await page.locator('#style-note').isVisible(), 'the strict-CSP note is shown');
    assert.equal(await page.locator('#contrast').textContent(), '', 'readable colours raise no warning');
    await page.fill('#accent', '#f0c040');
    assert.match(await page.locator('#contrast').textContent(), /booking button.*1\.\d to 1/, 'white on yellow is flagged');
    await page.fill('#accent-text', '#1c2a30');
    const yellow = await page.locator('#contrast').textContent();
    assert.ok(!/booking button/.test(yellow), `dark text on yellow is fine: ${yellow}`);
    assert.match(yellow, /selected area on the skin is 1\.\d to 1/, 'a yellow selection on pale skin is hard to see');
    await page.click('#reset-colours');
    assert.equal((await parseSnippet(page, await snippetText(page))).style, null);
    assert.ok(!(await page.locator('#style-note').isVisible()));
    await page.selectOption('#region', '');
    await page.waitForFunction(() => document.getElementById('preview').selected === undefined);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a refused booking link is flagged and kept out of the snippet', async () => {
    const page = await openPage(`${env.server.url}embed.html`);
    await page.fill('#booking-url', 'javascript:alert(1)');
    assert.equal(await page.locator('#booking-url').getAttribute('aria-invalid'), 'true');
    const problem = page.locator('#booking-url-problem');
    assert.ok(await problem.isVisible());
    assert.match(await problem.textContent(), /javascript:/);
    assert.equal(await snippetText(page), '', 'no snippet while the only booking address is refused');
    assert.match(await page.locator('#snippet-needs').textContent(), /booking page's address/);
    await page.fill('#booking-url', 'tel:+15550100');
    assert.equal(await page.locator('#booking-url').getAttribute('aria-invalid'), null);
    assert.deepEqual((await parseSnippet(page, await snippetText(page))).attributes, { 'booking-url': 'tel:+15550100' });
    await page.fill('#font', 'x;} body { display: none');
    assert.equal((await parseSnippet(page, await snippetText(page))).style, null, 'a font that would break out of the CSS rule is left out');
    await page.waitForFunction(() => document.getElementById('preview').bookingHref === 'tel:+15550100');
    assert.deepEqual(page.problems, []);
    assert.deepEqual(page.warnings, [], 'the preview never tried the refused link');
    await page.close();
  });

  test('the copied snippet, pasted into a fresh page, works', async () => {
    const page = await openPage(`${env.server.url}embed.html`, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.fill('#booking-url', 'https://clinic.example/book?service=7');
    await page.fill('#clinic-name', 'Fresh & Calm "Studio"');
    await page.selectOption('#region', 'glutes:left');
    await page.check('#analytics');
    await page.fill('#accent', '#2255aa');
    await page.locator('#copy').click();
    const status = page.locator('#copy-status');
    await page.waitForFunction(() => document.getElementById('copy-status').textContent === 'Copied');
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    const code = await snippetText(page);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code, 'the clipboard holds the snippet');
    await page.close();

    // A fresh page holding nothing but the snippet.
    const fresh = watch(await env.browser.newPage());
    await fresh.addInitScript(RECORD_EVENTS);
    await fresh.route((url) => url.pathname === '/test/pasted.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: code }));
    await fresh.goto(`${env.server.url}test/pasted.html`);
    await widgetsReady(fresh);
    let s = await state(fresh);
    assert.equal(s.selected, 'glutes:left');
    assert.ok(s.note.includes('Fresh & Calm "Studio"'), s.note);
    assert.equal(await fresh.evaluate(() => getComputedStyle(document.querySelector('lower-back-map')).getPropertyValue('--lbm-accent').trim()), '#2255aa');
    const button = await fresh.evaluate(() => getComputedStyle(document.querySelector('lower-back-map').shadowRoot.querySelector('.panel.is-active a.book')).backgroundColor);
    assert.equal(button, 'rgb(34, 85, 170)', 'the accent colours the booking button');
    await click(fresh, 'psoas-both');
    s = await state(fresh);
    assert.deepEqual(Object.fromEntries(new URL(s.href).searchParams), { service: '7', region: 'psoas', side: 'both' });
    assert.deepEqual(await fresh.evaluate(() => window.dataLayer), [{ event: 'lower_back_map_select', region: 'psoas', side: 'both', widget: null }]);
    assert.deepEqual(fresh.problems, []);
    assert.deepEqual(fresh.warnings, []);
    await fresh.close();
  });

  test('without clipboard access, Copy selects the snippet and says so', async () => {
    const page = watch(await env.browser.newPage());
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    });
    await page.goto(`${env.server.url}embed.html`);
    await widgetsReady(page);
    await page.fill('#booking-url', 'https://clinic.example/book');
    await page.locator('#copy').click();
    await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '');
    assert.match(await page.locator('#copy-status').textContent(), /Selected/);
    assert.equal(await page.evaluate(() => getSelection().toString()), await snippetText(page));
    await page.close();
  });

  test('every control has a label and works from the keyboard with a visible focus', async () => {
    const page = await openPage(`${env.server.url}embed.html`, { permissions: ['clipboard-read', 'clipboard-write'] });
    const unlabeled = await page.evaluate(() => [...document.querySelectorAll('#settings input, #settings select')]
      .filter((el) => el.labels.length === 0 || !el.labels[0].textContent.trim()).map((el) => el.id));
    assert.deepEqual(unlabeled, []);
    // Tab from the booking field through the whole form to the Copy button (offered once there
    // is a booking address).
    await page.fill('#booking-url', 'https://clinic.example/book');
    await page.locator('#booking-url').focus();
    const order = [];
    for (let i = 0; i < 50; i++) {
      const f = await page.evaluate(() => {
        const el = document.activeElement;
        const cs = getComputedStyle(el);
        return { id: el.id, outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 };
      });
      order.push(f);
      if (f.id === 'copy') break;
      await page.keyboard.press('Tab');
      // The preview's own controls are part of the page's tab order; skip through them.
    }
    const ids = order.map((f) => f.id);
    for (const id of ['booking-url', 'booking-provider', 'clinic-name', 'region', 'analytics', 'analytics-gtag', 'analytics-plausible', 'analytics-matomo', 'theme',
      'accent', 'accent-text', 'region-colour', 'text', 'background', 'skin', 'bone', 'outline', 'reset-colours', 'font', 'script-url', 'copy']) {
      assert.ok(ids.includes(id), `${id} is reached with Tab: ${ids}`);
    }
    // (The preview's own focus styles are the widget's, tested with the widget.)
    assert.deepEqual(order.filter((f) => f.id && f.id !== 'preview' && !f.outline).map((f) => f.id), [], 'every focused control shows an outline');
    // Operate with keys only.
    await page.locator('#analytics').focus();
    await page.keyboard.press('Space');
    assert.equal(await page.locator('#analytics').isChecked(), true);
    await page.locator('#region').focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.getElementById('preview').selected === 'ql:left');
    await page.locator('#copy').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('copy-status').textContent === 'Copied');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------
describe('es.html and embed.html: accessibility and layout', () => {
  for (const name of ['es.html', 'embed.html']) {
    for (const width of [360, 768, 1280]) {
      test(`${name} at ${width} px: axe finds nothing, nothing overflows sideways`, async () => {
        const page = await openPage(env.server.url + name, { viewport: { width, height: 900 } });
        assert.deepEqual(await axe(page), []);
        const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        assert.ok(sizes.scroll <= sizes.client, `page is ${sizes.scroll} px wide in a ${sizes.client} px window`);
        // No element of the page sticks out of the window (tables, code, the configurator).
        const wide = await page.evaluate(() => [...document.querySelectorAll('main *')]
          .filter((el) => !el.closest('pre, .table-wrap') && el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .map((el) => el.tagName + (el.id ? `#${el.id}` : '')).slice(0, 5));
        assert.deepEqual(wide, []);
        assert.deepEqual(page.problems, []);
        await page.close();
      });
    }
  }

  for (const width of [360, 768, 1280]) {
    test(`es.html at ${width} px: the Spanish labels on the drawing do not overlap`, async () => {
      const page = await openPage(`${env.server.url}es.html`, { viewport: { width, height: 900 } });
      const overlaps = await page.evaluate(() => {
        const texts = [...document.querySelector('lower-back-map').shadowRoot.querySelectorAll('.figure span')]
          .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
        const hit = [];
        for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
          const [a, b] = [texts[i].r, texts[j].r];
          const gap = 2;
          if (a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom && b.top < a.bottom) hit.push(`${texts[i].text} / ${texts[j].text}`);
        }
        return { count: texts.length, hit };
      });
      assert.ok(overlaps.count >= 6, 'the drawing has its labels');
      assert.deepEqual(overlaps.hit, []);
      await page.close();
    });
  }
});
