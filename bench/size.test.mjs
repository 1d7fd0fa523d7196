// Size is deterministic, so its budget is a test; speed lives in bench/run.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { measure, BUDGET_GZIP } from './size.mjs';
import { FAST_READER } from '../scripts/fast-strings.mjs';

test(`widget code (wasm + glue + loader) stays within ${(BUDGET_GZIP / 1024).toFixed(1)} KB gzipped`, () => {
  const total = measure().find((r) => r.name === 'total');
  assert.ok(total.gzip <= BUDGET_GZIP, `${(total.gzip / 1024).toFixed(1)} KB gzipped is over the budget`);
});

test('the wasm and its glue share short names (scripts/short-names.mjs ran)', async () => {
  const module = await WebAssembly.compile(readFileSync('www/pkg/lower_back_map_bg.wasm'));
  const names = WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`);
  const long = names.filter((n) => n.length > 5);
  assert.ok(names.length > 50, `only ${names.length} imports`);
  assert.deepEqual(long, [], 'imports with long names');
  const exported = WebAssembly.Module.exports(module).filter((e) => e.kind === 'function' || e.kind === 'table');
  assert.ok(exported.length > 15, `only ${exported.length} exported functions and tables`);
  assert.deepEqual(exported.map((e) => e.name).filter((n) => n.length > 2), [], 'exports with long names');
  assert.doesNotMatch(readFileSync('www/pkg/lower_back_map.js', 'utf8'), /__wbg_\w+_[0-9a-f]{16}/);
});

test('the glue reads short ASCII strings without TextDecoder, and reads every string right (scripts/fast-strings.mjs)', () => {
  assert.match(readFileSync('www/pkg/lower_back_map.js', 'utf8'), /fromCharCode/, 'the fast reader is in the built glue');
  // The reader itself, over a fake wasm memory: ASCII, short non-ASCII and long strings.
  const memory = new Uint8Array(256);
  const decoder = new TextDecoder();
  let decoded = 0;
  const read = new Function('getUint8ArrayMemory0', 'decodeText', `${FAST_READER}; return getStringFromWasm0;`)(
    () => memory, (bytes) => { decoded++; return decoder.decode(bytes); });
  const cases = ['aria-pressed', '', '¿Dónde le duele?', 'x'.repeat(33), 'Showing Glutes, left side.', 'عيادة'];
  for (const text of cases) {
    const bytes = new TextEncoder().encode(text);
    memory.set(bytes, 7);
    assert.equal(read(7, bytes.length), text);
  }
  assert.equal(decoded, 3, 'only the non-ASCII and the long strings go through TextDecoder');
});
