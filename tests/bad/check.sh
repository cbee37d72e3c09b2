#!/usr/bin/env bash
# The malformed-input corpus (tests/data/bad, made by make_bad.mjs) through the CLI:
#   tests/bad/check.sh PATH/TO/shopscore
# Each line of expected.txt is "ARGS<TAB>EXPECTED": the CLI runs `score ARGS` ($BAD is
# tests/data/bad, $LARGE the large files written now, $DATA tests/data). EXPECTED is the exact
# first stderr line with exit 2, or "warning:CODE" for exit 0 with that warning in the result.
# Nothing may exit 1, crash or hang (60 s each).
set -uo pipefail
cli=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."  # file names in messages are relative to the repository
export BAD=tests/data/bad DATA=tests/data
LARGE=$(mktemp -d)
export LARGE
trap 'rm -rf "$LARGE"' EXIT
node tests/bad/make_bad.mjs --large "$LARGE"
failures=0 cases=0
while IFS=$'\t' read -r args expected; do
  [ -z "$args" ] || [ "${args:0:1}" = "#" ] && continue
  cases=$((cases + 1))
  eval "set -- $args"
  timeout 60 "$cli" score "$@" >"$LARGE/out" 2>"$LARGE/err"
  rc=$?
  got=$(head -n 1 "$LARGE/err" | sed "s|$LARGE|\$LARGE|g")
  if [ "${expected#warning:}" != "$expected" ]; then
    code=${expected#warning:}
    if [ $rc -ne 0 ] || ! grep -q "\"code\": \"$code\"" "$LARGE/out"; then
      echo "FAIL: score $args: expected exit 0 with warning $code, got exit $rc: $got"
      failures=$((failures + 1))
    fi
  elif [ $rc -ne 2 ] || [ "$got" != "$expected" ]; then
    echo "FAIL: score $args"
    echo "  expected (exit 2): $expected"
    echo "  got (exit $rc):    $got"
    failures=$((failures + 1))
  fi
done <"$here/expected.txt"
[ $cases -ge 40 ] || { echo "FAIL: only $cases cases"; failures=$((failures + 1)); }
echo "bad inputs: $cases cases, $failures failed"
[ $failures -eq 0 ]
