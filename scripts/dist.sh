#!/usr/bin/env bash
# Builds the files a clinic puts on any static host or CDN folder, into dist/:
#   lower-back-map.js              the loader marketers paste, with wasm-bindgen's glue in it,
#                                  minified (stable name: short cache)
#   lower-back-map-VERSION.js      the same loader, pinned to this release
#   lower-back-map.HASH.wasm       the widget, named by its content (cache forever)
#   lower-back-map.LANG.json       text packs besides English, fetched only when needed
#   HEADERS.txt                    what the host must send with each file
# HASH is the first 8 hex digits of the file's SHA-256. It also refreshes pkg/, the npm package
# for bundlers (`import 'lower-back-map/element'`, scripts/package.sh).
#
#   scripts/dist.sh              install what is missing, build both targets, package
#   scripts/dist.sh --no-build   package what www/pkg holds now (for tests that just built it)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

build=1
case "${1:-}" in
  "") ;;
  --no-build) build=0 ;;
  *) die "unknown option '$1': use --no-build or nothing" ;;
esac

if [ "$build" -eq 1 ]; then
  scripts/setup.sh build
  scripts/build.sh web
  scripts/package.sh --no-build
fi

loader=www/lower-back-map.js
glue=www/pkg/lower_back_map.js
wasm=www/pkg/lower_back_map_bg.wasm
for f in "$loader" "$glue" "$wasm"; do
  [ -f "$f" ] || die "$f is missing; run scripts/build.sh web (or scripts/dist.sh without --no-build)"
done

version=$(awk -F'"' '/^\[package\]/ { p = 1; next } /^\[/ { p = 0 } p && /^version *=/ { print $2; exit }' Cargo.toml)
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]] || die "no version found in Cargo.toml's [package]"

hash8() { sha256sum "$1" | cut -c1-8; }

