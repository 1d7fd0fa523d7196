import { setup, open } from './helpers.mjs';
const env = await setup();
const page = await open(env.browser, env.server.url);
await page.getByRole('checkbox', { name: /deep ache/ }).check();
await page.getByRole('checkbox', { name: /tires/ }).check();
console.log(await page.evaluate(() => { const r = document.querySelector('lower-back-map').shadowRoot; const o = r.querySelector('.opens'); return [getComputedStyle(o).display, o.outerHTML.slice(0, 300), [...o.children].map(b => getComputedStyle(b).display + ' ' + b.getBoundingClientRect().width)]; }));
await env.close();
