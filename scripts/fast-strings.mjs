// Reads short ASCII strings from the wasm with a plain loop instead of `TextDecoder`, in
// wasm-bindgen's glue (before it is minified). Nearly every string the widget hands the DOM is a
// short ASCII name ("aria-pressed", "is-active", "true"), and `TextDecoder.decode()` has a fixed
// cost per call that dwarfs such strings: a click spent about a fifth of its script time there.
// Longer strings, and any with a non-ASCII byte, still go through the decoder.
//   node scripts/fast-strings.mjs www/pkg/lower_back_map.js
// Fails, changing nothing, unless wasm-bindgen's string reader is found exactly once.
import { readFileSync, writeFileSync } from 'node:fs';

const READER = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;

export const FAST_READER = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    const bytes = getUint8ArrayMemory0();
    if (len <= 32) {
        let text = '';
        for (let i = ptr; i < ptr + len; i++) {
            if (bytes[i] > 127) return decodeText(bytes.subarray(ptr, ptr + len));
            text += String.fromCharCode(bytes[i]);
        }
        return text;
    }
    return decodeText(bytes.subarray(ptr, ptr + len));
}`;

/** The glue with the fast reader; throws unless wasm-bindgen's reader occurs exactly once. */
export function fastStrings(glue) {
  const pieces = glue.split(READER);
  if (pieces.length !== 2) throw new Error(`expected wasm-bindgen's getStringFromWasm0 exactly once in the glue, found it ${pieces.length - 1} times`);
  return pieces.join(FAST_READER);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [gluePath] = process.argv.slice(2);
  if (!gluePath) {
    console.error('usage: node scripts/fast-strings.mjs GLUE');
    process.exit(2);
  }
  writeFileSync(gluePath, fastStrings(readFileSync(gluePath, 'utf8')));
}
