// temporary: main-thread breakdown of first load (not committed)
import { launchChromium } from '../e2e/browser.mjs';
import { cdn } from './cdn.mjs';
process.chdir(new URL('..', import.meta.url).pathname);
const server = await cdn('.');
const browser = await launchChromium();
const pages = { plain: '/bench/plain/', widget: '/bench/snippet/' };
const N = Number(process.env.N || 5);
function probe() {
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
const agg = {};
for (let i = 0; i < N; i++) for (const [name, path] of Object.entries(pages)) {
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await ctx.newPage();
  await page.addInitScript(probe);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'blink.user_timing,loading,devtools.timeline,v8.execute,disabled-by-default-devtools.timeline,blink.user_timing,v8.wasm,disabled-by-default-v8.wasm.detailed', transferMode: 'ReportEvents' });
  await page.goto(server.url.replace(/\/$/, '') + path, { waitUntil: 'commit' });
  const frame = await page.evaluate(() => window.__firstFrame);
  const nav = await page.evaluate(() => performance.timeOrigin);
  const files = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), e.startTime|0, e.requestStart|0, e.responseStart|0, e.responseEnd|0].join(' ')));
  if (i === 0) console.log(name, files);
  await cdp.send('Tracing.end'); await done;
  // main thread of renderer: find the thread with 'CrRendererMain'
  const names = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tids = new Set(names.map((e) => e.pid + ':' + e.tid));
  const ns = events.filter((e) => e.name === 'navigationStart' && tids.has(e.pid + ':' + e.tid)).map((e) => e.ts); const t0 = ns.length ? Math.max(...ns) : 0; if (!ns.length) console.log('no navstart'); const t1 = t0 + frame * 1000;
  const sums = {};
  for (const e of events) {
    if (!tids.has(e.pid + ':' + e.tid) || e.ph !== 'X' || e.ts < t0 || e.ts > t1) continue;
    const k = e.name;
    sums[k] = (sums[k] || 0) + (e.dur || 0) / 1000;
    if (process.env.SHOW && e.dur > 2500 && k !== 'RunTask' && name === 'widget' && i === 0) console.log(name, k, ((e.ts - t0)/1000).toFixed(1), (e.dur/1000).toFixed(1), JSON.stringify(e.args).slice(0,200));
  }
  agg[name] ??= []; agg[name].push({ frame, sums });
  await ctx.close();
}
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };
for (const [name, runs] of Object.entries(agg)) {
  console.log(name, 'frame', med(runs.map((r) => r.frame)).toFixed(0));
  const keys = new Set(runs.flatMap((r) => Object.keys(r.sums)));
  const rows = [...keys].map((k) => [k, med(runs.map((r) => r.sums[k] || 0))]).filter(([, v]) => v > 1).sort((a, b) => b[1] - a[1]);
  for (const [k, v] of rows.slice(0, 25)) console.log('  ', k.padEnd(40), v.toFixed(1));
}
await browser.close(); await server.stop();
