// What a hostile or careless host page can do to the widget, on the release build in headless
// Chromium (issues 11 and 12): deep and throwing configs, Proxies, bidi controls, prototype keys,
// megabyte strings, hostile links, utm injection, many mounts and changes, a missing wasm, a CSP
// without 'wasm-unsafe-eval', a taken element name, moving the element, and the loader's
// parallel wasm download. Figures (time, heap, listeners) are printed, not timed.
//
// Each check says how it was seen to fail on a deliberately broken build ("Broken build:").
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, watch } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** A host page on the www server (the loader and wasm are the real release files). */
async function host(body, { head = '', query = '', init = [], ready = true, loader = '/lower-back-map.js', route } = {}) {
  const page = watch(await env.browser.newPage({ viewport: { width: 1280, height: 900 } }));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>${head}
<script type="module" src="${loader}"></script></head><body>
${body}
</body></html>`;
  await page.route((url) => url.pathname === '/test/host.html', (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  if (route) await route(page);
  for (const script of init) await page.addInitScript(script);
  await page.goto(new URL('/test/host.html', env.server.url).href + query);
  if (ready) await allReady(page);
  return page;
}

/** Waits until every widget element on the page has drawn its map. */
const allReady = (page, selector = 'lower-back-map') => page.waitForFunction((selector) => {
  const all = [...document.querySelectorAll(selector)];
  return all.length > 0 && all.every((el) => el.shadowRoot?.querySelector('.region'));
}, selector);

const warnedFields = (page) => page.messages
  .map((m) => m.text.match(/^lower-back-map: "([^"]*)" ignored: /)?.[1]).filter((f) => f !== undefined);

const FSI = '\u2068';
const PDI = '\u2069';

// Builders that run in the page (as strings, so each test can use them).
const HOSTILE = `
  window.deep = (n) => { let v = 'x'; for (let i = 0; i < n; i++) v = [v]; return v; };
  window.hostile = () => ({
    deepObject: { ui: { title: 'Title kept' }, stretchSteps: deep(5000) },
    deepRoot: deep(5000),
    throwingGetter: Object.defineProperty({ ui: { intro: 'Intro kept' } }, 'clinicName', { enumerable: true, get() { throw new Error('getter'); } }),
    throwingKeys: new Proxy({}, { ownKeys() { throw new Error('ownKeys trap'); } }),
    throwingGet: new Proxy({ ui: { title: 'x' } }, { get() { throw new Error('get trap'); } }),
    revoked: (() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })(),
    endless: (() => {
      const p = new Proxy({}, {
        ownKeys: () => ['ui'], get: () => p,
        getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true, value: p }),
      });
      return p;
    })(),
    wideProxy: new Proxy({}, {
      ownKeys: () => Array.from({ length: 100000 }, (_, i) => 'k' + i),
      getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true, value: 'v' }),
    }),
  });
