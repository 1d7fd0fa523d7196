#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing. Idempotent: a second run
# only checks, in seconds. Everything comes from crates.io, npm or Debian's packages.
#
#   scripts/setup.sh            everything (build + all three browsers)
#   scripts/setup.sh build      only what `scripts/serve.sh` needs
#   scripts/setup.sh chromium   build + Chromium (likewise: firefox, webkit)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

want="${1:-all}"

need_rust_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "installing the Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

cargo_tool() { # cargo_tool BINARY CRATE [VERSION]
  local bin=$1 crate=$2 version=${3:-}
  if command -v "$bin" >/dev/null 2>&1; then
    if [ -z "$version" ] || "$bin" --version 2>/dev/null | grep -q " $version\$"; then
      return 0
    fi
  fi
  say "compiling $crate${version:+ $version} from crates.io (several minutes, once)"
  if ! cargo install "$crate" --locked ${version:+--version "$version"}; then
    # A crate's lock file can name a release the registry no longer serves (yanked);
    # then resolve its dependencies afresh, within the same semver ranges.
    say "the locked install of $crate failed; retrying with freshly resolved dependencies"
    cargo install "$crate" ${version:+--version "$version"}
  fi
}

apt_packages() { # apt_packages PKG...; installs those not installed yet
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    die "missing Debian packages: ${missing[*]}; install them as root: apt-get install ${missing[*]}"
  fi
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  say "installing Debian packages: ${missing[*]}"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
    die "could not install the Debian packages ${missing[*]}; install them by hand (apt-get install ${missing[*]}) and run this again"
  fi
}

node_modules() {
  command -v npm >/dev/null 2>&1 || apt_packages nodejs npm
  # package-lock.json pins every JS tool; reinstall only when it changed.
  if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.lock-stamp; then
    say "installing the pinned JS tools (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.lock-stamp
  fi
  # binaryen from npm (>= 110) must shadow Debian's wasm-opt 108, which breaks the module.
  local v
  v=$(node_modules/.bin/wasm-opt --version | grep -o '[0-9]\+' | head -1)
  [ "$v" -ge 110 ] || die "node_modules/.bin/wasm-opt is binaryen $v; 110 or newer is needed"
}

build_tools() {
  need_rust_target
  cargo_tool wasm-pack wasm-pack
  cargo_tool wasm-bindgen wasm-bindgen-cli "$(wasm_bindgen_version)"
  node_modules
}

chromium() {
  apt_packages chromium chromium-driver
  command -v chromedriver >/dev/null || die "chromedriver is not on PATH after installing chromium-driver"
}

firefox() {
  apt_packages firefox-esr
  cargo_tool geckodriver geckodriver
}

webkit() {
  apt_packages webkit2gtk-driver xvfb curl
  [ -x "$MINIBROWSER" ] || die "MiniBrowser not found at $MINIBROWSER (package webkit2gtk-driver)"
}

case "$want" in
  build) build_tools ;;
  chromium) build_tools; chromium ;;
  firefox) build_tools; firefox ;;
  webkit) build_tools; webkit ;;
  all) chromium; firefox; webkit; build_tools ;;
  *) die "unknown part '$want': use build, chromium, firefox, webkit or all" ;;
esac
