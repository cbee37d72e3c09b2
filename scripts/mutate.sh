#!/usr/bin/env bash
# Mutation run of the core against the native test suite (not in CI: ~30-60 min on two cores).
# Mutants: tests/mutation/mutants.json; results: the kill rate and the survivors on stdout and,
# with --report FILE, in FILE. Works on a scratch copy of the committed tree (git HEAD).
#   scripts/mutate.sh [--only 1,5,9] [--report FILE.md] [--scratch DIR]
# --web: the page's code instead (tests/mutation/web-mutants.json against the browser tests,
# with this checkout's WASM module and CLI; ~1 min per mutant).
#   scripts/mutate.sh --web [--only 1,5,9] [--report FILE.md]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--web" ]; then
  shift
  exec node tests/mutation/mutate-web.mjs "$@"
fi
exec node tests/mutation/mutate.mjs "$@"
