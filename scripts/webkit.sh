#!/usr/bin/env bash
# Runs something against WebKit (Safari's engine) through WebKitGTK's WebDriver on a virtual
# display, both started here on free ports and stopped on exit, also when a test fails.
#   scripts/webkit.sh wasm    the wasm-bindgen browser tests
#   scripts/webkit.sh e2e     the end-to-end journeys (e2e/webkit.test.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

display=$((100 + RANDOM % 800))
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=":$display"
port=$(free_port)
WebKitWebDriver --port="$port" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do
  curl -sf "http://127.0.0.1:$port/status" >/dev/null && break
  sleep 0.2
done
curl -sf "http://127.0.0.1:$port/status" >/dev/null || die "WebKitWebDriver did not start on port $port"
export WEBKIT_DRIVER_URL="http://127.0.0.1:$port"

case "${1:-}" in
  wasm)
    SAFARIDRIVER_REMOTE="$WEBKIT_DRIVER_URL" \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/webdriver-webkit.json" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
      cargo test --color never --target wasm32-unknown-unknown
    ;;
  e2e) node --test --test-reporter=tap e2e/webkit/ ;;
  *) die "usage: scripts/webkit.sh wasm|e2e" ;;
esac
