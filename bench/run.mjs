// Benchmark of the widget against a hand-written static baseline and a hand-written plain-JS
// custom element: sizes, first frame with a region painted (localhost and slow 4G, from a
// CDN-like server), time to a clickable map, click to panel, memory over 1,000 selections, and a
// Lighthouse run on the clinic page. Prints figures, not pass/fail; writes bench/results/latest.json.
//   scripts/build.sh web && node bench/run.mjs      (BENCH_RUNS=15 loads per page by default, at least 7;
//   BENCH_LOAD_RUNS=9 loads per page and network for the first-frame section; BENCH_ONLY=load runs only that,
//   BENCH_ONLY=speed only the clicks)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { launchChromium, serve, CHROMIUM_ARGS } from '../e2e/browser.mjs';
import { measure } from './size.mjs';
import { cdn } from './cdn.mjs';

const RUNS = Math.max(7, Number(process.env.BENCH_RUNS) || 15);
const SELECTIONS = 1000;
const CPU_SLOWDOWN = 4;
const VIEWPORT = { width: 412, height: 823 }; // Lighthouse's mobile screen
const TARGETS = ['ql-left', 'ql-right', 'si-joint-left', 'si-joint-right', 'glutes-left', 'glutes-right', 'psoas-both'];
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const LOAD_RUNS = Math.max(3, Number(process.env.BENCH_LOAD_RUNS) || 9);
// Chromium's network emulation: the latency is added to every request.
const NETWORKS = {
  localhost: null,
  'slow 4G': { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
};
// Bare host pages on the CDN-like server. The headline case is the two-line snippet without
// preload hints (files from dist/); the clinic page with its hints is shown beside it.
const LOAD_PAGES = {
  static: '/bench/baseline/',
  plain: '/bench/plain/',
  widget: '/bench/snippet/',
  'clinic page': '/www/index.html',
};

// ---- what runs inside every page -----------------------------------------------------------

// Installed before any page script. Records when map-ready fires, captures the wasm memory, and
// offers click(key), which times one selection.
function pageProbe() {
  const bench = (window.__bench = { ready: null, memory: null });
  bench.readyPromise = new Promise((resolve) => {
    window.addEventListener('map-ready', () => {
      if (bench.ready == null) bench.ready = performance.now(); // ms since navigation start
      resolve(bench.ready);
    }, { capture: true });
  });

  // Keep the wasm instance's memory, whichever way the glue instantiates it.
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
    if (instance?.exports?.memory instanceof WebAssembly.Memory) bench.memory = instance.exports.memory;
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (original) WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
  }
  bench.wasmBytes = () => bench.memory?.buffer.byteLength ?? null;

  bench.root = () => document.querySelector('lower-back-map')?.shadowRoot ?? document;
  bench.heading = () => bench.root().querySelector('.panel.is-active h2')?.textContent;
  bench.select = (key) => bench.root().querySelector(`[data-target="${key}"]`)
    .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, view: window }));

  // A message posted now is handled after the current task; posted from a rAF callback, that is
  // after the style, layout and paint of the frame.
  const afterFrame = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  });

  // Clicks at the start of a frame, so no time is spent waiting for vsync. Resolves to
  // { text: ms until the heading changed, frame: ms until that frame was rendered }.
  bench.click = (key) => new Promise((resolve, reject) => {
    const before = bench.heading();
    requestAnimationFrame(() => {
      const t0 = performance.now();
      bench.select(key);
      if (bench.heading() !== before) {
        const text = performance.now() - t0;
        afterFrame().then((t) => resolve({ text, frame: t - t0 }));
        return;
      }
      // Not changed synchronously: wait for the DOM change, then for the next frame.
      const timer = setTimeout(() => reject(new Error(`heading did not change after clicking ${key}`)), 5000);
      const observer = new MutationObserver(() => {
        if (bench.heading() === before) return;
        const text = performance.now() - t0;
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => afterFrame().then((t) => resolve({ text, frame: t - t0 })));
      });
      observer.observe(bench.root(), { subtree: true, childList: true, characterData: true, attributes: true });
    });
  });
}

