// temporary experiment: first frame with extra CSS injected into the widget's shadow root
import { launchChromium } from '../e2e/browser.mjs';
import { cdn } from './cdn.mjs';
process.chdir(new URL('..', import.meta.url).pathname);
const server = await cdn('.');
const browser = await launchChromium();
const VARIANTS = JSON.parse(process.env.VARIANTS);
const N = Number(process.env.N || 11);
function probe(css) {
  const desc = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets');
  Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
    get() { return desc.get.call(this); },
    set(v) { const s = new CSSStyleSheet(); s.replaceSync(css); desc.set.call(this, [...v, s]); },
  });
  window.__firstFrame = new Promise((resolve) => {
    const tick = () => {
      const host = document.querySelector('lower-back-map, plain-map');
      const region = (host?.shadowRoot ?? document).querySelector('[data-target]');
      if (region && region.getBoundingClientRect().width > 0) {
        const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now()); c.port2.postMessage(0); return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
const res = Object.fromEntries(Object.keys(VARIANTS).map((k) => [k, []]));
for (let i = -1; i < N; i++) for (const [name, css] of Object.entries(VARIANTS)) {
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await ctx.newPage();
  await page.addInitScript(probe, css);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(server.url + (process.env.PAGE || 'bench/snippet/'), { waitUntil: 'commit' });
  const f = await page.evaluate(() => window.__firstFrame);
  if (i >= 0) res[name].push(f);
  await ctx.close();
}
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(20), med(v).toFixed(1), v.map((x) => x | 0).join(' '));
await browser.close(); await server.stop();
