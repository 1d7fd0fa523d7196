#!/usr/bin/env bash
# Release build of the widget with wasm-pack and npm's binaryen (never Debian's wasm-opt 108).
#   scripts/build.sh            www/pkg, for the demo page, dist/ (scripts/dist.sh) and the npm
#                               package (scripts/package.sh), all from this one web build
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
use_node_tools
# Without the panic hook's feature the release wasm is `no_std` (src/lib.rs): no std panic
# machinery and no core::fmt, 2.2 KB less gzipped.
extra=(. -- --no-default-features)
case "${1:-web}" in
  web)
    wasm-pack --log-level warn build --release --target web --out-dir www/pkg --no-pack "${extra[@]}"
    # Short ASCII strings cross from the wasm without TextDecoder (scripts/fast-strings.mjs).
    node scripts/fast-strings.mjs www/pkg/lower_back_map.js
    # wasm-bindgen's glue is readable JS; visitors get it minified (quotes kept for dist.sh).
    terser www/pkg/lower_back_map.js --module --compress --mangle --format quote_style=3 \
      -o www/pkg/lower_back_map.js
    # The names shared by glue and wasm (imports with 16-digit hashes, exports): short ones instead.
    node scripts/short-names.mjs www/pkg/lower_back_map_bg.wasm www/pkg/lower_back_map.js
    ;;
  *) die "unknown build '${1}': use web (the npm package is scripts/package.sh)" ;;
esac
