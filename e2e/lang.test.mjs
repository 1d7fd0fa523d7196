// Built-in languages: every text pack (www/lower-back-map.<code>.json) covers every key of the
// content model with a non-empty string, and the loader fetches a pack only for an element or
// page in that language; config strings still win.
//
// Keys and English defaults come from src/content.rs, never from the widget's own output.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { setup, plain, watch } from './helpers.mjs';

const CONTENT_RS = readFileSync('src/content.rs', 'utf8');
const rustString = (s) => JSON.parse(`"${s}"`);
const uiBlock = CONTENT_RS.slice(CONTENT_RS.indexOf('Ui, UI_TEXT {'), CONTENT_RS.indexOf('\n}', CONTENT_RS.indexOf('Ui, UI_TEXT {')));
const UI = Object.fromEntries([...uiBlock.matchAll(/^\s*\w+ = "(\w+)": "((?:[^"\\]|\\.)*)",$/gm)].map(([, k, v]) => [k, rustString(v)]));
const REGION_FIELDS = [...CONTENT_RS.match(/pub const REGION_FIELDS: \[&str; \d+\] = \[([^\]]*)\];/)[1].matchAll(/"(\w+)"/g)].map((m) => m[1]);
const REGION_IDS = ['ql', 'si-joint', 'glutes', 'psoas'];
const STRETCH_COUNT = CONTENT_RS.match(/pub const STRETCH_STEPS: \[&str; (\d+)\]/)[1] * 1;
const PACK_FILES = readdirSync('www').filter((f) => /^lower-back-map\.[a-z]{2,3}\.json$/.test(f));
const LOADER = readFileSync('www/lower-back-map.js', 'utf8');

