#!/usr/bin/env bash
# Sets up a fresh machine if needed, builds, and serves the calculator (with its built-in
# sample dataset: press "Load sample data") at http://localhost:8080/. The same folder,
# build/site/, also works opened straight from disk (file://).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
if [ -f scripts/serve.mjs ] && [ -f build/site/index.html ]; then
  exec node scripts/serve.mjs build/site "${PORT:-8080}"
fi
# Until the page exists: the CLI on the sample dataset.
exec build/native/cli/shopscore score tests/data/sample-small.json