# replace_once FILE FROM TO: replaces the only occurrence of FROM (a fixed string) in FILE, or
# fails, so a changed loader or glue can never ship with a path that was not rewritten.
replace_once() {
  local file=$1 from=$2 to=$3 count
  count=$(grep -cF -- "$from" "$file" || true)
  [ "$count" -eq 1 ] || die "expected '$from' exactly once in $file, found it $count times"
  FROM="$from" TO="$to" perl -0pi -e 's/\Q$ENV{FROM}\E/$ENV{TO}/' "$file"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The wasm first: its name goes into the glue and the loader.
wasm_name="lower-back-map.$(hash8 "$wasm").wasm"
cp "$wasm" "$tmp/$wasm_name"

# The glue's own fallback path (used only when init() is called without one) names the wasm too.
cp "$glue" "$tmp/glue.js"
replace_once "$tmp/glue.js" "new URL('lower_back_map_bg.wasm',import.meta.url)" "new URL('./$wasm_name',import.meta.url)"

cp "$loader" "$tmp/loader.js"
replace_once "$tmp/loader.js" "'./pkg/lower_back_map_bg.wasm'" "'./$wasm_name'"
# The glue goes into the loader (scripts/merge-glue.mjs): the snippet loads one script, which
# fetches the wasm as soon as it runs. Its key for sharing one start-up between loaders stays.
replace_once "$tmp/loader.js" "'./pkg/lower_back_map.js'" "'./lower-back-map.glue'"
use_node_tools
node scripts/merge-glue.mjs "$tmp/glue.js" "$tmp/loader.js" >"$tmp/merged.js"
# Visitors get the loader minified (its comments are in www/lower-back-map.js and the README).
terser "$tmp/merged.js" --module --compress --mangle --format quote_style=3 -o "$tmp/loader.js"
rm "$tmp/glue.js" "$tmp/merged.js"
grep -q "import(" "$tmp/loader.js" && die "the dist/ loader still imports something"
cp "$tmp/loader.js" "$tmp/lower-back-map-$version.js"
mv "$tmp/loader.js" "$tmp/lower-back-map.js"
# Text packs besides English (lower-back-map.es.json, …): fetched by the loader, next to it,
# only for a page or element in that language.
cp www/lower-back-map.*.json "$tmp/"

cat >"$tmp/HEADERS.txt" <<EOF
lower-back-map $version: how to host these files
================================================

Copy every file in this folder, unchanged and side by side, into one folder of any static
host or CDN (for example https://cdn.example.com/lower-back-map/). Keep the names: the
loaders fetch the other files by these exact names, relative to their own address.

$(printf '  %-30s %s\n' \
  lower-back-map.js "the loader marketers paste; always the newest release" \
  "lower-back-map-$version.js" "the same loader, pinned to release $version" \
  "$wasm_name" "the widget itself (WebAssembly), named by its content" \
  "lower-back-map.<lang>.json" "text packs (Spanish: es), fetched only for pages in that language")

The host must send these response headers:

1. Content-Type
     *.wasm   Content-Type: application/wasm
     *.js     Content-Type: text/javascript; charset=utf-8
   Browsers refuse a module script with a wrong type, and compile WebAssembly slower (or
   not at all) without application/wasm.

2. Access-Control-Allow-Origin (CORS): needed on the .js, .wasm and .json files whenever they
   are served from another origin than the page that shows the map (a CDN, a second domain).
   Module scripts and the WebAssembly fetch are CORS requests.
     Access-Control-Allow-Origin: *
   (or the clinic site's own origin, e.g. https://www.clinic.example, plus Vary: Origin).

3. Cache-Control
     lower-back-map.*.wasm (the hashed file)
         Cache-Control: public, max-age=31536000, immutable
         A new build has new names, so these can be cached for a year.
     lower-back-map.js (the loader, stable name), lower-back-map.<lang>.json (text packs)
         Cache-Control: public, max-age=300
         Short, so visitors get a new release within minutes.
     lower-back-map-$version.js (the pinned loader)
         Cache-Control: public, max-age=86400
         A release can be rebuilt under the same number; a day keeps that safe.

4. Compression: gzip or, better, brotli for the .wasm, .js and .json files. Some hosts compress
   text but not application/wasm; uncompressed, the wasm is about 2.4 times larger (see the
   README's size table), which costs a phone on a slow network several hundred milliseconds.
     Content-Encoding: br   (or gzip), when the browser's Accept-Encoding allows it

5. Optional: X-Content-Type-Options: nosniff on every file.

Old hashed files can stay on the host; pages still holding an old loader keep working.

The page that shows the map needs, if it sends a Content-Security-Policy:
     script-src  the CDN's origin and 'wasm-unsafe-eval'
     connect-src the CDN's origin (the .wasm is fetched)
   for example:
     script-src 'self' https://cdn.example.com 'wasm-unsafe-eval'; connect-src 'self' https://cdn.example.com

Example: Netlify or Cloudflare Pages (a file named _headers next to these files)

  /lower-back-map.js
    Cache-Control: public, max-age=300
    Access-Control-Allow-Origin: *
  /lower-back-map-$version.js
    Cache-Control: public, max-age=86400
    Access-Control-Allow-Origin: *
  /lower-back-map.*.wasm
    Content-Type: application/wasm
    Cache-Control: public, max-age=31536000, immutable
    Access-Control-Allow-Origin: *

Example: nginx

  types { application/wasm wasm; }
  gzip on; gzip_types text/javascript application/json application/wasm;
  location ~ ^/lower-back-map/lower-back-map\.[0-9a-f]{8}\.wasm\$ {
    add_header Cache-Control "public, max-age=31536000, immutable";
    add_header Access-Control-Allow-Origin "*";
  }
  location = /lower-back-map/lower-back-map.js {
    add_header Cache-Control "public, max-age=300";
    add_header Access-Control-Allow-Origin "*";
  }
  location ~ ^/lower-back-map/lower-back-map-[0-9.]+\.js\$ {
    add_header Cache-Control "public, max-age=86400";
    add_header Access-Control-Allow-Origin "*";
  }
EOF

rm -rf dist
mkdir dist
cp "$tmp"/* dist/
say "dist/ ($version):"
(cd dist && ls -l | tail -n +2 >&2)
