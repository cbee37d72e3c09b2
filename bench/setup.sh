#!/bin/sh
# Installs the benchmark's anchors (DuckDB native and DuckDB-wasm, pinned in bench/package.json and
# bench/package-lock.json) into bench/node_modules, about 220 MB. Kept apart from the root
# package.json on purpose: CI's root `npm ci` never downloads them. bench/run.mjs uses them when
# present and says so when not.
set -e
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
