#!/usr/bin/env bash
# Command 1: install what is missing, build the release widget, serve www/ on 127.0.0.1.
#   scripts/serve.sh             http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh   another port
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
scripts/setup.sh build
scripts/build.sh web
exec node scripts/serve.mjs --root www --port "${PORT:-8080}"