// ---- small helpers -------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (v) => (v == null ? 'n/a' : `${v.toFixed(1)} ms`);
const kb = (n) => (n == null ? 'n/a' : `${(n / 1024).toFixed(1)} KB`);
const mb = (n) => (n == null ? 'n/a' : `${(n / 1048576).toFixed(2)} MB`);
const signed = (n, f) => (n == null ? 'n/a' : `${n >= 0 ? '+' : '-'}${f(Math.abs(n))}`);
const ratio = (a, b) => (a != null && b ? a / b : null);
const x = (r) => (r == null ? 'n/a' : `${r.toFixed(1)}x`);
const row = (label, ...cells) => console.log(`  ${label.padEnd(30)}${cells.map((c) => String(c).padStart(14)).join('')}`);
const section = (title) => console.log(`\n== ${title}`);

function withTimeout(promise, seconds, what) {
  let timer;
  const limit = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took over ${seconds} s`)), seconds * 1000); });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function environment() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? 'unknown';
  const version = (name) => createRequire(import.meta.url)(`${name}/package.json`).version;
  return {
    date: new Date().toISOString(),
    machine: execFileSync('uname', ['-m'], { encoding: 'utf8' }).trim(),
    cpu,
    cpus: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
    loadAverage: loadavg().map((v) => Number(v.toFixed(2))), // other work on the machine makes times noisy
    node: process.version,
    chromium: null, // filled in once the browser runs
    playwrightCore: version('playwright-core'),
    lighthouse: version('lighthouse'),
  };
}

// ---- 1. size -------------------------------------------------------------------------------

function sizes() {
  section('size (what a visitor downloads for the widget)');
  const rows = measure();
  row('file', 'raw', 'gzip', 'brotli');
  for (const r of rows) row(r.name, kb(r.raw), kb(r.gzip), kb(r.brotli));
  const baseline = measure({
    'baseline.js': 'bench/baseline/baseline.js',
    'baseline.css': 'bench/baseline/baseline.css',
    'baseline.html': 'bench/baseline/index.html',
  });
  for (const r of baseline) row(`baseline ${r.name}`, kb(r.raw), kb(r.gzip), kb(r.brotli));
  return { widget: rows, baseline };
}

// ---- 2. speed ------------------------------------------------------------------------------

/** A fresh context (empty cache) and page with the probe and the CPU slowed down. */
async function freshPage(browser, slowdown) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`); });
  await page.addInitScript(pageProbe);
  const cdp = await context.newCDPSession(page);
  if (slowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  return { page, cdp, errors, close: () => context.close() };
}

async function waitReady(page) {
  return withTimeout(page.evaluate(() => window.__bench.readyPromise), 30, 'map-ready');
}

/** Lets the page go quiet after load: two frames and a short pause. */
function settle(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
}

/** One fresh load: time to map-ready, then one click on each region in turn. */
async function oneLoad(browser, url) {
  const p = await freshPage(browser, CPU_SLOWDOWN);
  try {
    await p.page.goto(url);
    const ready = await waitReady(p.page);
    await settle(p.page);
    const clicks = [];
    for (const key of TARGETS) clicks.push(await p.page.evaluate((k) => window.__bench.click(k), key));
    if (p.errors.length) throw new Error(`errors on ${url}: ${p.errors.join('; ')}`);
    return { ready, clicks };
  } finally {
    await p.close();
  }
}

