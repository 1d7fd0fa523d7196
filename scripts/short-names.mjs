// Gives the names that only wasm-bindgen's glue and the wasm share short names, in both files.
// Imports: wasm-bindgen names each one after the JS it calls plus a 16-digit hash
// (`__wbg_addEventListener_847fd86b8c33ec43`), written in the wasm's import section and as a key
// in the glue: about 3.5 KB of hashes that gzip cannot shrink. Exports: the glue reads them as
// `wasm.__wbindgen_malloc`, `wasm.widget_select`, … (the closures' with hashes too).
//   node scripts/short-names.mjs www/pkg/lower_back_map_bg.wasm www/pkg/lower_back_map.js
// Fails, changing nothing, unless every import is found exactly once as a key in the glue, and
// every renamed export is read at least once as a property of the glue's exports object.
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
 * Rewrites the body of section `id` of `wasm` (a Buffer) with `rewrite(bodyAt, end)`, which
 * returns the new body; every other section is copied as it is.
 */
function rewriteSection(wasm, id, rewrite) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const [size, bodyAt] = uleb(wasm, at + 1);
    const end = bodyAt + size;
    if (wasm[at] === id) {
      const section = rewrite(bodyAt, end);
      parts.push(Buffer.from([id, ...lebBytes(section.length)]), section);
    } else {
      parts.push(wasm.subarray(at, end));
    }
    at = end;
  }
  return Buffer.concat(parts);
}

/**
 * Renames the imports of `module` in `wasm` (a Buffer); returns { wasm, renames } where renames
 * maps each old field name to its new one.
 */
export function shortenImports(wasm, module) {
  const renames = new Map();
  // The import section: count, then (module, field, kind, description) for each import.
  const out = rewriteSection(wasm, 2, (bodyAt, end) => {
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
    return Buffer.concat(body);
  });
  return { wasm: out, renames };
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

/** Export kinds renamed: functions and tables. The memory keeps its name (tests and the
 * benchmark read `exports.memory`), and so do globals (the glue never reads them). */
const RENAMED_EXPORT_KINDS = new Set([0, 1]);

/**
 * Renames the wasm's function and table exports (a Buffer); returns { wasm, renames } where
 * renames maps each old name to its new one.
 */
export function shortenExports(wasm) {
  const renames = new Map();
  // The export section: count, then (name, kind, index) for each export.
  const out = rewriteSection(wasm, 7, (bodyAt, end) => {
    const [count, first] = uleb(wasm, bodyAt);
    const body = [Buffer.from(lebBytes(count))];
    let p = first;
    for (let i = 0; i < count; i++) {
      const [length, nameAt] = uleb(wasm, p);
      const exported = wasm.toString('utf8', nameAt, nameAt + length);
      const kind = wasm[nameAt + length];
      const indexEnd = uleb(wasm, nameAt + length + 1)[1];
      let newName = exported;
      if (RENAMED_EXPORT_KINDS.has(kind)) {
        newName = shortName(renames.size);
        renames.set(exported, newName);
      }
      body.push(name(newName), wasm.subarray(nameAt + length, indexEnd));
      p = indexEnd;
    }
    if (p !== end) throw new Error('export section not read to its end');
    return Buffer.concat(body);
  });
  return { wasm: out, renames };
}

/**
 * Renames each export where the glue reads it, `exports.name` with `exports` the variable the
 * glue assigns `instance.exports` to; each must be read at least once.
 */
export function renameExportsInGlue(glue, renames) {
  const assigned = [...glue.matchAll(/([\w$]+)\s*=\s*[\w$]+\.exports\b/g)].map((m) => m[1]);
  if (new Set(assigned).size !== 1) throw new Error(`expected one variable for the wasm's exports in the glue, found ${assigned.join(', ') || 'none'}`);
  const literal = (text) => text.replace(/[$.]/g, '\\$&');
  const exportsVar = literal(assigned[0]);
  let out = glue;
  for (const [from, to] of renames) {
    const read = new RegExp(`(?<![\\w$])${exportsVar}\\.${literal(from)}(?![\\w$])`, 'g');
    const count = (out.match(read) || []).length;
    if (!count) throw new Error(`expected the export ${from} to be read in the glue as ${assigned[0]}.${from}`);
    out = out.replace(read, `${assigned[0]}.${to}`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [wasmPath, gluePath] = process.argv.slice(2);
  if (!wasmPath || !gluePath) {
    console.error('usage: node scripts/short-names.mjs WASM GLUE');
    process.exit(2);
  }
  const module = `./${gluePath.split('/').pop().replace(/\.js$/, '_bg.js')}`;
  const imports = shortenImports(readFileSync(wasmPath), module);
  if (!imports.renames.size) throw new Error(`no imports from "${module}" in ${wasmPath}`);
  const exports = shortenExports(imports.wasm);
  let glue = renameInGlue(readFileSync(gluePath, 'utf8'), imports.renames, module);
  glue = renameExportsInGlue(glue, exports.renames);
  writeFileSync(wasmPath, exports.wasm);
  writeFileSync(gluePath, glue);
}