`;

// ---------------------------------------------------------------------------------------------
describe('a fault in one widget never harms another', () => {
  // Broken build: the serde-wasm-bindgen reader of cb63c60 overflows the stack on deepObject
  // (RangeError), leaves a blank element, and after three such mounts #good.select() throws
  // "memory access out of bounds" and no new widget mounts (issue 12): this test fails on
  // every assertion after the mounts.
  test('hostile configs (5,000 deep, throwing getters, Proxies) mount with defaults; the others keep working', async () => {
    const page = await host('<lower-back-map id="good"></lower-back-map>', { init: [HOSTILE] });
    const names = await page.evaluate(() => {
      const cases = hostile();
      for (const [name, config] of Object.entries(cases)) {
        const el = document.createElement('lower-back-map');
        el.id = name;
        el.innerHTML = '<a href="#book">Book</a>';
        el.config = config;
        document.body.append(el);
      }
      // The same depth as a JSON child.
      const json = document.createElement('lower-back-map');
      json.id = 'deepJson';
      json.innerHTML = `<a href="#book">Book</a><script type="application/json">{"stretchSteps": ${'['.repeat(5000)}${']'.repeat(5000)}}</script>`;
      document.body.append(json);
      return [...Object.keys(cases), 'deepJson'];
    });
    await allReady(page);
    for (const name of names) {
      const title = await page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('h2').textContent, name);
      assert.ok(title.length > 3, `${name} drew its panels`);
    }
    assert.equal(await page.evaluate(() => document.getElementById('deepObject').shadowRoot.querySelector('h2').textContent), 'Title kept', 'good fields beside a deep one apply');
    const fields = warnedFields(page);
    console.log(`  warnings: ${JSON.stringify(fields)}`);
    for (const f of ['stretchSteps.0.0.0.0', 'config', 'clinicName', 'ui']) assert.ok(fields.includes(f), `a warning names ${f}`);
    assert.ok(page.messages.some((m) => /nested more than 5 levels deep/.test(m.text)));
    assert.ok(page.messages.some((m) => /100000 entries; at most 64/.test(m.text)), 'the wide Proxy is refused by count');

    // The good widget still works, through its API and by click, and a new one mounts.
    const after = await page.evaluate(async () => {
      const good = document.getElementById('good');
      good.select('glutes', 'right');
      const selected = good.selected;
      good.shadowRoot.querySelector('[data-target="psoas-both"]').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      const clicked = good.selected;
      const fresh = document.createElement('lower-back-map');
      fresh.id = 'fresh';
      document.body.append(fresh);
      await new Promise((r) => setTimeout(r, 100));
      fresh.select('ql', 'left');
      // And straight through the exported mount(): the same inputs, then a normal one.
      const g = await import('/pkg/lower_back_map.js');
      const direct = [];
      for (const config of [deep(5000), ...Object.values(hostile())]) {
        const div = document.createElement('div');
        document.body.append(div);
        const w = g.mount(div, config);
        direct.push(!!div.shadowRoot.querySelector('.region'));
        w.destroy();
      }
      return { selected, clicked, fresh: fresh.selected, direct };
    });
    assert.deepEqual(after, { selected: 'glutes:right', clicked: 'psoas:both', fresh: 'ql:left', direct: Array(9).fill(true) });
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  // Broken build: with the shadow root attached before View::build (as in cb63c60), the
  // element goes blank when the drawing fails: the fallback check below fails.
  test('a mount that fails leaves the fallback visible and the element mountable later', async () => {
    // The loader's widget first, so the glue is initialised once, by the loader.
    const page = await host('<lower-back-map></lower-back-map><div id="d"><a id="fallback" href="#book">Book a session</a></div><img id="img" alt="">');
    const result = await page.evaluate(async () => {
      const g = await import('/pkg/lower_back_map.js');
      const d = document.getElementById('d');
      const message = (f) => { try { f(); return 'no error'; } catch (e) { return String(e.message ?? e); } };
      // The page breaks the DOM while the widget draws.
      const original = Document.prototype.createElementNS;
      Document.prototype.createElementNS = function () { throw new Error('the host page broke createElementNS'); };
      const failed = message(() => g.mount(d, undefined));
      Document.prototype.createElementNS = original;
      const afterFail = { shadow: d.shadowRoot, visible: document.getElementById('fallback').getClientRects().length > 0 };
      // The widget that was already on the page is unharmed.
      const other = document.querySelector('lower-back-map');
      other.select('si-joint', 'right');
      afterFail.other = other.selected;
      // Proxies as the host: refused with a clear error, never a throw through the wasm.
      // Broken build: without the Reflect check in mount(), the Proxy of an element passes
      // `instanceof` and its getter throws "Illegal invocation" through the wasm frames.
      afterFail.proxies = [
        message(() => g.mount(new Proxy(document.createElement('div'), {}), undefined)),
        message(() => g.mount(new Proxy({}, { get() { throw new Error('trap'); } }), undefined)),
      ];
      const w = g.mount(d, undefined);
      const mounted = !!d.shadowRoot.querySelector('.region');
      const img = message(() => g.mount(document.getElementById('img'), undefined));
      return { failed, afterFail, mounted, img, imgShadow: document.getElementById('img').shadowRoot, again: message(() => g.mount(d)), destroyed: (w.destroy(), message(() => w.select('psoas'))) };
    });
    assert.match(result.failed, /broke createElementNS/);
    assert.match(result.afterFail.proxies[0], /mount\(\) needs an Element to draw into, but got a HTMLDivElement/);
    assert.match(result.afterFail.proxies[1], /mount\(\) needs an Element to draw into, but got object/);
    delete result.afterFail.proxies;
    assert.deepEqual(result.afterFail, { shadow: null, visible: true, other: 'si-joint:right' }, 'nothing attached: the fallback shows');
    assert.equal(result.mounted, true, 'the element mounts once the page is sane again');
    assert.match(result.img, /cannot hold a widget/);
    assert.equal(result.imgShadow, null);
    assert.match(result.again, /already shows a lower-back-map widget/);
    // Broken build: with destroy(self) (cb63c60) this reads "null pointer passed to rust".
    assert.match(result.destroyed, /this widget was destroyed/);
    await page.close();
  });

  // Broken build: with warn_all() inside refresh()'s borrow_mut (as in cb63c60), the console.warn
  // wrapper's select() panics ("already mutably borrowed"): with panic=abort that is
  // "RuntimeError: unreachable", and every widget on the page is dead.
  test('page code that calls back in while the widget redraws or is removed cannot trap it', async () => {
    const page = await host('<lower-back-map id="m"></lower-back-map><lower-back-map id="other"></lower-back-map>');
    const r = await page.evaluate(async () => {
      const el = document.getElementById('m');
      const warn = console.warn;
      // An error tracker that wraps console.warn, and a focus tracker, both calling the widget.
      console.warn = function (...args) { el.select('psoas'); return warn.apply(this, args); };
      document.addEventListener('focusout', () => el.select('glutes', 'left'), true);
      el.shadowRoot.querySelector('[data-target="ql-left"]').focus();
      el.setAttribute('booking-url', 'javascript:alert(1)'); // a warning during the redraw
      el.setAttribute('clinic-name', 'Clinic B'); // the focused drawing is replaced
      el.config = { ui: { title: 5 } };
      const during = el.selected;
      el.remove();
      await new Promise((r) => setTimeout(r, 0));
      console.warn = warn;
      const other = document.getElementById('other');
      other.select('ql', 'right');
      const fresh = document.createElement('lower-back-map');
      document.body.append(fresh);
      await new Promise((r) => setTimeout(r, 50));
      fresh.select('si-joint', 'left');
      return { during, other: other.selected, fresh: fresh.selected, lbm: other.shadowRoot.querySelectorAll('.lbm').length };
    });
    assert.deepEqual(r, { during: 'glutes:left', other: 'ql:right', fresh: 'si-joint:left', lbm: 1 });
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------
describe('text direction and language', () => {
  // Broken build: fill_in without the isolates: the ", left side" and " we work" checks fail
  // (the U+202E reverses them, as issue 12 shows).
  test('bidi controls in clinic-name and a region name cannot reorder the widget’s words', async () => {
    const evil = 'At Evil\u202E Spa';
    const config = JSON.stringify({ regions: { ql: { name: 'Evil \u202Enosiop' } } });
    const page = await host(`<lower-back-map id="m" clinic-name="${evil}"><script type="application/json">${config}</script></lower-back-map>`);
    const r = await page.evaluate(() => {
      const root = document.getElementById('m').shadowRoot;
      root.querySelector('[data-target="ql-left"]').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      const heading = root.querySelector('.panel.is-active h2');
      // Where ", left side" is drawn: its characters must run left to right.
      const text = heading.firstChild;
      const at = (i) => { const range = document.createRange(); range.setStart(text, i); range.setEnd(text, i + 1); return range.getBoundingClientRect().x; };
      const start = text.data.indexOf(', ');
      const xs = [...', left side'].map((_, i) => at(start + i));
      return {
        heading: heading.textContent,
        label: root.querySelector('[data-target="ql-left"]').getAttribute('aria-label'),
        note: root.querySelector('.panel.is-active .note').textContent,
        inOrder: xs.every((x, i) => i === 0 || x >= xs[i - 1]),
      };
    });
    assert.equal(r.heading, `${FSI}Evil \u202Enosiop${PDI}, ${FSI}left side${PDI}`);
    assert.equal(r.label, r.heading);
    assert.ok(r.note.startsWith(`At ${FSI}${evil}${PDI} we work`), r.note);
    assert.ok(r.inOrder, '", left side" is drawn left to right after the reversed name');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  // Broken build: without set_language(), every attribute read below is null; with the page's
  // lang and dir copied whatever the text (as before), "english" reads ['ar', 'rtl'].
  test('lang and dir come from the element or the page around it, unless the text falls back to English', async () => {
    const page = await host(`<div dir="rtl" lang="ar"><lower-back-map id="english"></lower-back-map>
      <lower-back-map id="translated"><script type="application/json">{"ui": {"back": "الظهر"}}</script></lower-back-map>
      <lower-back-map id="own" lang="es" dir="ltr"></lower-back-map></div><lower-back-map id="none"></lower-back-map>`);
    const ids = ['english', 'translated', 'own', 'none'];
    const read = () => page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
      const lbm = document.getElementById(id).shadowRoot.querySelector('.lbm');
      return [id, [lbm.getAttribute('lang'), lbm.getAttribute('dir')]];
    })), ids);
    assert.deepEqual(await read(), { english: ['en', 'ltr'], translated: ['ar', 'rtl'], own: ['es', 'ltr'], none: ['en', null] });
    await page.evaluate(() => { document.getElementById('own').setAttribute('dir', 'rtl'); document.getElementById('own').setAttribute('lang', 'he'); });
    assert.deepEqual((await read()).own, ['en', 'rtl'], 'a change on the element is followed; Hebrew has no pack, its own dir wins');
    await page.evaluate(() => document.getElementById('english').setAttribute('dir', 'rtl'));
    assert.deepEqual((await read()).english, ['en', 'rtl'], 'a dir on the element itself wins');
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------
describe('hostile settings', () => {
  // Broken build: reading with `obj[key] = value` into a plain object would pollute
  // Object.prototype; the walk never assigns, so `polluted` stays undefined.
  test('prototype keys are unknown keys, nothing is polluted', async () => {
    const json = '{"__proto__": {"polluted": "yes", "title": "x"}, "constructor": {"prototype": {"polluted": "yes"}}, "ui": {"__proto__": {"title": "x"}, "toString": "x", "hasOwnProperty": "y", "title": "Own title"}}';
    const page = await host(`<lower-back-map id="m"><script type="application/json">${json}</script></lower-back-map>`);
    await page.evaluate(() => { document.getElementById('m').config = JSON.parse('{"__proto__": {"polluted": "yes"}, "regions": {"__proto__": {"name": "x"}}}'); });
    assert.deepEqual(await page.evaluate(() => [({}).polluted, Object.prototype.title, [].polluted]), [undefined, undefined, undefined]);
    assert.equal(await page.evaluate(() => document.getElementById('m').shadowRoot.querySelector('h2').textContent), 'Own title');
    assert.deepEqual(warnedFields(page).sort(), ['__proto__', '__proto__', 'constructor', 'regions.__proto__', 'ui.__proto__', 'ui.hasOwnProperty', 'ui.toString'].sort());
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  // Broken build: with the "boolean" and "number" arms of Js::kind (src/dom/read.rs) swapped,
  // ui.title and ui.intro were named the other way round and this failed.
  test('a setting of the wrong type is named with the type it has', async () => {
    const page = await host('<lower-back-map id="m"></lower-back-map>');
    await page.evaluate(() => {
      document.getElementById('m').config = {
        ui: { title: true, intro: 3, backView: 10n, sideView: null, mapLabel: () => 1, left: Symbol('s'), right: ['x'], back: {} },
      };
    });
    const got = Object.fromEntries(page.messages
      .map((m) => m.text.match(/^lower-back-map: "ui\.(\w+)" ignored: expected [^,]*, got ([^.]*)\./)).filter(Boolean)
      .map((m) => [m[1], m[2]]));
    assert.deepEqual(got, {
      title: 'a boolean', intro: 'a number', backView: 'a number', sideView: 'null', mapLabel: 'a function', left: 'a symbol', right: 'a list', back: 'an object',
    });
    await page.close();
  });

  // Broken build: with the length check removed from Walk::node, the megabyte is copied and the
  // message quotes a number counted in Rust; with MAX_TEXT raised, it is rendered (longest check).
  test('1 MB strings by JSON, property and attribute: refused, named, quick', async () => {
    const page = await host('<lower-back-map id="m"></lower-back-map>');
    const ms = await page.evaluate(() => {
      const mb = 'x'.repeat(1 << 20);
      const el = document.getElementById('m');
      const t0 = performance.now();
      el.config = { ui: { title: mb }, regions: { psoas: { cause: mb } }, stretchSteps: [mb], clinicName: mb };
      el.setAttribute('clinic-name', mb);
      return performance.now() - t0;
    });
    console.log(`  1 MB strings in config and attribute: ${ms.toFixed(1)} ms`);
    assert.deepEqual([...new Set(warnedFields(page))].sort(), ['clinic-name', 'clinicName', 'regions.psoas.cause', 'stretchSteps.0', 'ui.title']);
    const longest = await page.evaluate(() => Math.max(...[...document.getElementById('m').shadowRoot.querySelectorAll('*')].map((e) => e.textContent.length)));
    assert.ok(longest < 20000, `nothing huge is rendered (${longest})`);
    assert.ok(page.messages.every((m) => m.text.length < 2000));
    await page.close();
  });

  // What a booking-url becomes. Decided (README, Embedding): only http(s), tel: and mailto:
  // (and #sections) survive; a protocol-relative `//host` (or `/\host`, which browsers read
  // the same way) is a web address on the page's own scheme, like any relative link: the
  // marketer chose that host; a link with `user:pass@` credentials is refused (one warning,
  // default kept), so they are neither published in the page nor sent.
  // Broken build: with check_link's tab/newline filter removed, the java\tscript: cases pass the
  // scheme check as relative paths and the "refused" assertion fails for them.
  test('hostile link schemes are refused; protocol-relative and credential links are decided', async () => {
    const refused = [
      'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', '\u0001javascript:alert(1)', 'java\tscript:alert(1)',
      'java\nscript:alert(1)', 'java\rscript:alert(1)', 'java\u0000script:alert(1)', 'javascript\u0000:alert(1)', 'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)', 'blob:https://clinic.example/x', 'file:///etc/passwd', 'filesystem:https://x/y', 'ftp://clinic.example/book',
      'javascript://%0aalert(1)', '"><img src=x onerror=alert(1)>', 'https://clinic.example/ book', 'ws://clinic.example',
    ];
    const page = await host('<lower-back-map id="m"></lower-back-map>');
    for (const link of refused) {
      const href = await page.evaluate((link) => { const el = document.getElementById('m'); el.setAttribute('booking-url', link); return [el.bookingHref, el.shadowRoot.querySelector('a.book').getAttribute('href')]; }, link);
      assert.deepEqual(href, ['#book', '#book'], `${JSON.stringify(link)} is refused`);
    }
    // Entities are decoded by the HTML parser, so these are javascript: links by the time the
    // widget reads them; set with setAttribute, "&colon;" is a harmless relative path.
    const parsed = await host('<lower-back-map id="a" booking-url="javascript&colon;alert(1)"></lower-back-map><lower-back-map id="b" booking-url="&#x6A;avascript:alert(1)"></lower-back-map><lower-back-map id="c" booking-url="java&Tab;script:alert(1)"></lower-back-map><lower-back-map id="d" booking-url="jav&#x09;ascript:alert(1)"></lower-back-map>');
    assert.deepEqual(await parsed.evaluate(() => ['a', 'b', 'c', 'd'].map((id) => document.getElementById(id).bookingHref)), ['#book', '#book', '#book', '#book']);
    const origin = new URL(env.server.url).origin;
    const decided = {
      '//evil.example/book': 'http://evil.example/book',
      '/\\evil.example/book': 'http://evil.example/book',
      'https://user:pass@clinic.example/book': '#book',
      'https://user@clinic.example/book': '#book',
      'javascript&colon;alert(1)': `${origin}/test/javascript&colon;alert(1)`,
      'tel:+1 555 0100': '#book',
      'tel:+15550100': 'tel:+15550100',
    };
    for (const [link, expected] of Object.entries(decided)) {
      const href = await page.evaluate((link) => { const el = document.getElementById('m'); el.setAttribute('booking-url', link); return el.bookingHref; }, link);
      assert.equal(href, expected, JSON.stringify(link));
    }
    assert.ok(page.warnings.some((w) => /"booking-url" ignored: it contains a user name or password/.test(w)), JSON.stringify(page.warnings.slice(-3)));
    await page.evaluate(() => document.getElementById('m').shadowRoot.querySelector('a.book').click());
    assert.deepEqual(page.problems.filter((p) => p.startsWith('dialog') || p.startsWith('page error')), []);
    await page.close();
    await parsed.close();
  });

  // Broken build: booking_href without encode() lets "&region=evil" through: the region check fails.
  test('utm injection from the page URL stays inside its own parameters', async () => {
    const query = '?utm_source=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&utm_campaign=a%26region%3Devil%23frag&utm_medium=javascript:alert(1)&utm_term=%00%0A&utm_content=' + 'y'.repeat(3000);
    const page = await host('<lower-back-map id="m" booking-url="https://clinic.example/book"></lower-back-map>', { query });
    await page.evaluate(() => document.getElementById('m').select('ql', 'left'));
    const href = await page.evaluate(() => document.getElementById('m').shadowRoot.querySelector('.panel.is-active a.book').getAttribute('href'));
    const url = new URL(href);
    assert.equal(url.origin + url.pathname, 'https://clinic.example/book');
    assert.deepEqual(url.searchParams.getAll('region'), ['ql']);
    assert.equal(url.searchParams.get('utm_campaign'), 'a&region=evil#frag');
    assert.equal(url.searchParams.get('utm_source'), '"><img src=x onerror=alert(1)>');
    assert.equal(url.hash, '');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------
describe('many mounts and changes', () => {
  // Counts window listeners and keeps the wasm memory, from before any page script runs.
  const PROBE = `
    window.__windowListeners = 0;
    const add = EventTarget.prototype.addEventListener, remove = EventTarget.prototype.removeEventListener;
    const seen = new Set();
    EventTarget.prototype.addEventListener = function (type, f, o) {
      if (this === window && !seen.has(type + '|' + (f && (f.__id ??= Math.random())))) { seen.add(type + '|' + f.__id); window.__windowListeners++; }
      return add.call(this, type, f, o);
    };
    EventTarget.prototype.removeEventListener = function (type, f, o) {
      if (this === window && f && seen.delete(type + '|' + f.__id)) window.__windowListeners--;
      return remove.call(this, type, f, o);
    };
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then((r) => {
        const instance = r instanceof WebAssembly.Instance ? r : r.instance;
        window.__memory = instance.exports.memory;
        return r;
      });
    }
  `;
  async function measure(page, cdp) {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const other = await page.evaluate(() => ({ listeners: window.__windowListeners, wasm: window.__memory.buffer.byteLength, nodes: document.getElementsByTagName('*').length }));
    return { heap: usedSize, ...other };
  }
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

  // Broken build: with `_listeners` leaked (std::mem::forget in Widget::mount), listeners grow
  // by 100 and the count assertion fails; with the deferred destroy removed from the loader's
  // disconnectedCallback, nothing fails here but the moving test below does.
  test('100 mount/remove cycles leave no listener, heap or wasm memory behind', async () => {
    const page = await host('<div id="box"></div><lower-back-map id="keep"></lower-back-map>', { init: [PROBE] });
    const cdp = await page.context().newCDPSession(page);
    const warm = async (n) => page.evaluate(async (n) => {
      const box = document.getElementById('box');
      for (let i = 0; i < n; i++) {
        const el = document.createElement('lower-back-map');
        box.append(el);
        while (!el.shadowRoot?.querySelector('.region')) await new Promise((r) => setTimeout(r, 0));
        el.select('psoas');
        el.remove();
        await Promise.resolve();
      }
    }, n);
    await warm(5);
    const before = await measure(page, cdp);
    const t0 = Date.now();
    await warm(100);
    const ms = Date.now() - t0;
    const { windowListeners } = await page.evaluate(() => ({ windowListeners: window.__windowListeners }));
    const afterAll = await measure(page, cdp);
    console.log(`  100 cycles in ${ms} ms; window listeners ${before.listeners} -> ${afterAll.listeners}; JS heap ${kb(before.heap)} -> ${kb(afterAll.heap)}; wasm memory ${kb(before.wasm)} -> ${kb(afterAll.wasm)}; DOM nodes ${before.nodes} -> ${afterAll.nodes}`);
    assert.equal(windowListeners, before.listeners, 'no window listener is left');
    assert.ok(afterAll.heap - before.heap < 1024 * 1024, 'the JS heap grows less than 1 MB');
    assert.ok(afterAll.wasm - before.wasm <= 64 * 1024, 'wasm memory grows by at most one page');
    assert.equal(afterAll.nodes, before.nodes);
    assert.equal(await page.evaluate(() => (document.getElementById('keep').select('ql', 'right'), document.getElementById('keep').selected)), 'ql:right');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  // Broken build: with refresh() appending instead of replacing the view, the node count grows.
  test('1,000 attribute changes and 200 config assignments: memory flat, last one wins', async () => {
    const page = await host('<lower-back-map id="m"></lower-back-map>', { init: [PROBE] });
    const cdp = await page.context().newCDPSession(page);
    const before = await measure(page, cdp);
    const t = await page.evaluate(() => {
      const el = document.getElementById('m');
      const t0 = performance.now();
      for (let i = 0; i < 1000; i++) {
        el.setAttribute(['clinic-name', 'booking-url', 'region', 'analytics'][i % 4], ['Clinic ' + i, 'https://clinic.example/b' + i, ['ql:left', 'psoas', 'glutes:right'][i % 3], i % 8 < 4 ? 'off' : 'datalayer'][i % 4]);
      }
      const t1 = performance.now();
      for (let i = 0; i < 200; i++) {
        el.config = { ui: { title: 'Title ' + i }, stretchSteps: ['One ' + i, 'Two'], regions: { psoas: { name: 'Psoas ' + i } } };
      }
      return { attributes: t1 - t0, configs: performance.now() - t1 };
    });
    const afterAll = await measure(page, cdp);
    console.log(`  1,000 attribute changes ${t.attributes.toFixed(0)} ms (${(t.attributes / 1000).toFixed(2)} ms each); 200 configs ${t.configs.toFixed(0)} ms; JS heap ${kb(before.heap)} -> ${kb(afterAll.heap)}; wasm ${kb(before.wasm)} -> ${kb(afterAll.wasm)}; nodes ${before.nodes} -> ${afterAll.nodes}`);
    const s = await page.evaluate(() => {
      const el = document.getElementById('m');
      return { title: el.shadowRoot.querySelector('h2').textContent, note: el.shadowRoot.querySelector('.note').textContent, lbm: el.shadowRoot.querySelectorAll('.lbm').length };
    });
    assert.equal(s.title, 'Title 199');
    assert.ok(s.note.includes('Clinic 996'), s.note);
    assert.equal(s.lbm, 1);
    assert.ok(afterAll.wasm - before.wasm <= 128 * 1024, 'wasm memory stays within two pages');
    assert.ok(afterAll.heap - before.heap < 2 * 1024 * 1024, 'JS heap grows less than 2 MB');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  // The longest lists allowed: 12 stretch steps and every text at 2,000 characters.
  // Broken build: with MAX_STEPS raised to 10,000, the 10,000-step config is drawn (the
  // list-item count check fails) and a click takes ~180 ms (issue 12).
  test('stretch steps are capped; time per click with the longest allowed lists', async () => {
    const page = await host('<lower-back-map id="m"></lower-back-map>');
    const r = await page.evaluate(async () => {
      const el = document.getElementById('m');
      el.config = { stretchSteps: Array.from({ length: 10000 }, (_, i) => 'Step ' + i) };
      const refused = el.shadowRoot.querySelectorAll('li').length;
      const long = (c) => c.repeat(2000);
      el.config = {
        stretchSteps: Array.from({ length: 12 }, (_, i) => long(String.fromCharCode(97 + i))),
        regions: Object.fromEntries(['ql', 'si-joint', 'glutes', 'psoas'].map((id) => [id, { cause: long('c'), treatment: long('t'), location: long('l'), selfCare: long('s') }])),
      };
      const items = el.shadowRoot.querySelectorAll('li').length;
      const targets = ['ql-left', 'si-joint-right', 'glutes-left', 'psoas-both', 'ql-right', 'glutes-right', 'si-joint-left'];
      const times = [];
      for (let i = 0; i < 70; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        const t0 = performance.now();
        el.shadowRoot.querySelector(`[data-target="${targets[i % 7]}"]`).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        el.shadowRoot.querySelector('.panel.is-active').getBoundingClientRect(); // style and layout
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return { refused, items, median: times[35], max: times[69] };
    });
    console.log(`  click with 12 steps of 2,000 characters: median ${r.median.toFixed(2)} ms, max ${r.max.toFixed(2)} ms (with layout); list items ${r.items}`);
    assert.ok(r.refused < 100, `10,000 steps are refused (${r.refused} list items)`);
    assert.ok(page.warnings.some((w) => /"stretchSteps" ignored: .*at most 64|"stretchSteps" ignored: .*at most 12/.test(w)));
    assert.ok(r.items < 100, `${r.items} list items`);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------
describe('lifecycle and a crowded page', () => {
  // Broken build: with disconnectedCallback destroying at once (cb63c60), the widget is
  // rebuilt: the selection is lost and the .lbm node is a new one.
  test('moving the element keeps the same widget, its selection and its focus', async () => {
    const page = await host('<div id="a"><lower-back-map id="m"></lower-back-map></div><div id="b"></div>');
    await page.evaluate(() => document.getElementById('m').shadowRoot.querySelector('[data-target="ql-left"]').focus());
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const before = await page.evaluate(() => {
      const el = document.getElementById('m');
      window.__lbm = el.shadowRoot.querySelector('.lbm');
      return { selected: el.selected, focus: el.shadowRoot.activeElement?.dataset.target };
    });
    await page.evaluate(() => document.getElementById('b').append(document.getElementById('m')));
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    const moved = await page.evaluate(() => {
      const el = document.getElementById('m');
      return { same: el.shadowRoot.querySelector('.lbm') === window.__lbm, selected: el.selected, focus: el.shadowRoot.activeElement?.dataset.target, active: document.activeElement === el };
    });
    assert.equal(before.selected, 'ql:right');
    assert.deepEqual(moved, { same: true, selected: 'ql:right', focus: before.focus, active: true });
    await page.keyboard.press('ArrowRight');
    assert.notEqual(await page.evaluate(() => document.getElementById('m').shadowRoot.activeElement?.dataset.target), before.focus, 'the keyboard still works');
    // Removed for good: destroyed after this task.
    await page.evaluate(() => { window.__el = document.getElementById('m'); window.__el.remove(); });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    assert.equal(await page.evaluate(() => [window.__el.shadowRoot.querySelectorAll('.lbm').length, window.__el.selected]).then(JSON.stringify), '[0,null]');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  // Broken build: the old loader skipped silently: no warning, the assertion fails.
  test('a taken element name: one warning that says how to rename; ?name= works', async () => {
    const head = '<script>customElements.define("lower-back-map", class extends HTMLElement {});</script>';
    const page = await host('<lower-back-map id="x"><a href="#book">Book</a></lower-back-map><clinic-map id="c"></clinic-map>', { head, ready: false });
    await page.evaluate(() => import('/lower-back-map.js?name=clinic-map'));
    await allReady(page, 'clinic-map');
    const warned = page.warnings.filter((w) => /already defined/.test(w));
    assert.equal(warned.length, 1, JSON.stringify(page.warnings));
    assert.match(warned[0], /<lower-back-map> is already defined by another script/);
    assert.match(warned[0], /lower-back-map\.js\?name=clinic-map/);
    await page.evaluate(() => document.getElementById('c').select('psoas'));
    assert.equal(await page.evaluate(() => document.getElementById('c').selected), 'psoas:both');
    assert.equal(await page.evaluate(() => document.getElementById('x').shadowRoot), null, 'the other script’s element is left alone');
    // The documented hook: define() from the module, under any free name; a taken one is refused.
    const defined = await page.evaluate(async () => {
      const { define } = await import('/lower-back-map.js?name=clinic-map');
      const results = [define('back-map'), define('back-map'), define('nohyphen')];
      const el = document.createElement('back-map');
      document.body.append(el);
      while (!el.shadowRoot?.querySelector('.region')) await new Promise((r) => setTimeout(r, 10));
      el.select('glutes', 'right');
      return { results, selected: el.selected };
    });
    assert.deepEqual(defined, { results: [true, true, false], selected: 'glutes:right' });
    assert.ok(page.warnings.some((w) => /"nohyphen" cannot name an element/.test(w)));
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------
describe('loading', () => {
  // Broken build: the old loader (a static import of the glue, which then fetched the wasm)
  // starts the wasm only after the glue has arrived: wasm.startTime > glue.responseEnd.
  test('the wasm request starts before the glue has arrived (two-line snippet, no preload)', async () => {
    const page = await host('<lower-back-map><a href="#book">Book</a></lower-back-map>', {
      ready: false,
      // The glue is held back 300 ms, as on a slow link; the wasm is not.
      route: (p) => p.route(/lower_back_map\.js$/, async (r) => { await new Promise((d) => setTimeout(d, 300)); r.continue(); }),
    });
    await allReady(page);
    const t = await page.evaluate(() => {
      const entry = (re) => performance.getEntriesByType('resource').find((e) => re.test(e.name));
      const [loader, glue, wasm] = [entry(/lower-back-map\.js$/), entry(/lower_back_map\.js$/), entry(/\.wasm$/)];
      return { loader: loader.responseEnd, glueStart: glue.startTime, glueEnd: glue.responseEnd, wasmStart: wasm.startTime };
    });
    console.log(`  loader done ${t.loader.toFixed(0)} ms; glue ${t.glueStart.toFixed(0)}-${t.glueEnd.toFixed(0)} ms; wasm starts ${t.wasmStart.toFixed(0)} ms`);
    assert.ok(t.wasmStart < t.glueEnd, 'the wasm is requested while the glue is still on its way');
    assert.ok(t.wasmStart - t.loader < 100, 'right after the loader ran');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  // Broken build: calling compileStreaming on any response rejects with "Incorrect response
  // MIME type" and the widget stays on its fallback.
  test('a wrong Content-Type for the wasm: one warning naming it, and the widget still loads', async () => {
    const page = await host('<lower-back-map id="m"></lower-back-map>', {
      ready: false,
      route: (p) => p.route(/\.wasm$/, async (r) => {
        const response = await r.fetch();
        r.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
      }),
    });
    await allReady(page);
    const warned = page.warnings.filter((w) => /Content-Type/.test(w));
    assert.equal(warned.length, 1, JSON.stringify(page.warnings));
    assert.match(warned[0], /"application\/octet-stream", not "application\/wasm"/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  const expectFallback = async (page) => {
    const deadline = Date.now() + 4000;
    while (!page.problems.some((p) => /lower-back-map/.test(p)) && Date.now() < deadline) await page.waitForTimeout(50);
    assert.ok(page.problems.some((p) => /^console error: lower-back-map: .*could not load, so the fallback content stays/.test(p)), JSON.stringify(page.problems));
    assert.equal(await page.evaluate(() => document.querySelector('lower-back-map').shadowRoot), null);
    assert.ok(await page.locator('lower-back-map > a').isVisible());
  };

  // Broken build: attaching the shadow root in connectedCallback before the wasm is ready
  // hides the link: the visibility check fails.
  test('wasm 404: the fallback link stays and the console says why', async () => {
    const page = await host('<lower-back-map><a href="#book">Book a session</a></lower-back-map>', {
      ready: false, route: (p) => p.route(/\.wasm$/, (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })),
    });
    await expectFallback(page);
    await page.close();
  });

  test("a CSP without 'wasm-unsafe-eval': the fallback link stays and the console says why", async () => {
    const head = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'">`;
    const page = await host('<lower-back-map><a href="#book">Book a session</a></lower-back-map>', { head, ready: false });
    await expectFallback(page);
    await page.close();
  });
});
