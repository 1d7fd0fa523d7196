// Size is deterministic, so its budget is a test; speed lives in bench/run.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure, BUDGET_GZIP } from './size.mjs';

test(`widget code (wasm + glue + loader) stays within ${BUDGET_GZIP / 1024} KB gzipped`, () => {
  const total = measure().find((r) => r.name === 'total');
  assert.ok(total.gzip <= BUDGET_GZIP, `${(total.gzip / 1024).toFixed(1)} KB gzipped is over the budget`);
});