async function speed(browser, pages) {
  section(`speed (headless Chromium, CPU ${CPU_SLOWDOWN}x slower, median of ${RUNS} fresh loads, viewport ${VIEWPORT.width}x${VIEWPORT.height})`);
  const loads = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
  for (const url of Object.values(pages)) await oneLoad(browser, url); // warm-up, not counted
  // Alternate the pages so that any drift of the machine hits both alike.
  for (let i = 0; i < RUNS; i++) {
    for (const [name, url] of Object.entries(pages)) loads[name].push(await oneLoad(browser, url));
  }
  const result = {};
  for (const [name, runs] of Object.entries(loads)) {
    const all = runs.flatMap((r) => r.clicks);
    result[name] = {
      readyMs: median(runs.map((r) => r.ready)),
      firstClickTextMs: median(runs.map((r) => r.clicks[0].text)),
      firstClickFrameMs: median(runs.map((r) => r.clicks[0].frame)),
      clickTextMs: median(all.map((c) => c.text)),
      clickFrameMs: median(all.map((c) => c.frame)),
      samples: { ready: runs.map((r) => r.ready), clicks: runs.map((r) => r.clicks) },
    };
  }
  const { widget: w, baseline: b } = result;
  result.ratios = {
    ready: ratio(w.readyMs, b.readyMs),
    firstClickFrame: ratio(w.firstClickFrameMs, b.firstClickFrameMs),
    clickText: ratio(w.clickTextMs, b.clickTextMs),
    clickFrame: ratio(w.clickFrameMs, b.clickFrameMs),
  };
  row('', 'widget', 'baseline', 'widget/base');
  row('navigation -> map-ready', ms(w.readyMs), ms(b.readyMs), x(result.ratios.ready));
  row('first click -> text changed', ms(w.firstClickTextMs), ms(b.firstClickTextMs), x(ratio(w.firstClickTextMs, b.firstClickTextMs)));
  row('first click -> frame drawn', ms(w.firstClickFrameMs), ms(b.firstClickFrameMs), x(result.ratios.firstClickFrame));
  row(`any click -> text changed`, ms(w.clickTextMs), ms(b.clickTextMs), x(result.ratios.clickText));
  row(`any click -> frame drawn`, ms(w.clickFrameMs), ms(b.clickFrameMs), x(result.ratios.clickFrame));
  console.log(`  (map-ready runs: widget ${w.samples.ready.map((v) => v.toFixed(0)).join(' ')}; baseline ${b.samples.ready.map((v) => v.toFixed(0)).join(' ')} ms)`);
  if (result.clinic) console.log(`  (the clinic page www/index.html, with its text and styles: map-ready ${ms(result.clinic.readyMs)}, any click -> frame ${ms(result.clinic.clickFrameMs)})`);
  console.log(`  ("any click" = all ${TARGETS.length} clicks of every load; "frame drawn" includes style, layout and paint)`);
  return result;
}

// ---- 3. first frame with a region painted ---------------------------------------------------

// Installed before any page script: resolves __firstFrame with the time at which the first frame
// that holds a region with a size has been produced. The check runs in requestAnimationFrame
// (before that frame's style, layout and paint); the time is taken in a task queued from there,
// which runs after the frame.
function framePROBE() {
  window.__firstFrame = new Promise((resolve) => {
    const tick = () => {
      const host = document.querySelector('lower-back-map, plain-map');
      const region = (host?.shadowRoot ?? document).querySelector('[data-target]');
      if (region && region.getBoundingClientRect().width > 0) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function oneFirstFrame(browser, url, network) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(framePROBE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
    }
    await page.goto(url, { waitUntil: 'commit' });
    const frame = await withTimeout(page.evaluate(() => window.__firstFrame), 60, `first frame of ${url}`);
    const files = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => /\.(js|wasm)$/.test(e.name)).map((e) => ({ name: e.name.split('/').pop(), start: e.startTime, end: e.responseEnd, bytes: e.transferSize })));
    if (errors.length) throw new Error(`errors on ${url}: ${errors.join('; ')}`);
    return { frame, files };
  } finally {
    await context.close();
  }
}

async function firstFrames(browser, origin) {
  const result = {};
  for (const [network, conditions] of Object.entries(NETWORKS)) {
    section(`first frame with a region painted, ${network}${conditions ? ' (150 ms latency, 1.6 Mbit/s down)' : ''}: CDN-like server (gzip, keep-alive), CPU ${CPU_SLOWDOWN}x slower, median of ${LOAD_RUNS} alternating loads`);
    const loads = Object.fromEntries(Object.keys(LOAD_PAGES).map((name) => [name, []]));
    for (const path of Object.values(LOAD_PAGES)) await oneFirstFrame(browser, origin + path, conditions); // warm-up
    for (let i = 0; i < LOAD_RUNS; i++) {
      for (const [name, path] of Object.entries(LOAD_PAGES)) loads[name].push(await oneFirstFrame(browser, origin + path, conditions));
    }
    const med = Object.fromEntries(Object.entries(loads).map(([name, runs]) => [name, median(runs.map((r) => r.frame))]));
    row('', 'first frame', 'x plain', 'x static');
    for (const name of Object.keys(LOAD_PAGES)) row(name, ms(med[name]), x(ratio(med[name], med.plain)), x(ratio(med[name], med.static)));
    for (const name of ['widget', 'clinic page']) {
      const parts = [['loader', 'lower-back-map.js'], ['glue', /^(lower-back-map\.[0-9a-f]{8}|lower_back_map)\.js$/], ['wasm', '.wasm']];
      const spans = parts.map(([label, file]) => {
        const match = (f) => (typeof file === 'string' ? f.name.endsWith(file) || f.name.includes(file) : file.test(f.name));
        const pick = (key) => median(loads[name].map((r) => r.files.find(match)?.[key]).filter((v) => v != null));
        // dist/'s loader has the glue in it (scripts/merge-glue.mjs): no request of its own.
        if (!loads[name].some((r) => r.files.some(match))) return `${label} in the loader`;
        return `${label} ${pick('start')?.toFixed(0)}-${pick('end')?.toFixed(0)}`;
      });
      console.log(`  (${name} files, ms after navigation start: ${spans.join(', ')})`);
    }
    result[network] = { medians: med, ratios: { plain: ratio(med.widget, med.plain), static: ratio(med.widget, med.static) }, samples: Object.fromEntries(Object.entries(loads).map(([n, r]) => [n, r.map((l) => l.frame)])) };
  }
  const l = result.localhost.ratios.plain;
  const s4 = result['slow 4G'].ratios.plain;
  console.log(`  widget / plain-JS element: localhost ${x(l)} (target 1.3x), slow 4G ${x(s4)} (target 1.5x)`);
  return result;
}

