// Puts wasm-bindgen's glue into the loader, for dist/: the two-line snippet then loads one
// script and the wasm (fetched and compiled as soon as that script runs), not three files.
//   node scripts/merge-glue.mjs GLUE LOADER > merged.js
// The glue's exports become one object, which the loader's importGlue() returns in place of
// `import(glueUrl)`. Fails, writing nothing, if either file does not have the expected shape.
import { readFileSync } from 'node:fs';

/** Replaces the only occurrence of `from` in `text`, or throws. */
function once(text, from, to, what) {
  const pieces = text.split(from);
  if (pieces.length !== 2) throw new Error(`expected ${what} (${from}) exactly once, found it ${pieces.length - 1} times`);
  return pieces.join(to);
}

export function mergeGlue(glue, loader) {
  // The export list at the end, e.g. `export{k as initSync,C as default};`, and the two exported
  // declarations; names are whatever the minifier chose.
  const list = glue.match(/export\s*\{([^}]*)\};?/g);
  if (list?.length !== 1) throw new Error('expected one export list in the glue');
  const names = list[0].replace(/^export\s*\{|\};?$/g, '').split(',').map((e) => e.trim().split(/\s+as\s+/));
  const fields = names.map(([local, exported = local]) => `${exported}:${local}`);
  let body = once(glue, list[0], '', 'the export list');
  body = once(body, 'export class Widget', 'class Widget', 'the Widget class');
  body = once(body, 'export function mount', 'function mount', 'mount()');
  if (/\bexport\b|\bimport\s*[({]/.test(body)) throw new Error('the glue has another export or an import');
  const glueObject = `const __lowerBackMapGlue={${[...fields, 'Widget', 'mount'].join(',')}};`;
  const merged = once(loader, 'const importGlue = () => import(glueUrl);', 'const importGlue = async () => __lowerBackMapGlue;', "the loader's importGlue");
  return `${body}\n${glueObject}\n${merged}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [glue, loader] = process.argv.slice(2);
  if (!glue || !loader) {
    console.error('usage: node scripts/merge-glue.mjs GLUE LOADER > merged.js');
    process.exit(2);
  }
  process.stdout.write(mergeGlue(readFileSync(glue, 'utf8'), readFileSync(loader, 'utf8')));
}
