#!/usr/bin/env bash
# Writes pkg/, the npm package `lower-back-map`, from the release build in www/pkg:
#   lower_back_map.js + _bg.wasm + .d.ts   wasm-bindgen's web glue: `import init, { mount } from 'lower-back-map'`
#   element.js + element.d.ts              `import 'lower-back-map/element'` registers <lower-back-map>
#   react.d.ts                             JSX types for React 19
#   lower-back-map.<lang>.json             text packs besides English (the element fetches them)
# The element is the marketer's loader with its paths made relative to the package, so bundlers
# (Vite, webpack 5) find the wasm through `new URL('./lower_back_map_bg.wasm', import.meta.url)`.
#   scripts/package.sh              build, then package
#   scripts/package.sh --no-build   package what www/pkg holds now
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

[ "${1:-}" = --no-build ] || scripts/build.sh web
for f in www/pkg/lower_back_map.js www/pkg/lower_back_map_bg.wasm www/pkg/lower_back_map.d.ts www/lower-back-map.js; do
  [ -f "$f" ] || die "$f is missing; run scripts/build.sh web"
done
rm -rf pkg
mkdir pkg
cp www/pkg/lower_back_map.js www/pkg/lower_back_map_bg.wasm www/pkg/lower_back_map.d.ts pkg/
cp packaging/element.d.ts packaging/react.d.ts packaging/README.md pkg/
cp www/lower-back-map.*.json pkg/   # text packs the element fetches for lang="es" and the like
sed "s#'\./pkg/#'./#g" www/lower-back-map.js > pkg/element.js
grep -q "'./pkg/" pkg/element.js && die "pkg/element.js still refers to ./pkg/"
grep -q "'./lower_back_map.js'" pkg/element.js || die "pkg/element.js does not import the glue"

version=$(awk -F'"' '/^\[package\]/ { p = 1; next } /^\[/ { p = 0 } p && /^version *=/ { print $2; exit }' Cargo.toml)
VERSION="$version" node -e '
  const pkg = {
    name: "lower-back-map",
    version: process.env.VERSION,
    description: "An interactive, accessible map of the lower back and hips for a massage clinic website (Rust + WebAssembly).",
    license: "MIT OR Apache-2.0",
    type: "module",
    main: "./lower_back_map.js",
    types: "./lower_back_map.d.ts",
    exports: {
      ".": { types: "./lower_back_map.d.ts", default: "./lower_back_map.js" },
      "./element": { types: "./element.d.ts", default: "./element.js" },
      "./react": { types: "./react.d.ts" },
      "./lower_back_map_bg.wasm": "./lower_back_map_bg.wasm",
      "./package.json": "./package.json",
    },
    files: ["lower_back_map.js", "lower_back_map.d.ts", "lower_back_map_bg.wasm", "element.js", "element.d.ts", "react.d.ts", "README.md", "lower-back-map.*.json"],
    sideEffects: ["./element.js"],
    keywords: ["lower back", "pain map", "massage", "custom element", "webassembly"],
  };
  require("fs").writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
'
say "pkg/ holds lower-back-map $version ($(du -sh pkg | cut -f1))"
