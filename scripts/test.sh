#!/usr/bin/env bash
# Sets up a fresh machine if needed, builds, and runs every test: the Catch2 suite natively and
# as WASM under node, the CLI checks, native/WASM parity, and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs

scripts/setup.sh
scripts/build.sh
ctest --preset native
ctest --preset wasm
node tests/parity/parity.mjs build/native/cli/shopscore build/wasm/wasm/shopscore.js
node tests/parity/exports.mjs build/native/cli/shopscore build/wasm/wasm/shopscore.js
node tests/oracle/selftest.mjs
node tests/oracle/datasets.mjs build/native/cli/shopscore
# 1000 generated shops: native and WASM byte-identical, and the independent oracle agrees.
node tests/random/differential.mjs build/native/cli/shopscore build/wasm/wasm/shopscore.js --count 1000
if [ -d tests/browser ]; then
  SHOPSCORE_REQUIRE_CLI=1 npm run --silent test:browser  # the page-vs-CLI checks may not skip here
fi
echo "test.sh: all tests passed"
