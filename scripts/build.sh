#!/usr/bin/env bash
# Release build of the widget with wasm-pack and npm's binaryen (never Debian's wasm-opt 108).
#   scripts/build.sh            www/pkg, for the demo page and dist/ (--target web)
#   scripts/build.sh bundler    pkg/, the npm package for bundlers (--target bundler)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
use_node_tools
case "${1:-web}" in
  web)
    wasm-pack --log-level warn build --release --target web --out-dir www/pkg --no-pack
    # wasm-bindgen's glue is readable JS; visitors get it minified (quotes kept for dist.sh).
    terser www/pkg/lower_back_map.js --module --compress --mangle --format quote_style=3 \
      -o www/pkg/lower_back_map.js
    ;;
  bundler) wasm-pack --log-level warn build --release --target bundler --out-dir pkg ;;
  *) die "unknown build '${1}': use web or bundler" ;;
esac
