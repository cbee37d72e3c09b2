#!/usr/bin/env bash
# Builds everything: the native CLI and tests, the WASM module and tests, and the static site.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs  # Debian's Emscripten optimizer needs Debian's acorn

jobs=$(nproc)
cmake --preset native >/dev/null
cmake --build --preset native -j "$jobs"
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j "$jobs"
if [ -f scripts/build-site.mjs ]; then
  node scripts/build-site.mjs
fi