// ---------------------------------------------------------------------------------------------
describe('text packs: adding a language is one JSON file', () => {
  test('the keys were read from src/content.rs', () => {
    assert.ok(Object.keys(UI).length > 25 && UI.therapistNote && UI.title, Object.keys(UI).join());
    assert.equal(REGION_FIELDS.length, 6);
    assert.ok(STRETCH_COUNT >= 2);
    assert.ok(PACK_FILES.includes('lower-back-map.es.json'), PACK_FILES.join());
  });

  // Checked by breaking it once: with "therapistNote" removed from the Spanish pack, and with
  // one string emptied, this test failed naming the key.
  for (const file of PACK_FILES) {
    test(`${file}: every key of the content model, no other key, no empty string, placeholders kept`, () => {
      const pack = JSON.parse(readFileSync(`www/${file}`, 'utf8'));
      assert.deepEqual(Object.keys(pack).sort(), ['regions', 'stretchSteps', 'ui']);
      assert.deepEqual(Object.keys(pack.ui).sort(), Object.keys(UI).sort(), 'ui keys');
      assert.deepEqual(Object.keys(pack.regions).sort(), [...REGION_IDS].sort());
      for (const id of REGION_IDS) assert.deepEqual(Object.keys(pack.regions[id]).sort(), [...REGION_FIELDS].sort(), id);
      assert.equal(pack.stretchSteps.length, STRETCH_COUNT, 'stretch steps');
      const strings = [
        ...Object.entries(pack.ui).map(([k, v]) => [`ui.${k}`, v]),
        ...REGION_IDS.flatMap((id) => REGION_FIELDS.map((k) => [`regions.${id}.${k}`, pack.regions[id][k]])),
        ...pack.stretchSteps.map((v, i) => [`stretchSteps[${i}]`, v]),
      ];
      for (const [key, value] of strings) {
        assert.equal(typeof value, 'string', key);
        assert.ok(value.trim().length > 0, `${key} is empty`);
        assert.equal(value, value.trim(), `${key} has stray spaces`);
      }
      for (const [key, english] of Object.entries(UI)) {
        for (const placeholder of english.match(/\{\w+\}/g) ?? []) assert.ok(pack.ui[key].includes(placeholder), `ui.${key} keeps ${placeholder}`);
      }
    });
  }

  test('the loader lists exactly the packs that exist', () => {
    const listed = JSON.parse(LOADER.match(/const PACKS = (\[[^\]]*\]);/)[1].replace(/'/g, '"'));
    assert.deepEqual(listed.sort(), PACK_FILES.map((f) => f.split('.')[1]).sort());
  });
});

// ---------------------------------------------------------------------------------------------
describe('lang on the element or the page', () => {
  const ES = JSON.parse(readFileSync('www/lower-back-map.es.json', 'utf8'));
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.close(); });

  /** A host page; records warnings, errors and every request for a text pack. */
  async function host(body, { htmlLang = 'en', name = 'lang' } = {}) {
    const page = watch(await env.browser.newPage({ viewport: { width: 1280, height: 900 } }));
    page.packs = [];
    page.on('request', (r) => { if (r.url().endsWith('.json')) page.packs.push(new URL(r.url()).pathname); });
    const path = `/test/${name}.html`;
    const html = `<!doctype html><html lang="${htmlLang}"><head><meta charset="utf-8"><title>${name}</title>
<script type="module" src="/lower-back-map.js"></script></head><body>${body}<section id="book"></section></body></html>`;
    await page.route((url) => url.pathname === path, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(new URL(path, env.server.url).href);
    await page.waitForFunction(() => [...document.querySelectorAll('lower-back-map')].every((el) => el.shadowRoot?.querySelector('.region')));
    return page;
  }
  const title = (page, sel = 'lower-back-map') => page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('h2').textContent, sel);
  const label = (page, target, sel = 'lower-back-map') => page.evaluate(([sel, t]) => document.querySelector(sel).shadowRoot.querySelector(`[data-target="${t}"]`).getAttribute('aria-label'), [sel, target]).then(plain);

  test('an English page fetches no pack and shows English', async () => {
    const page = await host('<lower-back-map></lower-back-map>');
    assert.equal(await title(page), UI.title);
    assert.deepEqual(page.packs, []);
    assert.deepEqual([page.problems, page.warnings], [[], []]);
    await page.close();
  });

  for (const [what, body, htmlLang] of [
    ['lang="es" on the element', '<lower-back-map lang="es"></lower-back-map>', 'en'],
    ['<html lang="es">', '<lower-back-map></lower-back-map>', 'es'],
    ['<html lang="es-MX">', '<lower-back-map></lower-back-map>', 'es-MX'],
  ]) {
    test(`${what}: Spanish, with the pack fetched once`, async () => {
      const page = await host(body, { htmlLang });
      assert.equal(await title(page), ES.ui.title);
      assert.equal(await label(page, 'ql-left'), ES.ui.regionLabel.replace('{name}', ES.regions.ql.name).replace('{side}', ES.ui.leftSide));
      assert.deepEqual(page.packs, ['/lower-back-map.es.json']);
      assert.deepEqual([page.problems, page.warnings], [[], []]);
      await page.close();
    });
  }

  test('a Spanish page with an English map (lang="en" on the element) fetches nothing', async () => {
    const page = await host('<lower-back-map lang="en"></lower-back-map>', { htmlLang: 'es' });
    assert.equal(await title(page), UI.title);
    assert.deepEqual(page.packs, []);
    await page.close();
  });

  test('a language without a pack shows English and fetches nothing', async () => {
    const page = await host('<lower-back-map lang="fr"></lower-back-map>');
    assert.equal(await title(page), UI.title);
    assert.deepEqual(page.packs, []);
    await page.close();
  });

  test('config strings still win over the pack, and two Spanish maps share one fetch', async () => {
    const config = JSON.stringify({ ui: { title: '¿Le duele la espalda?' } });
    const page = await host(`<lower-back-map id="a" lang="es"><script type="application/json">${config}</script></lower-back-map>
      <lower-back-map id="b" lang="es" booking-url="https://cal.com/clinica/masaje" booking-provider="calcom"></lower-back-map>`);
    assert.equal(await title(page, '#a'), '¿Le duele la espalda?');
    assert.equal(await label(page, 'psoas-both', '#a'), ES.ui.regionLabel.replace('{name}', ES.regions.psoas.name).replace('{side}', ES.ui.bothSides));
    assert.equal(await title(page, '#b'), ES.ui.title);
    assert.deepEqual(page.packs, ['/lower-back-map.es.json'], 'one request for both maps');
    // The therapist's note is in the pack's language too.
    await page.locator('#b [data-target="ql-left"]').click();
    const href = await page.evaluate(() => document.getElementById('b').bookingHref);
    assert.equal(new URL(href).searchParams.get('notes'), ES.ui.therapistNote.replace('{name}', ES.regions.ql.name).replace('{side}', ES.ui.leftSide));
    await page.close();
  });

  test('changing lang after load switches the language, keeping the selection', async () => {
    const page = await host('<lower-back-map id="m"></lower-back-map>');
    await page.locator('#m [data-target="glutes-right"]').click();
    await page.evaluate(() => document.getElementById('m').setAttribute('lang', 'es'));
    await page.waitForFunction((t) => document.getElementById('m').shadowRoot.querySelector('h2')?.textContent === t, ES.ui.title);
    assert.equal(await page.evaluate(() => document.getElementById('m').selected), 'glutes:right');
    await page.evaluate(() => document.getElementById('m').removeAttribute('lang'));
    await page.waitForFunction((t) => document.getElementById('m').shadowRoot.querySelector('h2')?.textContent === t, UI.title);
    assert.deepEqual([page.problems, page.warnings], [[], []]);
    await page.close();
  });

  test('a pack that cannot load leaves the map in English with one warning', async () => {
    const page = await env.browser.newPage();
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.route((url) => url.pathname === '/lower-back-map.es.json', (route) => route.fulfill({ status: 500, body: 'down' }));
    await page.route((url) => url.pathname === '/test/down.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="es"><head><script type="module" src="/lower-back-map.js"></script></head><body><lower-back-map></lower-back-map><lower-back-map></lower-back-map><section id="book"></section></body></html>' }));
    await page.goto(new URL('/test/down.html', env.server.url).href);
    await page.waitForFunction(() => [...document.querySelectorAll('lower-back-map')].every((el) => el.shadowRoot?.querySelector('.region')));
    assert.equal(await title(page), UI.title);
    assert.equal(warnings.filter((w) => w.includes('text pack')).length, 1, JSON.stringify(warnings));
    await page.close();
  });

  test('dist/ ships the packs next to the loader', () => {
    execFileSync('bash', ['scripts/dist.sh', '--no-build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    for (const f of PACK_FILES) assert.equal(readFileSync(`dist/${f}`, 'utf8'), readFileSync(`www/${f}`, 'utf8'), f);
  });
});

test('embed.html offers the language: the preview turns Spanish and the snippet says lang="es"', async () => {
  const env = await setup();
  try {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${env.server.url}embed.html`);
    await page.waitForFunction(() => document.getElementById('preview').shadowRoot?.querySelector('.region'));
    await page.fill('#booking-url', 'https://clinic.example/reservar');
    await page.selectOption('#lang', 'es');
    const es = JSON.parse(readFileSync('www/lower-back-map.es.json', 'utf8'));
    await page.waitForFunction((t) => document.getElementById('preview').shadowRoot.querySelector('h2')?.textContent === t, es.ui.title);
    assert.match(await page.locator('#snippet').textContent(), /<lower-back-map [^>]*lang="es"/);
    await page.selectOption('#lang', '');
    assert.doesNotMatch(await page.locator('#snippet').textContent(), /lang=/);
    await page.close();
  } finally {
    await env.close();
  }
});
