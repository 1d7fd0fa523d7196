#!/usr/bin/env bash
# Release build of the widget with wasm-pack and npm's binaryen (never Debian's wasm-opt 108).
#   scripts/build.sh            www/pkg, for the demo page and dist/ (--target web)
#   scripts/build.sh bundler    pkg/, the npm package for bundlers (--target bundler)
#
# LBM_BUILD_STD=1 builds with nightly Rust, rebuilding core with panic=immediate-abort: it was
# 3.3 KB smaller gzipped while the wasm linked std; now that it is no_std, what remains to gain
# is the panic locations and messages (not measured since: no nightly toolchain here).
# It needs `rustup toolchain install nightly --component rust-src` (wasm-pack adds the target).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
use_node_tools
# Without the panic hook's feature the release wasm is `no_std` (src/lib.rs): no std panic
# machinery and no core::fmt, 2.2 KB less gzipped.
extra=(. -- --no-default-features)
if [ "${LBM_BUILD_STD:-0}" = 1 ]; then
  export RUSTUP_TOOLCHAIN=nightly CARGO_TARGET_DIR=target/build-std
  export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
  extra+=(-Zbuild-std=std,panic_abort)
fi
case "${1:-web}" in
  web)
    wasm-pack --log-level warn build --release --target web --out-dir www/pkg --no-pack "${extra[@]}"
    # wasm-bindgen's glue is readable JS; visitors get it minified (quotes kept for dist.sh).
    terser www/pkg/lower_back_map.js --module --compress --mangle --format quote_style=3 \
      -o www/pkg/lower_back_map.js
    ;;
  bundler) wasm-pack --log-level warn build --release --target bundler --out-dir pkg "${extra[@]}" ;;
  *) die "unknown build '${1}': use web or bundler" ;;
esac
