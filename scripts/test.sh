#!/usr/bin/env bash
# Command 2: install what is missing, then run every test.
#   scripts/test.sh              all suites
#   scripts/test.sh SUITE...     some of: lint host chrome firefox webkit e2e size
# Each suite must run at least one test; the last line sums them up ("N passed, N failed").
# The end-to-end journeys also run in WebKit when both e2e and webkit are chosen.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

suites=("$@")
[ ${#suites[@]} -eq 0 ] && suites=(lint host chrome firefox webkit e2e size)
has() { [[ " ${suites[*]} " == *" $1 "* ]]; }

part=build
for s in chrome firefox webkit; do has "$s" && part=all; done
if has chrome && ! has firefox && ! has webkit; then part=chromium; fi
has e2e && [ "$part" = build ] && part=chromium
scripts/setup.sh "$part" || exit 1
use_node_tools

logs=$(mktemp -d)
passed=0 failed=0 broken=()

# count SUITE LOG: adds up the "test result: ok. N passed; M failed" lines of cargo's runners
# and the "# pass N / # fail M" lines of node's; a suite that ran nothing counts as broken.
count() {
  local name=$1 log=$2 p f
  p=$(grep -oE '(test result: [A-Za-z]+\. [0-9]+ passed|^# pass [0-9]+)' "$log" | grep -oE '[0-9]+' | paste -sd+ - | bc)
  f=$(grep -oE '([0-9]+ failed;|^# fail [0-9]+)' "$log" | grep -oE '[0-9]+' | paste -sd+ - | bc)
  p=${p:-0} f=${f:-0}
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$p" -eq 0 ]; then
    broken+=("$name ran no test")
  fi
  printf '%s: %s passed, %s failed\n' "$name" "$p" "$f"
}

run() { # run NAME COMMAND...: runs a suite, shows its output, records its counts and status
  local name=$1; shift
  say "test suite: $name"
  "$@" 2>&1 | tee "$logs/$name.log"
  local status=${PIPESTATUS[0]}
  count "$name" "$logs/$name.log"
  [ "$status" -eq 0 ] || broken+=("$name exited with status $status")
}

if has lint; then # house style and lint hygiene, for the host and the wasm build
  say "lint: cargo fmt --check, cargo clippy (host and wasm32)"
  cargo fmt --check || broken+=("cargo fmt --check: run cargo fmt")
  cargo clippy --all-targets --color never -- -D warnings || broken+=("cargo clippy (host) found problems")
  cargo clippy --all-targets --target wasm32-unknown-unknown --color never -- -D warnings ||
    broken+=("cargo clippy (wasm32) found problems")
  # The release wasm is built without default features, and is then no_std (src/lib.rs).
  cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --color never -- -D warnings ||
    broken+=("cargo clippy (wasm32 release, no_std) found problems")
fi
has host && run host cargo test --color never
if has chrome; then
  run chrome env CHROMEDRIVER="$(command -v chromedriver)" wasm-pack test --headless --chrome
fi
if has firefox; then
  run firefox env GECKODRIVER="$(command -v geckodriver)" wasm-pack test --headless --firefox
fi
has webkit && run webkit scripts/webkit.sh wasm
if has e2e || has size; then
  say "release build for the end-to-end suite"
  scripts/build.sh web || broken+=("release build failed")
fi
has e2e && run e2e node --test --test-reporter=tap e2e/*.test.mjs
has e2e && has webkit && run e2e-webkit scripts/webkit.sh e2e
has size && run size node --test --test-reporter=tap bench/size.test.mjs

echo
if [ ${#broken[@]} -gt 0 ]; then
  for b in "${broken[@]}"; do printf '\033[31mFAILED:\033[0m %s\n' "$b"; done
  [ "$failed" -eq 0 ] && failed=${#broken[@]}
fi
echo "total: $passed passed, $failed failed"
[ ${#broken[@]} -eq 0 ] && [ "$failed" -eq 0 ]
