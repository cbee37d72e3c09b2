#!/usr/bin/env bash
# The text report (`shopscore score --format text`) against reviewed golden files.
#   tests/cli/golden_test.sh PATH/TO/shopscore            compare (ctest runs this)
#   tests/cli/golden_test.sh PATH/TO/shopscore --update   rewrite the goldens, on purpose only:
#                                                         then read the diff and check every number
#                                                         against `shopscore score ... ` JSON before committing.
set -uo pipefail
cli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")  # absolute: the cases run from the repository root
update=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
golden=$root/tests/cli/golden
failures=0

# name | dataset | options
cases=(
  "sample.en.txt|web/sample/sample-dataset.json|--lang en"
  "sample.zh.txt|web/sample/sample-dataset.json|--lang zh"
  "new-shop-protected.en.txt|tests/data/new-shop-protected.json|--lang en"
  "spec-example.zh.txt|tests/data/spec-example.json|--lang zh"
  "no-service-data.en.txt|tests/data/no-service-data.json|--lang en"
  "no-service-data.zh.txt|tests/data/no-service-data.json|--lang zh"
  "sample.insights.en.txt|web/sample/sample-dataset.json|--lang en --insights"
  "sample.insights.zh.txt|web/sample/sample-dataset.json|--lang zh --insights"
)
for c in "${cases[@]}"; do
  IFS='|' read -r name dataset options <<<"$c"
  # Run from the repository root so file names in the report do not depend on the build folder;
  # NO_COLOR and a pipe: no colour codes either way.
  # shellcheck disable=SC2086
  got=$(cd "$root" && NO_COLOR=1 "$cli" score "$dataset" --format text $options)
  status=$?
  if [ "$status" -ne 0 ]; then
    echo "FAIL: $name: shopscore exited $status"
    failures=$((failures + 1))
    continue
  fi
  if [ "$update" = "--update" ]; then
    printf '%s\n' "$got" >"$golden/$name"
    echo "wrote $golden/$name"
  elif ! diff -u "$golden/$name" <(printf '%s\n' "$got"); then
    echo "FAIL: $name differs from the golden (tests/cli/golden_test.sh CLI --update rewrites it, on purpose only)"
    failures=$((failures + 1))
  fi
done
[ "$failures" -eq 0 ] || { echo "$failures golden report(s) differ"; exit 1; }
echo "golden reports match"