// ---- 4. memory -----------------------------------------------------------------------------

async function readMemory(cdp, page) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  return {
    wasmBytes: await page.evaluate(() => window.__bench.wasmBytes()),
    jsHeapUsed: heap.usedSize,
    jsHeapTotal: heap.totalSize,
    domNodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
  };
}

/** Memory after load and after SELECTIONS clicks cycling through the regions (no slowdown). */
async function memoryOf(browser, url) {
  const p = await freshPage(browser, 1);
  try {
    await p.cdp.send('Performance.enable');
    await p.page.goto(url);
    await waitReady(p.page);
    await settle(p.page);
    const selectMany = async () => {
      await p.page.evaluate(async ({ targets, n }) => {
        for (let i = 0; i < n; i++) {
          window.__bench.select(targets[i % targets.length]);
          if (i % 50 === 49) await new Promise((r) => requestAnimationFrame(r)); // let frames happen
        }
      }, { targets: TARGETS, n: SELECTIONS });
      await settle(p.page);
      return readMemory(p.cdp, p.page);
    };
    const before = await readMemory(p.cdp, p.page);
    const after = await selectMany();
    // A second round shows whether memory keeps growing once caches and JIT have warmed up.
    const again = await selectMany();
    const crossOriginIsolated = await p.page.evaluate(() => self.crossOriginIsolated);
    if (p.errors.length) throw new Error(`errors on ${url}: ${p.errors.join('; ')}`);
    return { before, after, again, crossOriginIsolated };
  } finally {
    await p.close();
  }
}

async function memory(browser, pages) {
  section(`memory (after load, after ${SELECTIONS} and after ${2 * SELECTIONS} selections, GC forced before each reading)`);
  const result = {};
  for (const [name, url] of Object.entries(pages)) result[name] = await memoryOf(browser, url);
  const growth = (name, key) => result[name].again[key] - result[name].after[key];
  row('', 'after load', `after ${SELECTIONS}`, `after ${2 * SELECTIONS}`, 'last growth');
  for (const name of Object.keys(pages)) {
    const { before, after, again } = result[name];
    if (before.wasmBytes != null) row(`${name}: wasm linear memory`, kb(before.wasmBytes), kb(after.wasmBytes), kb(again.wasmBytes), signed(growth(name, 'wasmBytes'), kb));
    row(`${name}: JS heap used`, kb(before.jsHeapUsed), kb(after.jsHeapUsed), kb(again.jsHeapUsed), signed(growth(name, 'jsHeapUsed'), kb));
    row(`${name}: DOM nodes`, before.domNodes, after.domNodes, again.domNodes, signed(growth(name, 'domNodes'), String));
    row(`${name}: JS event listeners`, before.listeners, after.listeners, again.listeners, signed(growth(name, 'listeners'), String));
  }
  if (!result.widget.crossOriginIsolated) {
    console.log('  (performance.measureUserAgentSpecificMemory needs cross-origin isolation, which the server does not set; read via CDP instead)');
  }
  return result;
}

// ---- 5. Lighthouse -------------------------------------------------------------------------

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  FCP: 'first-contentful-paint', LCP: 'largest-contentful-paint', TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift', 'Speed Index': 'speed-index',
};

