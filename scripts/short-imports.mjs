// Gives the wasm's imports from wasm-bindgen's glue short names, in the wasm and in the glue.
// wasm-bindgen names each one after the JS it calls plus a 16-digit hash
// (`__wbg_addEventListener_847fd86b8c33ec43`), and each name is written twice, in the wasm's
// import section and as a key in the glue: about 3.5 KB of hashes that gzip cannot shrink.
//   node scripts/short-imports.mjs www/pkg/lower_back_map_bg.wasm www/pkg/lower_back_map.js
// Fails, changing nothing, unless every import is found exactly once as a key in the glue.
import { readFileSync, writeFileSync } from 'node:fs';

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function uleb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
    shift += 7;
  }
}

function lebBytes(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

const name = (text) => {
  const utf8 = Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from(lebBytes(utf8.length)), utf8]);
};

/** Short names: a, b, … z, A … Z, then aa, ab, … (never a JS keyword: all are 1–3 letters). */
function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s = letters[i % 52] + s;
    i = Math.floor(i / 52) - 1;
  } while (i >= 0);
  return s;
}

/** The glue's module name in the wasm's imports (it is never resolved: the glue passes them in). */
export const SHORT_MODULE = 'g';

/**
 * Renames the imports of `module` in `wasm` (a Buffer); returns { wasm, renames } where renames
 * maps each old field name to its new one.
 */
export function shortenImports(wasm, module) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const parts = [wasm.subarray(0, 8)];
  const renames = new Map();
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, bodyAt] = uleb(wasm, at + 1);
    const end = bodyAt + size;
    if (id !== 2) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    // The import section: count, then (module, field, kind, description) for each import.
    const [count, first] = uleb(wasm, bodyAt);
    const body = [Buffer.from(lebBytes(count))];
    let p = first;
    for (let i = 0; i < count; i++) {
      const [moduleLength, moduleAt] = uleb(wasm, p);
      const moduleName = wasm.toString('utf8', moduleAt, moduleAt + moduleLength);
      const [fieldLength, fieldAt] = uleb(wasm, moduleAt + moduleLength);
      const field = wasm.toString('utf8', fieldAt, fieldAt + fieldLength);
      const descAt = fieldAt + fieldLength;
      const descEnd = skipImportDescription(wasm, descAt);
      let [newModule, newField] = [moduleName, field];
      if (moduleName === module) {
        if (!renames.has(field)) renames.set(field, shortName(renames.size));
        [newModule, newField] = [SHORT_MODULE, renames.get(field)];
      }
      body.push(name(newModule), name(newField), wasm.subarray(descAt, descEnd));
      p = descEnd;
    }
    if (p !== end) throw new Error('import section not read to its end');
    const section = Buffer.concat(body);
    parts.push(Buffer.from([2, ...lebBytes(section.length)]), section);
    at = end;
  }
  return { wasm: Buffer.concat(parts), renames };
}

/** The end of one import's description (kind byte and its type), starting at its kind. */
function skipImportDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    p = uleb(bytes, p)[1];
    return flags & 1 ? uleb(bytes, p)[1] : p;
  };
  switch (kind) {
    case 0: return uleb(bytes, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: element type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return uleb(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

/** Renames each import's key, and the module's, in the glue; each must occur there exactly once. */
export function renameInGlue(glue, renames, module) {
  let out = glue;
  for (const [from, to] of renames) {
    const pieces = out.split(from);
    const [before, after] = pieces;
    if (pieces.length !== 2 || /[\w$]$/.test(before) || !/^["']?\s*:/.test(after)) {
      throw new Error(`expected the import ${from} exactly once in the glue, as a key`);
    }
    out = before + to + after;
  }
  const pieces = out.split(`"${module}":`);
  if (pieces.length !== 2) throw new Error(`expected the import object's key "${module}" exactly once in the glue`);
  return pieces.join(`${SHORT_MODULE}:`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [wasmPath, gluePath] = process.argv.slice(2);
  if (!wasmPath || !gluePath) {
    console.error('usage: node scripts/short-imports.mjs WASM GLUE');
    process.exit(2);
  }
  const module = `./${gluePath.split('/').pop().replace(/\.js$/, '_bg.js')}`;
  const { wasm, renames } = shortenImports(readFileSync(wasmPath), module);
  if (!renames.size) throw new Error(`no imports from "${module}" in ${wasmPath}`);
  const glue = renameInGlue(readFileSync(gluePath, 'utf8'), renames, module);
  writeFileSync(wasmPath, wasm);
  writeFileSync(gluePath, glue);
}
