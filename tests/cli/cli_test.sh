#!/usr/bin/env bash
# The CLI's contract (SPEC §8): exit codes, one-line errors naming the file and field, options.
#   tests/cli/cli_test.sh PATH/TO/shopscore tests/data
set -uo pipefail
cli=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect EXIT_CODE STDERR_PREFIX -- ARGS...: runs the CLI, checks the exit code and that stderr is
# exactly one line starting with STDERR_PREFIX (empty prefix: stderr must be empty).
expect() {
  local code=$1 prefix=$2
  shift 3
  "$cli" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$code" ] || fail "shopscore $* exited $got, expected $code ($(head -c 300 "$tmp/err"))"
  if [ -z "$prefix" ]; then
    [ ! -s "$tmp/err" ] || fail "shopscore $* wrote to stderr: $(head -c 300 "$tmp/err")"
  else
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "shopscore $*: stderr is not one line: $(cat "$tmp/err")"
    case "$(cat "$tmp/err")" in
      "$prefix"*) ;;
      *) fail "shopscore $*: stderr '$(cat "$tmp/err")' does not start with '$prefix'" ;;
    esac
  fi
}

expect 0 "" -- --version
grep -qx "shopscore [0-9.]*" "$tmp/out" || fail "--version printed '$(cat "$tmp/out")'"
expect 0 "" -- --help
grep -q "shopscore score DATASET.json" "$tmp/out" || fail "--help lacks the usage line"

# A good dataset: the result schema with all six metrics and three dimensions.
expect 0 "" -- score "$data/spec-example.json"
for key in '"schema": "shopscore.result/1"' '"as_of": "2026-11-20"' '"nrr"' '"nbfr"' '"otdr"' '"sfcr"' '"imd"' '"aht"' \
           '"product"' '"fulfillment"' '"service"' '"benefits"'; do
  grep -qF "$key" "$tmp/out" || fail "result lacks $key"
done
expect 0 "" -- score "$data/spec-example.json" --as-of 2026-11-10
grep -qF '"as_of": "2026-11-10"' "$tmp/out" || fail "--as-of did not set as_of"

# Bad input: exit 2, one line naming the file and the field.
expect 2 "$data/errors/bad-date.json: orders[1].delivered: expected a date-time" -- score "$data/errors/bad-date.json"
expect 2 "$data/errors/wrong-type.json: reviews[0].rating: expected" -- score "$data/errors/wrong-type.json"
expect 2 "$data/errors/syntax-error.json:3:" -- score "$data/errors/syntax-error.json"
expect 2 "$data/errors/empty.json:1:1: expected a JSON document" -- score "$data/errors/empty.json"
expect 2 "$data/errors/bad-enum.json: orders[0].fulfillment: expected one of seller | fbt" -- score "$data/errors/bad-enum.json"
for f in "$data"/errors/*.json; do expect 2 "$f" -- score "$f"; done
expect 2 "$tmp/nope.json: cannot open the file" -- score "$tmp/nope.json"
expect 2 "--as-of: expected a date like 2026-11-20" -- score "$data/spec-example.json" --as-of 2026-13-01
expect 2 "shopscore: unknown option --bogus" -- score "$data/spec-example.json" --bogus
expect 2 "shopscore: give a DATASET.json or --orders FILE" -- score
expect 2 "shopscore: unknown command" -- frobnicate

# A profile file is checked like a dataset, and its numbers are used.
echo '{"id": "strict", "benchmarks": {"nrr": {"good": 0.03, "poor": 0.01}}}' >"$tmp/bad-profile.json"
expect 2 "$tmp/bad-profile.json: benchmarks.nrr: expected 0 < good < poor" -- score "$data/spec-example.json" --profile "$tmp/bad-profile.json"
echo '{"id": "mine", "volume_prior": 0}' >"$tmp/profile.json"
expect 0 "" -- score "$data/spec-example.json" --profile "$tmp/profile.json"
grep -qF '"profile": "mine"' "$tmp/out" || fail "--profile was not used"
grep -qF '"adjusted_value": 1,' "$tmp/out" || fail "volume_prior 0 should leave nrr's adjusted value at 1"

# --date-order states how slash dates are written (docs/exports.md "Dates"): 03/04/2026 with AM/PM
# reads month-first by default (4 March -> created that day, as_of 2026-03-04); stated dmy it is
# 3 April (as_of 2026-04-03). A value other than mdy/dmy is bad input.
printf 'Order ID,Created Time\nA1,03/04/2026 10:00 AM\n' >"$tmp/ambiguous.csv"
expect 0 "" -- score --orders "$tmp/ambiguous.csv"
grep -qF '"as_of": "2026-03-04"' "$tmp/out" || fail "ambiguous AM/PM dates should read month-first"
grep -qF '"code": "ambiguous_dates"' "$tmp/out" || fail "the ambiguity should be named"
expect 0 "" -- score --orders "$tmp/ambiguous.csv" --date-order dmy
grep -qF '"as_of": "2026-04-03"' "$tmp/out" || fail "--date-order dmy was not used"
grep -qF '"basis": "option"' "$tmp/out" || fail "the stated order should be named as the basis"
expect 2 "--date-order: expected mdy or dmy, got \"ymd\"" -- score --orders "$tmp/ambiguous.csv" --date-order ymd
# Issue 8 bug 2: a returns row whose second date decides the order exits 0 (it exited 1).
expect 0 "" -- score --orders "$data/exports/pending_dates/orders.csv" --returns "$data/exports/pending_dates/returns.csv"
grep -qF '"as_of": "2026-11-14"' "$tmp/out" || fail "pending_dates: as_of should be the last delivery"

if [ "$failures" -ne 0 ]; then
  echo "$failures CLI check(s) failed"
  exit 1
fi
echo "CLI checks passed"
