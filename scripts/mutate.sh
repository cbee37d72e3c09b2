#!/usr/bin/env bash
# Mutation run of the core against the native test suite (not in CI: ~30-60 min on two cores).
# Mutants: tests/mutation/mutants.json; results: the kill rate and the survivors on stdout and,
# with --report FILE, in FILE. Works on a scratch copy of the committed tree (git HEAD).
#   scripts/mutate.sh [--only 1,5,9] [--report FILE.md] [--scratch DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
exec node tests/mutation/mutate.mjs "$@"