/** Audits in the four categories that did not get full marks. */
function shortfalls(lhr) {
  const ids = new Set(CATEGORIES.flatMap((c) => lhr.categories[c].auditRefs.map((r) => r.id)));
  return [...ids].map((id) => lhr.audits[id])
    .filter((a) => a && typeof a.score === 'number' && a.score < 1 && !['informative', 'manual', 'notApplicable'].includes(a.scoreDisplayMode))
    .map((a) => ({ id: a.id, score: a.score, title: a.title, displayValue: a.displayValue ?? '', details: detailOf(a) }));
}

/** The gist of an audit's details: the URLs it names, or the checks that failed. */
function detailOf(audit) {
  const d = audit.details ?? {};
  if (d.type === 'checklist') return Object.values(d.items).filter((i) => !i.value).map((i) => i.label);
  if (audit.id === 'network-dependency-tree-insight') {
    const chain = [];
    for (let node = Object.values(d.items?.[0]?.value?.chains ?? {})[0]; node; node = Object.values(node.children ?? {}).find((c) => c.isLongest)) {
      chain.push(`${new URL(node.url).pathname} (${node.navStartToEndTime} ms)`);
    }
    return chain.length ? [`longest chain: ${chain.join(' -> ')}`] : [];
  }
  return (Array.isArray(d.items) ? d.items : []).filter((i) => typeof i.url === 'string').map((i) => {
    const cost = i.wastedBytes != null ? `${Math.round(i.wastedBytes / 1024)} KiB` : i.wastedMs != null ? `${Math.round(i.wastedMs)} ms` : '';
    return `${new URL(i.url).pathname}${cost ? ` (${cost})` : ''}`;
  });
}

async function lighthouseRun(url) {
  section('Lighthouse (default config: mobile, simulated throttling) on www/index.html');
  const major = Number(process.versions.node.split('.')[0]);
  let chrome;
  try {
    const { default: lighthouse } = await import('lighthouse');
    const chromeLauncher = await import('chrome-launcher');
    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
    const run = await withTimeout(lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }), 180, 'Lighthouse');
    const lhr = run.lhr;
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c].score == null ? null : Math.round(lhr.categories[c].score * 100)]));
    const metrics = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, { value: lhr.audits[id].numericValue, display: lhr.audits[id].displayValue }]));
    const misses = shortfalls(lhr);
    for (const c of CATEGORIES) row(c, scores[c] ?? 'n/a');
    for (const [k, m] of Object.entries(metrics)) row(k, m.display);
    if (misses.length) {
      console.log('  audits below full marks:');
      for (const a of misses) {
        console.log(`    ${a.id} (score ${a.score}): ${a.title}${a.displayValue ? `, ${a.displayValue}` : ''}`);
        if (a.details.length) console.log(`      ${a.details.join('; ')}`);
      }
    } else {
      console.log('  every scored audit passed');
    }
    if (major < 22) console.log(`  (note: lighthouse ${lhr.lighthouseVersion} declares node >=22.19; it ran on node ${process.version} here)`);
    return { ok: true, version: lhr.lighthouseVersion, scores, metrics, shortfalls: misses, warnings: lhr.runWarnings };
  } catch (e) {
    const why = `${e.message}${major < 22 ? ` (lighthouse 13 declares node >=22.19; this is node ${process.version})` : ''}`;
    console.log(`  Lighthouse could not run: ${why}`);
    return { ok: false, error: why };
  } finally {
    await chrome?.kill();
  }
}

// ---- 6. summary and JSON -------------------------------------------------------------------

