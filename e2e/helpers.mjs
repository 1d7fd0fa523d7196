// Page-level helpers shared by the end-to-end tests.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { launchChromium, serve } from './browser.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page: WCAG 2.2 AA plus best practice, with target-size on. */
export async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      rules: { 'target-size': { enabled: true } },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

/** One server and one browser for a whole test file. */
export async function setup() {
  const server = await serve();
  const browser = await launchChromium();
  return { server, browser, close: async () => { await browser.close(); server.stop(); } };
}

/**
 * Records everything a page says: page.problems (page errors, console errors, dialogs, which a
 * test expects to stay empty), page.warnings (console warnings) and page.messages (all of them).
 */
export function watch(page) {
  Object.assign(page, { problems: [], warnings: [], messages: [] });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { page.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on('console', (m) => {
    page.messages.push({ type: m.type(), text: m.text() });
    if (m.type() === 'error') page.problems.push(`console error: ${m.text()}`);
    if (m.type() === 'warning') page.warnings.push(m.text());
  });
  return page;
}

/** Opens a page and fails the test on any page error or console error. */
export async function open(browser, url, options = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.problems = problems;
  await page.goto(url);
  await page.locator('lower-back-map .region').first().waitFor();
  return page;
}

export const TARGETS = ['ql-left', 'ql-right', 'si-joint-left', 'si-joint-right', 'glutes-left', 'glutes-right', 'psoas-both'];

/** Text without the bidi isolates (U+2068 … U+2069) the widget puts around filled-in values. */
export const plain = (text) => text?.replace(/[\u2068\u2069]/g, '');

/** The widget's visible panel heading (isolates removed, see plain()) and booking link. */
export async function panel(page, widget = 'lower-back-map') {
  const active = page.locator(`${widget} .panel.is-active`);
  return {
    heading: plain(await active.locator('h2').textContent()),
    href: await active.locator('a.book').getAttribute('href'),
  };
}
