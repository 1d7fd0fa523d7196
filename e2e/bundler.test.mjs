// The npm package as a bundler user meets it: `npm pack` the package, install the tarball into a
// throwaway app, bundle it with Vite, load the bundle in Chromium, tap a region and see the event;
// and type-check an app against the package's declarations (element, events, React 19 JSX).
// Fails on a broken package: with the loader's './pkg/' paths left in element.js the bundle
// has no wasm (404, fallback stays); with `any` types the @ts-expect-error lines report as unused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, serve } from './browser.mjs';

const ROOT = process.cwd();
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
let app;

before(() => {
  run('bash', ['scripts/package.sh', '--no-build'], ROOT);
  app = mkdtempSync(join(tmpdir(), 'lbm-app-'));
  const tarball = run('npm', ['pack', join(ROOT, 'pkg'), '--pack-destination', app, '--silent'], ROOT).trim().split('\n').pop();
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'clinic-app', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--offline', join(app, tarball)], app);
});
after(() => rmSync(app, { recursive: true, force: true }));

test('the packed package holds only what it declares, with exports for the element and the types', () => {
  const installed = join(app, 'node_modules', 'lower-back-map');
  const files = readdirSync(installed).sort();
  assert.deepEqual(files, ['README.md', 'element.d.ts', 'element.js', 'lower-back-map.es.json', 'lower_back_map.d.ts', 'lower_back_map.js',
    'lower_back_map_bg.wasm', 'package.json', 'react.d.ts']);
  const pkg = JSON.parse(run('node', ['-p', 'JSON.stringify(require("lower-back-map/package.json"))'], app));
  assert.deepEqual(Object.keys(pkg.exports), ['.', './element', './react', './lower_back_map_bg.wasm', './package.json']);
  assert.deepEqual(pkg.sideEffects, ['./element.js']);
});

test('Vite bundles `import "lower-back-map/element"`; in Chromium a tap selects a region and the event arrives', async () => {
  writeFileSync(join(app, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>App</title>
    <script type="module" src="./main.js"></script></head>
    <body><lower-back-map booking-url="https://clinic.example/book"></lower-back-map></body></html>`);
  writeFileSync(join(app, 'main.js'), `import 'lower-back-map/element';
    window.events = [];
    document.querySelector('lower-back-map').addEventListener('region-select', (e) => window.events.push(e.detail));`);
  run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', 'dist'], app);
  const assets = readdirSync(join(app, 'dist', 'assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `Vite emitted the wasm: ${assets.join(', ')}`);

  const server = await serve(resolve(app, 'dist'));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.url);
    const region = page.locator('lower-back-map [data-target="glutes-right"]');
    await region.tap();
    assert.deepEqual(await page.evaluate(() => window.events), [{ region: 'glutes', side: 'right', source: 'pointer' }]);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.stop();
  }
});

test('TypeScript: the element, its methods, events and React 19 JSX are typed, and misuse is caught', () => {
  const types = join(app, 'node_modules', '@types');
  mkdirSync(types, { recursive: true });
  symlinkSync(join(ROOT, 'node_modules', '@types', 'react'), join(types, 'react'), 'dir');
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', lib: ['esnext', 'dom'], skipLibCheck: false },
    include: ['app.ts', 'view.tsx'],
  }));
  writeFileSync(join(app, 'app.ts'), `import 'lower-back-map/element';
    import init, { mount } from 'lower-back-map';
    const el = document.querySelector('lower-back-map')!;
    el.select('ql', 'right');
    el.config = { clinicName: 'Clinic', ui: { title: 'Where?' } };
    el.addEventListener('region-select', (e) => { const region: string | null = e.detail.region; console.log(region, e.detail.source); });
    el.addEventListener('booking-click', (e) => console.log(e.detail.href.length));
    const selected: string | undefined = el.selected;
    // @ts-expect-error: not a region
    el.select('knee');
    // @ts-expect-error: a booking-click has no source
    el.addEventListener('booking-click', (e) => e.detail.source);
    void init().then(() => mount(document.body, {}));
    console.log(selected);`);
  writeFileSync(join(app, 'view.tsx'), `import type {} from 'lower-back-map/react';
    export const View = () => <lower-back-map booking-url="https://clinic.example/book" theme="dark" region="psoas" />;
    // @ts-expect-error: no such theme
    export const Bad = () => <lower-back-map theme="purple" />;`);
  run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app], app);
});