function summary(env, size, speedResult, mem, lh) {
  const total = size.widget.find((r) => r.name === 'total');
  const baseTotal = size.baseline.find((r) => r.name === 'total');
  const w = speedResult.widget;
  const b = speedResult.baseline;
  const wm = mem.widget;
  section(`summary (${env.date.slice(0, 10)}, ${env.machine}, ${env.cpu} x${env.cpus}, node ${env.node}, Chromium ${env.chromium})`);
  console.log(`  size          widget ${kb(total.gzip)} gzip / ${kb(total.brotli)} brotli; baseline page ${kb(baseTotal.gzip)} gzip`);
  console.log(`  map-ready     widget ${ms(w.readyMs)}, baseline ${ms(b.readyMs)} (${x(speedResult.ratios.ready)}), CPU ${CPU_SLOWDOWN}x slower`);
  console.log(`  click->frame  widget ${ms(w.clickFrameMs)}, baseline ${ms(b.clickFrameMs)} (${x(speedResult.ratios.clickFrame)}); first click ${ms(w.firstClickFrameMs)} vs ${ms(b.firstClickFrameMs)} (${x(speedResult.ratios.firstClickFrame)})`);
  console.log(`  click->text   widget ${ms(w.clickTextMs)}, baseline ${ms(b.clickTextMs)} (${x(speedResult.ratios.clickText)})`);
  console.log(`  memory        wasm ${kb(wm.before.wasmBytes)} -> ${kb(wm.after.wasmBytes)} -> ${kb(wm.again.wasmBytes)}, JS heap ${mb(wm.before.jsHeapUsed)} -> ${mb(wm.after.jsHeapUsed)} -> ${mb(wm.again.jsHeapUsed)} (load, ${SELECTIONS}, ${2 * SELECTIONS} selections)`);
  if (lh.ok) {
    const m = lh.metrics;
    console.log(`  lighthouse    ${CATEGORIES.map((c) => `${c} ${lh.scores[c]}`).join(', ')}`);
    console.log(`                FCP ${m.FCP.display}, LCP ${m.LCP.display}, TBT ${m.TBT.display}, CLS ${m.CLS.display}, SI ${m['Speed Index'].display}`);
  } else {
    console.log(`  lighthouse    did not run: ${lh.error}`);
  }
}

function save(results) {
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwrote bench/results/latest.json');
}

// ---- main ----------------------------------------------------------------------------------

async function main() {
  process.chdir(new URL('..', import.meta.url).pathname);
  const env = environment();
  const cleanups = [];
  const cleanup = async () => { while (cleanups.length) await cleanups.pop()().catch(() => {}); };
  // Servers are child processes: stop them even if node exits abruptly.
  process.on('exit', () => { for (const f of cleanups) f(); });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cleanup().then(() => process.exit(130)));

  if (env.loadAverage[0] > env.cpus / 2) {
    console.log(`note: load average ${env.loadAverage[0]} on ${env.cpus} cores at the start; other work makes the times noisy`);
  }
  try {
    const size = sizes();
    // The headline page loads the files a CDN would serve: package www/pkg into dist/.
    execFileSync('bash', ['scripts/dist.sh', '--no-build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const server = await cdn('.');
    cleanups.push(() => server.stop());
    if (process.env.BENCH_ONLY === 'load') {
      const browser = await launchChromium();
      cleanups.push(() => browser.close());
      env.chromium = browser.version();
      const frames = await firstFrames(browser, server.url.replace(/\/$/, ''));
      save({ environment: env, settings: { loadRuns: LOAD_RUNS, cpuSlowdown: CPU_SLOWDOWN, networks: NETWORKS }, size, firstFrames: frames });
      return;
    }
    // Cross-origin isolated, so clicks are timed in 5 us steps, not 100 us (scripts/serve.mjs).
    const www = await serve('www', ['--isolate']);
    cleanups.push(async () => www.stop());
    const base = await serve('bench/baseline', ['--isolate']);
    cleanups.push(async () => base.stop());
    const root = await serve('.', ['--isolate']);
    cleanups.push(async () => root.stop());
    // The widget on a page as bare as the baseline's, compared with it; the clinic page for context.
    const pages = { widget: `${root.url}bench/widget/`, baseline: base.url, clinic: www.url };

    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    env.chromium = browser.version();
    if (process.env.BENCH_ONLY === 'speed') {
      await speed(browser, pages);
      return;
    }
    const frames = await firstFrames(browser, server.url.replace(/\/$/, ''));
    const speedResult = await speed(browser, pages);
    const mem = await memory(browser, { widget: pages.widget, baseline: pages.baseline });
    await cleanups.pop()(); // close this browser before Lighthouse starts its own

    const lh = await lighthouseRun(www.url);
    summary(env, size, speedResult, mem, lh);
    save({ environment: env, settings: { runs: RUNS, loadRuns: LOAD_RUNS, cpuSlowdown: CPU_SLOWDOWN, viewport: VIEWPORT, selections: SELECTIONS, networks: NETWORKS }, size, firstFrames: frames, speed: speedResult, memory: mem, lighthouse: lh });
  } finally {
    await cleanup();
  }
}

main().catch((e) => {
  console.error(`bench failed: ${e.stack || e}`);
  process.exitCode = 1;
});
